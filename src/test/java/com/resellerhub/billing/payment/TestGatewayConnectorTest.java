package com.resellerhub.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** PAY-7: the shipped test gateway approves up to its limit and declines amounts ending in .13. */
class TestGatewayConnectorTest {

  private final TestGatewayConnector gateway = new TestGatewayConnector(new BigDecimal("1000"));

  private PaymentGatewayConnector.Result charge(String amount) {
    return gateway.charge(new PaymentGatewayConnector.Charge(7L, 1L, new BigDecimal(amount), "EUR"));
  }

  @Test
  void approvesUpToTheLimit() {
    assertThat(charge("0.01").approved()).isTrue();
    assertThat(charge("1000.0000").approved()).isTrue();
    assertThat(charge("49.00").transactionId()).isEqualTo("test-7");
  }

  @Test
  void declinesAboveTheLimit_andAmountsEndingInThirteenCents() {
    assertThat(charge("1000.01").approved()).isFalse();
    assertThat(charge("1000.01").declineReason()).contains("limit");
    assertThat(charge("20.13").approved()).isFalse();
    assertThat(charge("20.1300").declineReason()).contains(".13");
    assertThat(charge("20.131").approved()).isTrue();
    assertThat(charge("13.00").approved()).isTrue();
  }
}
