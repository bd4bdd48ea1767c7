package com.resellerhub.billing.payment;

/** What a payment pays (PAY-1). */
public enum PaymentType {
  /** One order (a PREPAY commercial order waits for it). */
  ORDER,
  /** Several orders of one account in one payment. */
  COMBINED,
  /** A balance replenishment requested by the customer: paid by money in, never from the balance. */
  TOP_UP,
  /** A postpay act (the services of a closed POSTPAY period). */
  ACT
}
