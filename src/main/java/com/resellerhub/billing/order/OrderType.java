package com.resellerhub.billing.order;

public enum OrderType {
  /** A new subscription. */
  NEW,
  /** The next period of an auto-renewing subscription, created ahead of its expiry. */
  RENEWAL,
  /** An extension of a subscription's paid-until date. */
  PROLONGATION
}
