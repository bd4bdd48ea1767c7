package com.resellerhub.billing.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PROM-4: commission per charging period. */
class CommissionTest {

  private static final BigDecimal SIX_HUNDRED = new BigDecimal("600");
  private static final LocalDate APRIL_2 = LocalDate.of(2027, 4, 2);

  @Test
  void seedExample_600at1PercentDaily_taken2April_repaid3April_is12() {
    List<Commission.Charge> charges = Commission.charges(SIX_HUNDRED, false, BigDecimal.ONE, ChargeMethod.DAILY, 5,
        APRIL_2, APRIL_2.plusDays(1));
    assertThat(charges).extracting(Commission.Charge::period).containsExactly("2027-04-02", "2027-04-03");
    assertThat(Commission.total(charges)).isEqualByComparingTo("12");
  }

  @Test
  void daily_repaidTheSameDay_isOneDay() {
    assertThat(Commission.total(Commission.charges(SIX_HUNDRED, false, BigDecimal.ONE, ChargeMethod.DAILY, 5,
        APRIL_2, APRIL_2))).isEqualByComparingTo("6");
  }

  @Test
  void daily_expiredOnTheSixthCalendarDay_isCappedAtItsDays() {
    assertThat(Commission.charges(SIX_HUNDRED, false, BigDecimal.ONE, ChargeMethod.DAILY, 5, APRIL_2,
        APRIL_2.plusDays(5))).hasSize(5);
  }

  @Test
  void monthly_everyCalendarMonthTouchedOnce() {
    List<Commission.Charge> charges = Commission.charges(SIX_HUNDRED, false, new BigDecimal("2"),
        ChargeMethod.MONTHLY, 14, LocalDate.of(2027, 4, 25), LocalDate.of(2027, 5, 9));
    assertThat(charges).extracting(Commission.Charge::period).containsExactly("2027-04", "2027-05");
    assertThat(Commission.total(charges)).isEqualByComparingTo("24");
  }

  @Test
  void computedAmountOrZeroPercent_noCommission() {
    assertThat(Commission.charges(SIX_HUNDRED, true, BigDecimal.ONE, ChargeMethod.DAILY, 5, APRIL_2,
        APRIL_2.plusDays(1))).isEmpty();
    assertThat(Commission.charges(SIX_HUNDRED, false, BigDecimal.ZERO, ChargeMethod.DAILY, 5, APRIL_2,
        APRIL_2.plusDays(1))).isEmpty();
  }
}
