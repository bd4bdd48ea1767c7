package com.resellerhub.billing.billingday;

import java.time.LocalDate;

/**
 * Published in the transaction that finished a billing day (its debits done, the expired payments OVERDUE): what
 * follows a day's settlement, collections first, listens after the commit.
 */
public record BillingDayFinished(LocalDate businessDate, int markedOverdue) {}
