package com.resellerhub.billing.payment;

import org.springframework.data.jpa.repository.JpaRepository;

interface PostpayActRepository extends JpaRepository<PostpayAct, Long> {

  boolean existsByAccountIdAndPeriodStart(Long accountId, java.time.LocalDate periodStart);
}
