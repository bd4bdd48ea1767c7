package com.resellerhub.billing.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A movement to record: its type, the signed balance change, the signed credit-limit change, the idempotency key
 * and what it refers to. Build it with the factory methods, which give the amounts their signs.
 */
public record Movement(EntryType type, BigDecimal amount, BigDecimal creditLimitChange, String idempotencyKey,
    String referenceType, Long referenceId, String description, String actor) {

  public Movement {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(actor, "actor");
    amount = Money.of(amount == null ? BigDecimal.ZERO : amount);
    creditLimitChange = Money.of(creditLimitChange == null ? BigDecimal.ZERO : creditLimitChange);
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 160) {
      throw new IllegalArgumentException("idempotency key must have 1 to 160 characters");
    }
  }

  /** Money in (a real payment received): {@code amount} must be positive. */
  public static Movement credit(EntryType type, BigDecimal amount, String key, String refType, Long refId,
      String description, String actor) {
    requirePositive(amount);
    if (!type.isCredit()) {
      throw new IllegalArgumentException(type + " is not money in");
    }
    return new Movement(type, amount, BigDecimal.ZERO, key, refType, refId, description, actor);
  }

  /** Money out: {@code amount} is the positive sum taken; the entry records it negative. */
  public static Movement debit(EntryType type, BigDecimal amount, String key, String refType, Long refId,
      String description, String actor) {
    requirePositive(amount);
    if (!type.isDebit()) {
      throw new IllegalArgumentException(type + " is not money out");
    }
    return new Movement(type, amount.negate(), BigDecimal.ZERO, key, refType, refId, description, actor);
  }

  /** A correction of either sign, never zero. */
  public static Movement correction(BigDecimal signedAmount, String key, String description, String actor) {
    if (signedAmount == null || signedAmount.signum() == 0) {
      throw new IllegalArgumentException("a correction moves money");
    }
    return new Movement(EntryType.CORRECTION, signedAmount, BigDecimal.ZERO, key, null, null, description, actor);
  }

  /** Raises (positive) or lowers (negative) the credit limit; moves no money. */
  public static Movement creditLimit(BigDecimal signedChange, String key, String refType, Long refId,
      String description, String actor) {
    if (signedChange == null || signedChange.signum() == 0) {
      throw new IllegalArgumentException("a credit-limit change is not zero");
    }
    return new Movement(EntryType.CREDIT_LIMIT_CHANGE, BigDecimal.ZERO, signedChange, key, refType, refId,
        description, actor);
  }

  private static void requirePositive(BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
  }
}
