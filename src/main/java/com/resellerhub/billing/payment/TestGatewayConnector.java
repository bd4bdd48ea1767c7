package com.resellerhub.billing.payment;

import com.resellerhub.billing.ledger.Money;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * A TEST gateway: moves no real money. It approves amounts up to {@code billing.payments.test-gateway.approve-up-to}
 * (default 1000) and declines larger ones ("amount above the test gateway's limit"), and it declines every amount
 * whose cents are .13 ("card declined by the test gateway") so that a decline can be shown with a small amount.
 * Only a payment method that names it ({@code connector = test-gateway}; the demo's TEST_GATEWAY) uses it.
 */
@Component
public class TestGatewayConnector implements PaymentGatewayConnector {

  public static final String CODE = "test-gateway";
  private static final BigDecimal THIRTEEN_CENTS = new BigDecimal("0.13");

  private final BigDecimal approveUpTo;

  @org.springframework.beans.factory.annotation.Autowired
  public TestGatewayConnector(PaymentSettings settings) {
    this(settings.testGateway().approveUpTo());
  }

  /** A gateway that approves amounts up to {@code approveUpTo}. */
  public TestGatewayConnector(BigDecimal approveUpTo) {
    this.approveUpTo = approveUpTo;
  }

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Result charge(Charge charge) {
    BigDecimal amount = charge.amount();
    if (amount.compareTo(approveUpTo) > 0) {
      return Result.declined("amount " + Money.text(amount)
          + " is above the test gateway's limit of " + Money.text(approveUpTo));
    }
    if (amount.remainder(BigDecimal.ONE).compareTo(THIRTEEN_CENTS) == 0) {
      return Result.declined("card declined by the test gateway (amounts ending in .13 are always declined)");
    }
    return Result.approved("test-" + charge.paymentId());
  }
}
