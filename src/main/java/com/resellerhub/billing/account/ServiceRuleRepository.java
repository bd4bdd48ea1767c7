package com.resellerhub.billing.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceRuleRepository extends JpaRepository<ServiceRule, Long> {

  List<ServiceRule> findByResellerIdOrderById(Long resellerId);

  Optional<ServiceRule> findByResellerIdAndCode(Long resellerId, String code);
}
