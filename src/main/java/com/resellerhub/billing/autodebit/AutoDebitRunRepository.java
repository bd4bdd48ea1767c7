package com.resellerhub.billing.autodebit;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AutoDebitRunRepository extends JpaRepository<AutoDebitRun, Long> {

  Optional<AutoDebitRun> findByBusinessDate(LocalDate businessDate);

  Page<AutoDebitRun> findAllByOrderByBusinessDateDesc(Pageable pageable);
}
