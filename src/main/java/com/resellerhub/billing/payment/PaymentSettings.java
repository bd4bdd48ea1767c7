package com.resellerhub.billing.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.payments.*}: the payment feature's configuration.
 *
 * @param dueDays days an issued order payment stays open before its expiry (default 3)
 * @param actDueDays days a postpay act's payment stays open (default 10)
 * @param overduePageSize payments marked overdue per statement (default 500)
 * @param testGateway the demo's test payment gateway
 */
@Validated
@ConfigurationProperties("billing.payments")
public record PaymentSettings(
    @DefaultValue("3") @Min(0) int dueDays,
    @DefaultValue("10") @Min(0) int actDueDays,
    @DefaultValue("500") @Min(1) int overduePageSize,
    @DefaultValue @Valid TestGateway testGateway) {

  /** @param approveUpTo the test gateway approves amounts up to this and declines larger ones (default 1000) */
  public record TestGateway(@DefaultValue("1000") @NotNull @DecimalMin("0") BigDecimal approveUpTo) {}
}
