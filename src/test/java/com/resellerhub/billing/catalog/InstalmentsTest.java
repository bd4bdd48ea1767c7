package com.resellerhub.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A period's price paid in instalments: how many, what each costs, the last one takes the remainder. */
class InstalmentsTest {

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({"P1Y, P1M, 12", "P1Y, P3M, 4", "P1Y, P1Y, 1", "P6M, P2M, 3", "P30D, P10D, 3", "P14D, P1W, 2",
      "P1M, P1M, 1", "P2Y, P6M, 4"})
  void ORD_aPeriodDividesIntoWholeInstalments(String period, String instalment, int count) {
    assertThat(Instalments.count(Period.parse(period), Period.parse(instalment))).isEqualTo(count);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"P1Y, P5M", "P1M, P7D", "P1M, P2M", "P1M1D, P1M", "P30D, P1M", "P1M, P0D"})
  void ORD_anInstalmentThatDoesNotDivideThePeriodIsRefused(String period, String instalment) {
    assertThatThrownBy(() -> Instalments.count(Period.parse(period), Period.parse(instalment)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ORD_eachInstalmentIsThePriceDividedRoundedDown_theLastTakesTheRemainder_aPeriodCostsExactlyThePrice() {
    Instalments thirds = new Instalments(Period.ofMonths(3), Period.ofMonths(1), new BigDecimal("100.00"));
    assertThat(thirds.count()).isEqualTo(3);
    assertThat(thirds.regular()).isEqualByComparingTo("33.33");
    assertThat(thirds.last()).isEqualByComparingTo("33.34");
    assertThat(thirds.regular().multiply(BigDecimal.valueOf(2)).add(thirds.last())).isEqualByComparingTo("100.00");
    assertThat(thirds.paidInInstalments()).isTrue();

    Instalments monthly = new Instalments(Period.ofYears(1), Period.ofMonths(1), new BigDecimal("120.00"));
    assertThat(monthly.priceOf(false)).isEqualByComparingTo("10.00");
    assertThat(monthly.priceOf(true)).isEqualByComparingTo("10.00");

    Instalments atOnce = new Instalments(Period.ofMonths(1), null, new BigDecimal("9.90"));
    assertThat(atOnce.count()).isEqualTo(1);
    assertThat(atOnce.paidInInstalments()).isFalse();
    assertThat(atOnce.priceOf(true)).isEqualByComparingTo("9.90");
    assertThat(atOnce.regular()).isEqualByComparingTo("9.90");
  }
}
