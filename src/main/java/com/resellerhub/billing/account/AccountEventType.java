package com.resellerhub.billing.account;

/** What an entry of an account's event log (ACC-11) records. Features add their types here. */
public enum AccountEventType {
  ACCOUNT_CREATED,
  OWNER_ASSIGNED,
  OWNER_INVITATION_SENT,
  OWNER_INVITATION_FAILED,
  PASSWORD_SET,
  TERMS_ACCEPTED_BY_MANAGER,
  TERMS_ACCEPTED_BY_CUSTOMER,
  PERMISSION_SET,
  PERMISSION_UNDER_REVIEW,
  PERMISSION_APPROVED,
  PERMISSION_DECLINED,
  ORDER_PLACED,
  ORDER_PROVISIONED,
  ORDER_CANCELLED,
  PAYMENT_CREATED,
  /** Paid from the balance or with a payment method (PAY-2, PAY-3, PAY-7). */
  PAYMENT_COMPLETED,
  /** A gateway declined a customer's attempt to pay (PAY-7). */
  PAYMENT_DECLINED,
  /** Unpaid past its expiry date (PAY-5). */
  PAYMENT_OVERDUE,
  /** A renewal or prolongation payment's charge date moved by a running promised payment's days (SUB-4). */
  PAYMENT_CHARGE_DATE_MOVED,
  /** Money received and credited to the balance (operator top-up). */
  BALANCE_TOPPED_UP,
  /** A subscription's renewal or prolongation payment expired unpaid (PAY-5): the subscription is PAYMENT_OVERDUE. */
  SUBSCRIPTION_PAYMENT_OVERDUE,
  /** A subscription's automatic renewal was switched on or off (SUB-2). */
  SUBSCRIPTION_CHANGED,
  /** A postpay act was issued for a closed period. */
  ACT_ISSUED,
  /** The external ERP confirmed an act (PAY-3). */
  ACT_CONFIRMED,
  PROMISED_PAYMENT_TAKEN,
  PROMISED_PAYMENT_ENDED,
  /** A new account was activated: first usage or a manager set the date (PROM-6). */
  ACCOUNT_ACTIVATED,
  CREDIT_LIMIT_CHANGED,
  BLOCKED,
  UNBLOCKED,
  /** An open postpay review was not completed in time (PP-10). */
  APPROVAL_ESCALATED,
  /** COL-1..3: a payment's collection started, a reminder was mailed, a manager reviewed, it ended. */
  COLLECTION_STARTED,
  COLLECTION_REMINDER_SENT,
  COLLECTION_REVIEWED,
  COLLECTION_REVIEW_ESCALATED,
  COLLECTION_ENDED
}
