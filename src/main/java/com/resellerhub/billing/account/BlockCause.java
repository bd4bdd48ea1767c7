package com.resellerhub.billing.account;

/**
 * Why an account is blocked. An account is BLOCKED while at least one cause is in force; each cause is lifted on its
 * own (a top-up lifts PROMISED_PAYMENT_EXPIRED, never a manager's block).
 */
public enum BlockCause {
  /** A promised payment ended with the balance below zero (PROM-5); lifted when the balance is back at zero. */
  PROMISED_PAYMENT_EXPIRED,
  /** Collections gave up on an unpaid debt (COL-*); lifted by collections. */
  COLLECTIONS,
  /** A manager blocked the account; only a manager lifts it. */
  MANAGER
}
