package com.resellerhub.billing.reseller;

/** RS-1 {@code postpayApprovalAppliesTo}: which postpaid orders need permission in MANUAL mode (PP-2). */
public enum PostpayApprovalScope {
  COMMERCIAL,
  COMMERCIAL_AND_TRIAL
}
