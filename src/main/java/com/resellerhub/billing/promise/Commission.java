package com.resellerhub.billing.promise;

import com.resellerhub.billing.ledger.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A promise's commission (PROM-4): a percent of the explicit amount (none for a computed amount) per charging period
 * held, charged after the period closes. DAILY: every calendar day from the day taken to the day it ended counts,
 * both included (600 at 1 % taken on 2 April and repaid on 3 April: 2 days, 12), at most the promise's days (a
 * 5-day promise that expires on the sixth calendar day at the hour it was taken costs 5 days). MONTHLY: every
 * calendar month touched counts once.
 *
 * <p>Each period's charge is the percent of the amount rounded to the currency's 2 decimals, half up
 * ({@link Money#rounded}): 9.90 at 1 % is 0.099, charged 0.10; 0.50 at 1 % is 0.005, charged 0.01; 0.49 at 1 % is
 * 0.0049, charged 0.00 (and not recorded). The total is the sum of the rounded charges, so the ledger's entries add
 * up to the promise's commission.
 */
public final class Commission {

  /** One charging period's commission: {@code period} is the date (DAILY) or year-month (MONTHLY). */
  public record Charge(String period, BigDecimal amount) {}

  private Commission() {}

  public static List<Charge> charges(BigDecimal amount, boolean computed, BigDecimal percent, ChargeMethod method,
      int durationDays, LocalDate taken, LocalDate ended) {
    List<Charge> charges = new ArrayList<>();
    if (computed || percent.signum() == 0 || ended.isBefore(taken)) {
      return charges;
    }
    BigDecimal perPeriod = Money.rounded(amount.multiply(percent).movePointLeft(2));
    if (perPeriod.signum() == 0) {
      return charges;
    }
    if (method == ChargeMethod.MONTHLY) {
      for (YearMonth m = YearMonth.from(taken); !m.isAfter(YearMonth.from(ended)); m = m.plusMonths(1)) {
        charges.add(new Charge(m.toString(), perPeriod));
      }
    } else {
      LocalDate day = taken;
      for (int i = 0; i < durationDays && !day.isAfter(ended); i++, day = day.plusDays(1)) {
        charges.add(new Charge(day.toString(), perPeriod));
      }
    }
    return charges;
  }

  public static BigDecimal total(List<Charge> charges) {
    return Money.of(charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}
