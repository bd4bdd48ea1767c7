package com.resellerhub.billing.payment;

/** What an entry of a payment's history records. */
public enum PaymentEventKind {
  CREATED,
  STATUS_CHANGED,
  /** A completion attempt a gateway connector declined; the payment stays open. */
  ATTEMPT_DECLINED,
  /** The ERP confirmed the payment's act (PAY-3); the payment got its due date. */
  ACT_CONFIRMED,
  /** The billing day did not pay it from the balance; the detail names the PAY-4 condition that failed. */
  AUTO_DEBIT_SKIPPED,
  /** SUB-4: the billing day moved its charge date (due and expiry) because a promised payment was running. */
  CHARGE_DATE_MOVED
}
