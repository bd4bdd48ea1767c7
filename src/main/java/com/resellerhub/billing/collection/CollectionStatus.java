package com.resellerhub.billing.collection;

/** Where a payment's collection stands. */
public enum CollectionStatus {
  /** Reminders and steps are running. */
  OPEN,
  /** The payment was paid (COL-3): its subscriptions were restored. */
  SETTLED,
  /** The payment was cancelled (its subscription stopped, or it was combined into another). */
  CANCELLED,
  /** It stayed unpaid: its subscriptions were terminated (SUB-3). */
  TERMINATED,
  /** It stayed unpaid and pays no subscription: the reminders were sent, nothing more to do. */
  CLOSED
}
