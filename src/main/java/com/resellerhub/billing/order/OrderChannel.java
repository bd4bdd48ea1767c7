package com.resellerhub.billing.order;

/** Through which door an order came in. */
public enum OrderChannel {
  CUSTOMER_API,
  OPERATOR_API,
  /** Created by the platform itself, e.g. renewals on a billing day. */
  SYSTEM
}
