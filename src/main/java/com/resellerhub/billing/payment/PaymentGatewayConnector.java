package com.resellerhub.billing.payment;

import java.math.BigDecimal;

/**
 * A payment gateway (PAY-7): charges the customer's money for a payment. Implementations are Spring beans; a
 * {@link PaymentMethod} with {@code gatewayConnector} names one by {@link #code()}. The charge runs while the payment's
 * row is locked, so one payment is never charged twice concurrently.
 */
public interface PaymentGatewayConnector {

  /** The code payment methods name this connector by. */
  String code();

  Result charge(Charge charge);

  /** What to charge: the payment, its account, the amount and currency. */
  record Charge(Long paymentId, Long accountId, BigDecimal amount, String currency) {}

  /** Approved with the gateway's transaction id, or declined with the gateway's reason. */
  record Result(boolean approved, String transactionId, String declineReason) {

    public static Result approved(String transactionId) {
      return new Result(true, transactionId, null);
    }

    public static Result declined(String reason) {
      return new Result(false, null, reason);
    }
  }
}
