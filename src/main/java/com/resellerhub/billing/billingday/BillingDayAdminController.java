package com.resellerhub.billing.billingday;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing day on demand: a camunda-admin runs it for today (the application clock's date), e.g. after moving the
 * demo clock. The automatic debit run calls {@link BillingDayService} itself.
 */
@RestController
@Tag(name = "admin", description = "Admin API: camunda-admin")
public class BillingDayAdminController {

  public record Run(LocalDate today, int renewals, int prolongations, int combined, int acts) {}

  private final BillingDayService billingDay;
  private final Clock clock;

  public BillingDayAdminController(BillingDayService billingDay, Clock clock) {
    this.billingDay = billingDay;
    this.clock = clock;
  }

  @PostMapping("/api/admin/billing-day")
  @Operation(summary = "Create today's renewal and prolongation orders with their payments, and the acts of closed"
      + " postpay periods (idempotent)")
  public Run run() {
    LocalDate today = LocalDate.now(clock);
    BillingDayService.Created created = billingDay.createDuePayments(today);
    return new Run(today, created.renewals(), created.prolongations(), created.combined(), created.acts());
  }
}
