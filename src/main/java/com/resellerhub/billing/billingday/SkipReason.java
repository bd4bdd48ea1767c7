package com.resellerhub.billing.billingday;

/** Why a payment was not paid automatically on its expiry date: the first PAY-4 condition that failed. */
public enum SkipReason {
  RESELLER_ALLOWS_WORK_WITHOUT_BALANCE("the reseller lets accounts work without balance"),
  RESELLER_INVOICES_BY_EXTERNAL_SYSTEM("the reseller's invoices come from an external system"),
  TOP_UP_NOT_PAYABLE_FROM_BALANCE("a top-up is never paid from the balance"),
  NOT_AWAITING_PAYMENT("the payment is not awaiting payment"),
  POSTPAY_EXPIRY_PASSED("the postpay payment's expiry date (due date + 1 day) has passed"),
  NO_ORDER("the payment has no order"),
  ORDER_NOT_RENEWAL_OR_PROLONGATION("an order is neither a renewal nor a prolongation"),
  SUBSCRIPTION_NOT_ACTIVE("a subscription is not ACTIVE, DELIVERED or PAYMENT_OVERDUE"),
  RENEWAL_CREATED_AFTER_EXPIRY("a renewal order was created on or after the subscription's expiry date"),
  RENEWAL_SUBSCRIPTION_EXPIRED("a renewed subscription's expiry date has passed"),
  RENEWAL_AUTO_RENEW_OFF("a renewed subscription does not renew automatically"),
  PROLONGATION_CREATED_AFTER_PAID_UNTIL("a prolongation order was created after the paid-until date"),
  PROLONGATION_PAID_UNTIL_PASSED("the paid-until date has passed and no grace period covers today"),
  INSUFFICIENT_BALANCE("balance plus credit limit is less than the amount");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
