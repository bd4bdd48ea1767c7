package com.resellerhub.billing.payment;

import java.util.List;

/** SUB-4: these payments' due and expiry dates moved (a running promise); collections follow the new dates. */
public record PaymentDatesMoved(List<Long> paymentIds) {

  public PaymentDatesMoved {
    paymentIds = List.copyOf(paymentIds);
  }
}
