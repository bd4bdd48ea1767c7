package com.resellerhub.billing.collection;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A reminder recorded in this transaction; {@link CollectionMails} mails it after the commit. */
record ReminderDue(long accountId, long paymentId, ReminderKind kind, String recipient, String ownerName,
    String accountName, BigDecimal amount, String currency, LocalDate expiresOn, LocalDate day) {}
