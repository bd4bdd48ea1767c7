package com.resellerhub.billing.promise;

import java.time.Instant;

/**
 * The promised-payment process as the promise feature needs it (implemented in {@code process/}): one instance per
 * promise, business key = promise id. Both join the caller's transaction.
 */
public interface PromiseProcesses {

  /** Starts the lifecycle of a promise just taken: grant, then wait until {@code endsAt} or repayment. */
  void start(Long promiseId, Long accountId, Instant endsAt);

  /** Tells the promise's process that top-ups repaid it (no effect when it no longer waits). */
  void repaid(Long promiseId);
}
