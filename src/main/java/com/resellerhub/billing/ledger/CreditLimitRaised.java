package com.resellerhub.billing.ledger;

import java.math.BigDecimal;

/**
 * Published when an account's credit limit was raised (a promised payment's grant, PROM-2), inside the transaction
 * that recorded it: money the account may now spend, like {@link MoneyReceived}. Listen after the commit.
 */
public record CreditLimitRaised(Long accountId, Long entryId, BigDecimal creditLimitAfter) {}
