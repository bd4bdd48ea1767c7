package com.resellerhub.billing.promise;

/** How a promise's commission is charged (PROM-1, PROM-4). ONE_TIME exists in the seed but is refused. */
public enum ChargeMethod {
  /** Per day held: every day counts, the first and the day of repayment included. */
  DAILY,
  /** Per calendar month held (each month touched counts once). */
  MONTHLY,
  /** Refused for offers: the promise must last its days. */
  ONE_TIME
}
