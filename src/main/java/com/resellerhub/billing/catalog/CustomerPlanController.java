package com.resellerhub.billing.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plans for customers: those they can order. */
@RestController
@RequestMapping("/api/customer/plans")
@Tag(name = "customer", description = "Customer API")
public class CustomerPlanController {

  private final PlanService plans;

  public CustomerPlanController(PlanService plans) {
    this.plans = plans;
  }

  @GetMapping
  @Operation(summary = "The plans a customer can order (active plans)")
  public List<PlanView> list() {
    return plans.listActive().stream().map(PlanView::of).toList();
  }
}
