package com.resellerhub.billing.order;

public enum OrderStatus {
  /** Waits for a manager's postpay approval (PP-3). */
  PENDING_APPROVAL,
  /** Waits for its payment (PREPAY orders; the payments feature). */
  AWAITING_PAYMENT,
  PROVISIONED,
  CANCELLED
}
