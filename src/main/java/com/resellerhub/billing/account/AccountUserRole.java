package com.resellerhub.billing.account;

public enum AccountUserRole {
  /** The one user who owns the account (ACC-8). */
  OWNER
}
