package com.resellerhub.billing.account;

import java.time.Instant;

/** Published in the creating transaction; the "account created" mail goes out only after it commits (ACC-8). */
record OwnerInvited(Long accountId, String accountName, String userId, String email, String ownerName,
    String token, Instant expiresAt) {}
