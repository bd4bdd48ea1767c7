package com.resellerhub.billing.account;

/** PP-1: whether an account may order postpaid subscriptions without review. */
public enum PostpayPermission {
  APPROVED,
  NOT_VERIFIED,
  UNDER_REVIEW,
  DECLINED
}
