package com.resellerhub.billing.billingday;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BillingDayRunRepository extends JpaRepository<BillingDayRun, Long> {

  Optional<BillingDayRun> findByBusinessDate(LocalDate businessDate);

  /** The run, its row locked until the transaction ends (two instances of one day take their turns). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from BillingDayRun r where r.id = :id")
  Optional<BillingDayRun> lockById(@Param("id") Long id);

  Page<BillingDayRun> findAllByOrderByBusinessDateDesc(Pageable pageable);
}
