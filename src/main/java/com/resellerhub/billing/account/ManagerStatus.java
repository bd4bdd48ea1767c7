package com.resellerhub.billing.account;

public enum ManagerStatus {
  ACTIVE,
  INACTIVE
}
