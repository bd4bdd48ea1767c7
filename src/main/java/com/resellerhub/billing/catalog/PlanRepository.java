package com.resellerhub.billing.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Only {@link PlanService} uses it; other packages go through the service. */
interface PlanRepository extends JpaRepository<Plan, Long> {

  List<Plan> findByResellerIdOrderByCodeAsc(Long resellerId);

  List<Plan> findByResellerIdAndActiveTrueOrderByCodeAsc(Long resellerId);

  boolean existsByResellerIdAndCode(Long resellerId, String code);
}
