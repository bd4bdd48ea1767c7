package com.resellerhub.billing.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plans for managers: every plan of the reseller, active or not; creating plans. */
@RestController
@RequestMapping("/api/operator/plans")
@Tag(name = "operator", description = "Operator API (managers)")
public class PlanController {

  private final PlanService plans;

  public PlanController(PlanService plans) {
    this.plans = plans;
  }

  @GetMapping
  @Operation(summary = "All plans of the reseller")
  public List<PlanView> list() {
    return plans.list().stream().map(PlanView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One plan")
  public PlanView get(@PathVariable long id) {
    return PlanView.of(plans.get(id));
  }

  @PostMapping
  @Operation(summary = "Create a plan (tariff): PREPAY or POSTPAY, price per ISO period, optional trial")
  public ResponseEntity<PlanView> create(@RequestBody NewPlan request) {
    PlanView created = PlanView.of(plans.create(request));
    return ResponseEntity.created(URI.create("/api/operator/plans/" + created.id())).body(created);
  }

  @GetMapping("/{id}/promised-payment-options")
  @Operation(summary = "The plan's promised-payment options (PROM-3, PROM-6)")
  public PromisedPaymentOptions promisedPaymentOptions(@PathVariable long id) {
    return plans.get(id).getPromisedPaymentOptions();
  }

  @PutMapping("/{id}/promised-payment-options")
  @Operation(summary = "Replace the plan's promised-payment options (PROM-3, PROM-6)")
  public PromisedPaymentOptions changePromisedPaymentOptions(@PathVariable long id,
      @RequestBody PromisedPaymentOptions options) {
    return plans.changePromisedPaymentOptions(id, options).getPromisedPaymentOptions();
  }
}
