package com.resellerhub.billing.promise;

/**
 * What the promised-payment process does to the domain, one method per service task. Each is idempotent (ledger
 * keys per promise), so a retried job never moves money twice. The current definition calls {@link #grant} and
 * {@link #close}; instances started on a definition from before the single close step still call the three steps
 * it is made of, until they end.
 */
public interface PromiseLifecycle {

  /** "Grant credit" (PROM-2): raise the credit limit by the amount and charge the connection fee. */
  void grant(long promiseId);

  /**
   * "Close promise" (PROM-4, PROM-5), in one transaction: {@link #chargeCommission}, {@link #withdrawCredit} and,
   * when the balance is below zero, {@link #blockAccount}. Returns whether the balance is below zero.
   */
  boolean close(long promiseId);

  /** "Charge commission" (PROM-4): ends an ACTIVE promise as expired, then one entry per charging period. */
  void chargeCommission(long promiseId);

  /** "Withdraw credit" (PROM-5): lower the credit limit again; whether the balance is now below zero. */
  boolean withdrawCredit(long promiseId);

  /** "Block account" (PROM-5): block the account and suspend its subscriptions (unless the balance recovered). */
  void blockAccount(long promiseId);
}
