package com.resellerhub.billing.autodebit;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AutoDebitRunRepository extends JpaRepository<AutoDebitRun, Long> {

  Optional<AutoDebitRun> findByBusinessDate(LocalDate businessDate);

  /** The run, its row locked until the transaction ends (two instances of one day take their turns). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from AutoDebitRun r where r.id = :id")
  Optional<AutoDebitRun> lockById(@Param("id") Long id);

  Page<AutoDebitRun> findAllByOrderByBusinessDateDesc(Pageable pageable);
}
