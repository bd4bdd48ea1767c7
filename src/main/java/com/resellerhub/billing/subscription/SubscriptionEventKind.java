package com.resellerhub.billing.subscription;

/** What an entry of a subscription's history records (SUB-1). */
public enum SubscriptionEventKind {
  CREATED,
  RENEWED,
  PROLONGED,
  PAYMENT_OVERDUE,
  SUSPENDED,
  RESUMED,
  TERMINATED,
  STATUS_CHANGED,
  AUTO_RENEW_ON,
  AUTO_RENEW_OFF,
  CANCELLED
}
