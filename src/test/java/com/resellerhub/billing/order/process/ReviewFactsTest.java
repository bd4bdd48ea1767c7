package com.resellerhub.billing.order.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PP-3: the review form shows money with its currency and the plan's period in words. */
class ReviewFactsTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"120.5000, 120.50 EUR", "0, 0.00 EUR", "-15.25, -15.25 EUR", "9.1234, 9.1234 EUR", "100, 100.00 EUR"})
  void moneyHasAtLeastTwoDecimalsAndTheCurrency(BigDecimal amount, String shown) {
    assertThat(ReviewFacts.money(amount, "EUR")).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"P1M, ' per month'", "P3M, ' per 3 months'", "P1Y, ' per year'", "P2Y, ' per 2 years'",
      "P30D, ' per 30 days'", "P1Y6M, ' per P1Y6M'"})
  void thePeriodReadsInWords(String period, String words) {
    assertThat(ReviewFacts.per(period)).isEqualTo(words);
  }

  @Test
  void anAccountWithoutManagerSaysSo() {
    ReviewFacts facts = new ReviewFacts("A", null, "O", " ", BigDecimal.ONE, "EUR", 0, "P", BigDecimal.TEN, "P1M",
        true);
    assertThat(facts.variables()).containsEntry("managerName", "No manager assigned").containsEntry("accountType", "—")
        .containsEntry("trial", true).containsEntry("planPrice", "10.00 EUR per month");
  }
}
