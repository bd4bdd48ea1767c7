package com.resellerhub.billing.ledger;

/** What a ledger entry records. Amounts are signed: money in is positive, money out negative. */
public enum EntryType {
  /** A real payment received and credited to the balance (operator top-up, gateway, ERP). */
  TOP_UP(Direction.IN),
  /** A payment paid from the balance (PAY-2, PAY-4). */
  PAYMENT_DEBIT(Direction.OUT),
  /** A recurring or usage charge. */
  CHARGE(Direction.OUT),
  /** A one-off fee, e.g. a promised payment's connection fee (PROM-2). */
  FEE(Direction.OUT),
  /**
   * A promised payment's commission (PROM-4). Owed for credit already given, so it is recorded even when it takes
   * the balance below minus the credit limit (it is charged while the promise's credit is still in place).
   */
  COMMISSION(Direction.OUT, true),
  /** A change of the credit limit; moves no money (PROM-2, PROM-5). */
  CREDIT_LIMIT_CHANGE(Direction.NONE),
  /** A correction by finance: a new entry, never an edit of an old one. Either sign. */
  CORRECTION(Direction.EITHER);

  enum Direction { IN, OUT, NONE, EITHER }

  private final Direction direction;
  private final boolean mayOverdraw;

  EntryType(Direction direction) {
    this(direction, false);
  }

  EntryType(Direction direction, boolean mayOverdraw) {
    this.direction = direction;
    this.mayOverdraw = mayOverdraw;
  }

  /** Whether a debit of this type is recorded even beyond balance plus credit limit (money owed). */
  public boolean mayOverdraw() {
    return mayOverdraw;
  }

  boolean movesMoney() {
    return direction != Direction.NONE;
  }

  boolean isCredit() {
    return direction == Direction.IN;
  }

  boolean isDebit() {
    return direction == Direction.OUT;
  }
}
