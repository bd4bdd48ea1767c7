package com.resellerhub.billing.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are kept with 4 decimals (DECIMAL(19,4)), rounded half-even when a computation yields more. */
public final class Money {

  public static final int SCALE = 4;
  /** The largest absolute amount DECIMAL(19,4) holds. */
  public static final BigDecimal MAX = new BigDecimal("999999999999999.9999");

  private Money() {}

  public static BigDecimal of(BigDecimal amount) {
    BigDecimal scaled = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    if (scaled.abs().compareTo(MAX) > 0) {
      throw new IllegalArgumentException("amount out of range: " + amount);
    }
    return scaled;
  }

  public static BigDecimal of(String amount) {
    return of(new BigDecimal(amount));
  }
}
