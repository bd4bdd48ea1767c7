package com.resellerhub.billing.reseller;

/** RS-1: how an account gets permission to order postpaid subscriptions. */
public enum PostpayApproval {
  /** Every account may order postpaid subscriptions; new accounts are APPROVED (ACC-5). */
  AUTOMATIC,
  /** A manager decides: at creation (APPROVED or NOT_VERIFIED) or on the first order that needs it (PP-3). */
  MANUAL
}
