package com.resellerhub.billing.account;

/**
 * Published inside the transaction that blocked an active account (its first cause came into force). Listeners in
 * the same transaction (subscriptions are suspended) make the block and its effects one change.
 */
public record AccountBlocked(Long accountId, BlockCause cause) {}
