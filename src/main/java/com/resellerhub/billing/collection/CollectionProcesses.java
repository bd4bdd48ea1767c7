package com.resellerhub.billing.collection;

import java.time.Instant;

/** Starts a payment's collections process (implemented by the process glue, {@code collection.process}). */
public interface CollectionProcesses {

  /** Starts the process of a payment (business key: the payment id), in the caller's transaction. */
  void start(long paymentId, long accountId, Timers timers);

  /** The moments of the process's timers, from {@link CollectionRules.Schedule}. */
  record Timers(Instant remindBeforeExpiryAt, Instant overdueAt, Instant remindBeforeSuspensionAt, Instant suspendAt,
      Instant remindBeforeTerminationAt, Instant terminateAt, boolean hasSubscriptions) {}
}
