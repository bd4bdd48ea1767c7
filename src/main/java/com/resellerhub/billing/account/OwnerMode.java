package com.resellerhub.billing.account;

/** ACC-8: where the account's OWNER user comes from. */
public enum OwnerMode {
  /** An existing user of the identity service that belongs to no account and no staff group. */
  EXISTING,
  /** A new user made from the owner data of the request. */
  NEW,
  /** A new user made from the authorized signatory's data. */
  SIGNATORY
}
