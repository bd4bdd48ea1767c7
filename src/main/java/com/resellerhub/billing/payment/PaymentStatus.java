package com.resellerhub.billing.payment;

/** PAY-1. Only AWAITING_PAYMENT and OVERDUE payments can be completed (PAY-2, PAY-5). */
public enum PaymentStatus {
  AWAITING_PAYMENT,
  OVERDUE,
  PAID_FROM_BALANCE,
  COMPLETED,
  CANCELLED;

  public boolean isOpen() {
    return this == AWAITING_PAYMENT || this == OVERDUE;
  }
}
