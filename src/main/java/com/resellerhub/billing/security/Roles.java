package com.resellerhub.billing.security;

/** The groups of Camunda's identity service that act as roles (SEC-2), and the authorities derived from them. */
public final class Roles {

  public static final String MANAGERS = "managers";
  public static final String ANALYSTS = "analysts";
  public static final String ERP = "erp";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Authority of a member of a Camunda group. */
  public static final String GROUP_PREFIX = "GROUP_";
  /** Authority of a user linked to an account (the customer API). */
  public static final String CUSTOMER = "ROLE_CUSTOMER";

  private Roles() {}

  public static String group(String groupId) {
    return GROUP_PREFIX + groupId;
  }
}
