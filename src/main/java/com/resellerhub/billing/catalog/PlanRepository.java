package com.resellerhub.billing.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Only {@link PlanService} uses it; other packages go through the service. */
interface PlanRepository extends JpaRepository<Plan, Long> {

  List<Plan> findByResellerIdOrderByCodeAsc(Long resellerId);

  List<Plan> findByResellerIdAndActiveTrueOrderByCodeAsc(Long resellerId);

  Optional<Plan> findByIdAndResellerId(Long id, Long resellerId);

  boolean existsByResellerIdAndCode(Long resellerId, String code);
}
