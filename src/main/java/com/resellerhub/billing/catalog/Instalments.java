package com.resellerhub.billing.catalog;

import com.resellerhub.billing.ledger.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.Objects;

/**
 * How a plan's price per period is paid: at once (one instalment, the default), or in equal instalments of a shorter
 * period (an annual plan paid monthly: 12). Pure, so the arithmetic is unit-tested.
 *
 * <p>The period must be a whole multiple of the instalment: both in months (years count as 12 months) or both in
 * days. Each instalment costs the price divided by their number, rounded down to the currency's 2 decimals
 * ({@link Money#roundedDown}); the last instalment of a period takes the remainder, so a period always costs exactly
 * the plan's price (100.00 in 3: 33.33, 33.33, 33.34).
 */
public record Instalments(Period period, Period instalment, BigDecimal price) {

  public Instalments {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(price, "price");
    instalment = instalment == null ? period : instalment;
    count(period, instalment);
  }

  /** How many instalments make one period; refuses an instalment that does not divide the period. */
  public static int count(Period period, Period instalment) {
    if (instalment.isZero() || instalment.isNegative()) {
      throw new IllegalArgumentException("An instalment must be longer than zero");
    }
    Period p = period.normalized();
    Period i = instalment.normalized();
    if (p.equals(i)) {
      return 1;
    }
    boolean monthly = p.getDays() == 0 && i.getDays() == 0;
    boolean daily = p.toTotalMonths() == 0 && i.toTotalMonths() == 0;
    long whole;
    long part;
    if (monthly) {
      whole = p.toTotalMonths();
      part = i.toTotalMonths();
    } else if (daily) {
      whole = p.getDays();
      part = i.getDays();
    } else {
      throw new IllegalArgumentException("The period " + p + " and the instalment " + i
          + " must both be in months (or years) or both in days");
    }
    if (part > whole || whole % part != 0) {
      throw new IllegalArgumentException("The instalment " + i + " must divide the period " + p
          + " into whole instalments");
    }
    return Math.toIntExact(whole / part);
  }

  public int count() {
    return count(period, instalment);
  }

  public boolean paidInInstalments() {
    return count() > 1;
  }

  /** Every instalment but the last of a period: the price divided by their number, rounded down to 2 decimals. */
  public BigDecimal regular() {
    return Money.roundedDown(price.divide(BigDecimal.valueOf(count()), Money.SCALE, RoundingMode.DOWN));
  }

  /** The last instalment of a period: what is left of the price, so the period costs exactly the price. */
  public BigDecimal last() {
    return Money.of(price).subtract(regular().multiply(BigDecimal.valueOf(count() - 1L)));
  }

  /** The price of one instalment; {@code last} when it ends the period. */
  public BigDecimal priceOf(boolean last) {
    return last ? last() : regular();
  }
}
