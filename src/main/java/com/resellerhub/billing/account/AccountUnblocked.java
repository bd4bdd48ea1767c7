package com.resellerhub.billing.account;

/** Published inside the transaction that lifted an account's last block cause (the account is active again). */
public record AccountUnblocked(Long accountId, BlockCause lastCause) {}
