package com.resellerhub.billing.ledger;

import com.resellerhub.billing.web.ConflictException;
import java.math.BigDecimal;

/**
 * The ledger's rules, in one place for a single movement ({@link BalanceService#record}) and a batch
 * ({@link BalanceService#debitAll}): what a key already recorded means, and what a movement may do to an account's
 * totals.
 */
final class LedgerRules {

  /** An account's running totals. */
  record Totals(BigDecimal balance, BigDecimal creditLimit) {

    /** What may still be taken: balance plus credit limit. */
    BigDecimal available() {
      return balance.add(creditLimit);
    }
  }

  /** What an entry already recorded under a key says (to compare a repeat with). */
  record Stored(long accountId, EntryType type, BigDecimal amount, BigDecimal creditLimitChange) {}

  private LedgerRules() {}

  /**
   * Idempotency (PAY-6): a key already recorded is a replay when it was recorded for the same movement of the same
   * account, and refused when it was used for a different one.
   */
  static void sameMovementOrRefuse(Stored stored, long accountId, Movement movement) {
    boolean same = stored.accountId() == accountId && stored.type() == movement.type()
        && stored.amount().compareTo(movement.amount()) == 0
        && stored.creditLimitChange().compareTo(movement.creditLimitChange()) == 0;
    if (!same) {
      throw new ConflictException("idempotency-key-reused", "The key " + movement.idempotencyKey()
          + " was already used for a different movement");
    }
  }

  /**
   * The account's totals after the movement. Refuses a debit that would take the balance below minus the credit
   * limit (unless its type may overdraw) and a credit limit below zero.
   */
  static Totals apply(long accountId, Totals before, Movement movement) {
    return apply(accountId, before, movement, false);
  }

  /**
   * {@link #apply(long, Totals, Movement)}; {@code covered}: the debit pays with money received for it in the same
   * transaction (a payment paid by a method), so the balance it leaves is the one before that money came in, and no
   * balance or credit limit can refuse it.
   */
  static Totals apply(long accountId, Totals before, Movement movement, boolean covered) {
    if (movement.amount().signum() < 0 && !movement.type().mayOverdraw() && !covered
        && before.available().add(movement.amount()).signum() < 0) {
      throw new InsufficientFundsException(accountId, movement.amount().negate(), before.available());
    }
    if (before.creditLimit().add(movement.creditLimitChange()).signum() < 0) {
      throw new ConflictException("credit-limit-negative", "The credit limit of account " + accountId
          + " cannot go below zero");
    }
    return new Totals(Money.of(before.balance().add(movement.amount())),
        Money.of(before.creditLimit().add(movement.creditLimitChange())));
  }
}
