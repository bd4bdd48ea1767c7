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

  // --- rounding: each period's charge to the currency's 2 decimals, half up --------------------------------------

  @Test
  void PROM4_9_90at1Percent_is0_099_chargedAs0_10PerDay_theTotalIsTheSumOfTheRoundedCharges() {
    List<Commission.Charge> tenDays = Commission.charges(new BigDecimal("9.90"), false, BigDecimal.ONE,
        ChargeMethod.DAILY, 10, APRIL_2, APRIL_2.plusDays(9));
    assertThat(tenDays).hasSize(10).allSatisfy(c -> assertThat(c.amount()).isEqualByComparingTo("0.10"));
    assertThat(Commission.total(tenDays)).as("10 × 0.10, not 0.99 (10 × 0.099 rounded once)")
        .isEqualByComparingTo("1.00");
  }

  @Test
  void PROM4_aHalfCentRoundsUp_lessThanHalfACentIsNoCharge() {
    assertThat(Commission.charges(new BigDecimal("0.50"), false, BigDecimal.ONE, ChargeMethod.DAILY, 5, APRIL_2,
        APRIL_2)).as("0.005").extracting(Commission.Charge::amount).singleElement()
        .satisfies(a -> assertThat(a).isEqualByComparingTo("0.01"));
    assertThat(Commission.charges(new BigDecimal("2.50"), false, BigDecimal.ONE, ChargeMethod.DAILY, 5, APRIL_2,
        APRIL_2)).as("0.025: half up, not half even").extracting(Commission.Charge::amount).singleElement()
        .satisfies(a -> assertThat(a).isEqualByComparingTo("0.03"));
    assertThat(Commission.charges(new BigDecimal("0.49"), false, BigDecimal.ONE, ChargeMethod.DAILY, 5, APRIL_2,
        APRIL_2.plusDays(4))).as("0.0049 a day rounds to 0.00: nothing is recorded").isEmpty();
    assertThat(Commission.charges(new BigDecimal("600"), false, new BigDecimal("0.0008"), ChargeMethod.MONTHLY, 5,
        APRIL_2, APRIL_2)).as("0.0048").isEmpty();
    assertThat(Commission.charges(new BigDecimal("625"), false, new BigDecimal("0.0008"), ChargeMethod.MONTHLY, 5,
        APRIL_2, APRIL_2)).as("0.005").extracting(Commission.Charge::amount).singleElement()
        .satisfies(a -> assertThat(a).isEqualByComparingTo("0.01"));
  }

  @Test
  void PROM4_everyChargeHasTheCurrencysScale() {
    assertThat(Commission.charges(new BigDecimal("123.45"), false, new BigDecimal("1.2345"), ChargeMethod.DAILY, 3,
        APRIL_2, APRIL_2.plusDays(2))).allSatisfy(c -> {
          assertThat(c.amount()).isEqualByComparingTo("1.52"); // 1.523990...
          assertThat(c.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
        });
  }
}
