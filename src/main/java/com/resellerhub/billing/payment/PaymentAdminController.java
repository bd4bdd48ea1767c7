package com.resellerhub.billing.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PAY-5 until the daily billing-day process takes it over: a camunda-admin marks the payments that expired before
 * today (the application clock's date) OVERDUE.
 */
@RestController
@Tag(name = "admin", description = "Admin API: camunda-admin")
public class PaymentAdminController {

  public record Marked(LocalDate today, int markedOverdue) {}

  private final PaymentService payments;
  private final Clock clock;
  private final OverduePayments overdue;

  public PaymentAdminController(PaymentService payments, Clock clock, OverduePayments overdue) {
    this.overdue = overdue;
    this.payments = payments;
    this.clock = clock;
  }

  @PostMapping("/api/admin/payments/mark-overdue")
  @Operation(summary = "Mark AWAITING_PAYMENT payments whose expiry date has passed OVERDUE (PAY-5)")
  public Marked markOverdue() {
    LocalDate today = LocalDate.now(clock);
    return new Marked(today, overdue.markExpiredOverdue(today));
  }
}
