package com.resellerhub.billing.ledger;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Append-only: entries can be added and read, never updated or deleted. */
interface LedgerEntryRepository extends Repository<LedgerEntry, Long> {

  LedgerEntry save(LedgerEntry entry);

  Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey);

  Page<LedgerEntry> findByAccountIdOrderByIdDesc(Long accountId, Pageable pageable);

  @Query("select coalesce(sum(e.amount), 0) from LedgerEntry e where e.accountId = :accountId")
  BigDecimal sumOfAmounts(@Param("accountId") Long accountId);

  @Query("select max(e.createdAt) from LedgerEntry e where e.accountId = :accountId and e.type in :types"
      + " and e.amount <> 0")
  java.time.Instant lastMovementAt(@Param("accountId") Long accountId,
      @Param("types") java.util.Collection<EntryType> types);

  @Query("select coalesce(sum(e.creditLimitChange), 0) from LedgerEntry e where e.accountId = :accountId")
  BigDecimal sumOfCreditLimitChanges(@Param("accountId") Long accountId);
}
