package com.resellerhub.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money's rule: inputs at the currency's 2 decimals, computations rounded half up to them, answers showing them. */
class MoneyTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"0.099, 0.10", "0.005, 0.01", "0.0049, 0.00", "0.015, 0.02", "0.025, 0.03", "2.675, 2.68",
      "-0.005, -0.01", "-0.0049, 0.00", "9.90, 9.90", "12, 12.00"})
  void MONEY_aComputedAmountIsRoundedToTwoDecimalsHalfUp(String computed, String rounded) {
    assertThat(Money.rounded(new BigDecimal(computed))).isEqualByComparingTo(rounded)
        .satisfies(r -> assertThat(r.scale()).as("kept at the stored scale").isEqualTo(Money.STORED_SCALE));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"33.3333, 33.33", "33.339, 33.33", "0.009, 0.00", "10, 10.00"})
  void MONEY_anInstalmentIsRoundedDownToTwoDecimals(String computed, String rounded) {
    assertThat(Money.roundedDown(new BigDecimal(computed))).isEqualByComparingTo(rounded);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"9.9, true", "9.90, true", "9.9000, true", "1250, true", "1E+3, true", "9.901, false", "0.005, false",
      "20.1200, true", "20.125, false"})
  void MONEY_anInputAmountMayHaveAtMostTwoDecimals_trailingZerosDoNotCount(String amount, boolean accepted) {
    assertThat(Money.hasCurrencyScale(new BigDecimal(amount))).isEqualTo(accepted);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"20.12, true", "20.1200, true", "20.125, false", "999999999999999.99, true",
      "1000000000000000, false", "0.001, false"})
  void MONEY_aRequestAmountIsCheckedLikeThat_withAtMost15DigitsBeforeThePoint(String amount, boolean valid) {
    assertThat(new CurrencyDigits.Check().isValid(new BigDecimal(amount), null)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource({"9.9000, 9.90", "9.9, 9.90", "0.0000, 0.00", "0, 0.00", "1250, 1250.00", "1E+3, 1000.00",
      "-12.5, -12.50", "0.0990, 0.099", "33.3334, 33.3334"})
  void MONEY_anAmountShowsTwoDecimals_moreOnlyWhenItHasThem_neverRounded(String amount, String text) {
    assertThat(Money.text(new BigDecimal(amount))).isEqualTo(text);
  }

  record View(BigDecimal amount, @JsonSerialize(using = MoneyJson.Percent.class) BigDecimal percent) {}

  @Test
  void MONEY_inJson_anAmountHasTwoDecimals_aPercentItsSignificantDigits_noExponent() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new MoneyJson().moneyShape())
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    assertThat(json.writeValueAsString(new View(new BigDecimal("9.9000"), new BigDecimal("1.0000"))))
        .isEqualTo("{\"amount\":9.90,\"percent\":1}");
    assertThat(json.writeValueAsString(new View(new BigDecimal("9.9"), new BigDecimal("1"))))
        .as("built fresh: the same text").isEqualTo("{\"amount\":9.90,\"percent\":1}");
    assertThat(json.writeValueAsString(new View(BigDecimal.ZERO, new BigDecimal("10.0000"))))
        .isEqualTo("{\"amount\":0.00,\"percent\":10}");
    assertThat(json.writeValueAsString(new View(new BigDecimal("1E+3"), new BigDecimal("2.5000"))))
        .isEqualTo("{\"amount\":1000.00,\"percent\":2.5}");
    assertThat(json.writeValueAsString(new View(new BigDecimal("0.0990"), new BigDecimal("0.1250"))))
        .as("more decimals than the currency's: written exactly, never rounded")
        .isEqualTo("{\"amount\":0.099,\"percent\":0.125}");
  }
}
