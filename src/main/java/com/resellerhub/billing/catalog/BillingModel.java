package com.resellerhub.billing.catalog;

/** How a plan is paid: before the period (PREPAY) or after the service was used (POSTPAY, needs permission: PP-2). */
public enum BillingModel {
  PREPAY,
  POSTPAY
}
