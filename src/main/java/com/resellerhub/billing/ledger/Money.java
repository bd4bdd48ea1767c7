package com.resellerhub.billing.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money's two scales. Amounts are <em>worth</em> the currency's scale ({@link #SCALE}, 2 decimals: the reseller's
 * currency must have 2, checked at start) and are <em>kept</em> with the database's scale ({@link #STORED_SCALE}, 4,
 * {@code DECIMAL(19,4)}).
 *
 * <ul>
 *   <li>An amount that comes in (a price, a top-up, an act, an offer, a promise) may have at most {@link #SCALE}
 *       decimals; more are refused with 400 {@code digits} naming the field ({@link #hasCurrencyScale},
 *       {@link CurrencyDigits} on request records).</li>
 *   <li>An amount that is computed (a commission, an instalment) is rounded to {@link #SCALE} where it is computed:
 *       {@link #rounded} (half up, per charge) or {@link #roundedDown} (the instalments, whose last one takes the
 *       remainder), so the ledger only holds amounts at the currency's scale.</li>
 *   <li>Answers show every amount with exactly {@link #SCALE} decimals ({@link #shown}; JSON: {@link MoneyJson},
 *       texts: {@link #text}).</li>
 * </ul>
 */
public final class Money {

  /** The currency's scale: the decimals an amount may have (EUR, USD, RUB, ...: 2; {@code billing.reseller.currency} must have as many). */
  public static final int SCALE = 2;
  /** How a computed amount is rounded to {@link #SCALE}: half up (0.005 is 0.01, 0.0049 is 0.00). */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  /** The scale amounts are kept with: {@code DECIMAL(19,4)}. */
  public static final int STORED_SCALE = 4;
  /** The largest absolute amount DECIMAL(19,4) holds. */
  public static final BigDecimal MAX = new BigDecimal("999999999999999.9999");

  private Money() {}

  /** The amount at the stored scale; it must already be exact there (rounded half-even otherwise, as before). */
  public static BigDecimal of(BigDecimal amount) {
    BigDecimal scaled = amount.setScale(STORED_SCALE, RoundingMode.HALF_EVEN);
    if (scaled.abs().compareTo(MAX) > 0) {
      throw new IllegalArgumentException("amount out of range: " + amount);
    }
    return scaled;
  }

  public static BigDecimal of(String amount) {
    return of(new BigDecimal(amount));
  }

  /** A computed amount rounded to the currency's scale, half up ({@link #ROUNDING}), kept at the stored scale. */
  public static BigDecimal rounded(BigDecimal amount) {
    return of(amount.setScale(SCALE, ROUNDING));
  }

  /** A computed amount rounded down (towards zero) to the currency's scale, kept at the stored scale. */
  public static BigDecimal roundedDown(BigDecimal amount) {
    return of(amount.setScale(SCALE, RoundingMode.DOWN));
  }

  /**
   * An amount as answers show it: exactly {@link #SCALE} decimals ({@code 9.90}, {@code 0.00}); only an amount that
   * really has more keeps them ({@code 0.099}), never rounded.
   */
  public static BigDecimal shown(BigDecimal amount) {
    return hasCurrencyScale(amount) ? amount.setScale(SCALE, RoundingMode.UNNECESSARY) : amount.stripTrailingZeros();
  }

  /** {@link #shown} as text, for the messages and logs people read ({@code "9.90"}). */
  public static String text(BigDecimal amount) {
    return shown(amount).toPlainString();
  }

  /** Whether the amount has at most the currency's {@link #SCALE} decimals (trailing zeros do not count). */
  public static boolean hasCurrencyScale(BigDecimal amount) {
    return amount.stripTrailingZeros().scale() <= SCALE;
  }
}
