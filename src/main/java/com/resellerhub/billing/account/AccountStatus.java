package com.resellerhub.billing.account;

public enum AccountStatus {
  ACTIVE,
  /** Financially blocked: the balance stayed below zero after a promised payment ended (PROM-5). */
  BLOCKED,
  CLOSED
}
