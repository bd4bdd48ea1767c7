package com.resellerhub.billing.subscription;

/**
 * Published inside the transaction that stopped a subscription's renewal (auto-renew off, cancelled at the end of
 * its term) or terminated it ({@code terminated}): the orders waiting for payment for its next term (and, when
 * terminated, for its next instalment) are cancelled with their payments in the same transaction (SUB-2).
 */
public record SubscriptionRenewalStopped(Long subscriptionId, Long accountId, boolean terminated, String actor,
    String reason) {}
