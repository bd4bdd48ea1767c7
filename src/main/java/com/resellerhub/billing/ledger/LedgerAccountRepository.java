package com.resellerhub.billing.ledger;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LedgerAccountRepository extends JpaRepository<LedgerAccount, Long> {

  /** Locks the account's ledger row until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from LedgerAccount a where a.accountId = :accountId")
  Optional<LedgerAccount> lock(@Param("accountId") Long accountId);
}
