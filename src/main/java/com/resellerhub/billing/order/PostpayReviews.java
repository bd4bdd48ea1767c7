package com.resellerhub.billing.order;

/**
 * Asks a manager to review an account's postpay permission (PP-3): implemented by the Camunda glue, which starts
 * the postpay-approval process, so this feature does not depend on the engine. Called inside the order's
 * transaction: a rolled-back order leaves no process behind.
 */
public interface PostpayReviews {

  void requestReview(Order order);

  /** The reviews waiting for a manager: open "Review postpay permission" tasks (the OPS-4 gauge). */
  long openCount();
}
