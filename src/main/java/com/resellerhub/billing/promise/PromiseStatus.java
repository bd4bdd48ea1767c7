package com.resellerhub.billing.promise;

/** Where a promised payment is in its lifecycle. */
public enum PromiseStatus {
  /** Taken; the credit is being granted (the process's first job). */
  TAKEN,
  /** The credit limit is raised; waiting for the end date or repayment. */
  ACTIVE,
  /** Ended early: top-ups since it was taken reached its amount. */
  REPAID,
  /** Ended because its days ran out. */
  EXPIRED;

  public boolean running() {
    return this == TAKEN || this == ACTIVE;
  }
}
