package com.resellerhub.billing.payment;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PostpayActRepository extends JpaRepository<PostpayAct, Long> {

  boolean existsByAccountIdAndPeriodStart(Long accountId, LocalDate periodStart);

  /** Locks the act's row until the transaction ends, so concurrent confirmations confirm once. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from PostpayAct a where a.id = :id")
  Optional<PostpayAct> lock(@Param("id") Long id);
}
