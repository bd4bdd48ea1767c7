package com.resellerhub.billing.ledger;

import java.math.BigDecimal;

/**
 * Published when money came into an account (a top-up or another real payment received, or a positive
 * correction), inside the transaction that recorded it. Listen with
 * {@code @TransactionalEventListener(phase = AFTER_COMMIT)} to act only once it is committed, e.g. to repay a
 * promised payment or lift a financial block.
 */
public record MoneyReceived(Long accountId, Long entryId, BigDecimal amount, BigDecimal balanceAfter,
    BigDecimal creditLimitAfter) {}
