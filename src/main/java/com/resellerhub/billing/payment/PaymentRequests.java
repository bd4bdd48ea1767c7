package com.resellerhub.billing.payment;

import com.resellerhub.billing.ledger.CurrencyDigits;
import com.resellerhub.billing.ledger.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Request bodies of the payment APIs. Amounts: positive, at most 15 digits and the currency's 2 decimals
 * ({@link Money#SCALE}); more are refused with 400 {@code digits} naming the field.
 */
public final class PaymentRequests {

  private PaymentRequests() {}

  /** {@code BALANCE} or the code of a payment method. */
  public record Complete(@NotBlank @Size(max = 32) String method) {}

  public record OperatorTopUp(
      @NotNull @Positive @CurrencyDigits BigDecimal amount,
      @NotBlank @Size(max = 32) String method, @Size(max = 300) String comment) {}

  public record CustomerTopUp(
      @NotNull @Positive @CurrencyDigits BigDecimal amount) {}

  public record IssueAct(@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
      @NotNull @Positive @CurrencyDigits BigDecimal amount) {}

  /** The orders to pay in one COMBINED payment. */
  public record Combine(@NotNull @Size(min = 2, max = 50) java.util.List<@NotNull Long> orderIds) {}

  /** The ERP's reference of the money received (optional). */
  public record ErpComplete(@Size(max = 100) String reference) {}
}
