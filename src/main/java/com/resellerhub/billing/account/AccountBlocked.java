package com.resellerhub.billing.account;

import java.util.List;

/**
 * Published inside the transaction that blocked active accounts (their first cause came into force), naming them all.
 * Listeners in the same transaction (subscriptions are suspended) make the block and its effects one change.
 */
public record AccountBlocked(List<Long> accountIds, BlockCause cause) {}
