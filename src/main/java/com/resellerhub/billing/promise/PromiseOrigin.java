package com.resellerhub.billing.promise;

/** Who started a promise. */
public enum PromiseOrigin {
  CUSTOMER_API,
  OPERATOR_API,
  /** Started automatically when a new account was activated (PROM-6). */
  ACTIVATION
}
