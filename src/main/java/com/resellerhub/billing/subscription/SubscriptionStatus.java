package com.resellerhub.billing.subscription;

public enum SubscriptionStatus {
  PENDING,
  ACTIVE,
  DELIVERED,
  /** A renewal or prolongation payment expired unpaid (PAY-5). */
  PAYMENT_OVERDUE,
  /** Suspended, e.g. while the account is financially blocked (PROM-5). */
  SUSPENDED,
  TERMINATED
}
