package com.resellerhub.billing.payment;

import java.util.List;

/**
 * Published in the transaction that closed these payments: paid (by any channel, the billing day's debit included)
 * or cancelled. Collections listen after the commit to stop what no longer applies (COL-3).
 *
 * @param paymentIds the payments, in no particular order
 * @param paid true when they were paid, false when cancelled
 */
public record PaymentsClosed(List<Long> paymentIds, boolean paid) {

  public PaymentsClosed {
    paymentIds = List.copyOf(paymentIds);
  }
}
