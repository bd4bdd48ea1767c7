package com.resellerhub.billing.payment;

/** What an entry of a payment's history records. */
public enum PaymentEventKind {
  CREATED,
  STATUS_CHANGED,
  /** A completion attempt a gateway connector declined; the payment stays open. */
  ATTEMPT_DECLINED,
  /** The ERP confirmed the payment's act (PAY-3); the payment got its due date. */
  ACT_CONFIRMED
}
