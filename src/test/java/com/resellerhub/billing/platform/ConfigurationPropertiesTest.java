package com.resellerhub.billing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.billingday.BillingDaySettings;
import com.resellerhub.billing.idempotency.IdempotencySettings;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.payment.PaymentSettings;
import com.resellerhub.billing.reseller.ResellerProperties;
import com.resellerhub.billing.security.LoginThrottleSettings;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Each feature's configuration is one validated record: the documented defaults apply without any key, and a wrong
 * value stops the application at start-up naming the key, instead of misbehaving later.
 */
class ConfigurationPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({BillingDaySettings.class, PaymentSettings.class, IdempotencySettings.class,
      LoginThrottleSettings.class, MailSettings.class, ResellerProperties.class})
  static class Properties {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Properties.class);

  @Test
  void theDocumentedDefaultsApplyWithoutAnyKey() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      BillingDaySettings billingDay = context.getBean(BillingDaySettings.class);
      assertThat(billingDay).isEqualTo(new BillingDaySettings("0 0 2 * * ?", true, 500, Duration.ofSeconds(5),
          Duration.ofHours(4), "operations@localhost", billingDay.nodeName(), 7, 7, 200, 5000, 4));
      assertThat(billingDay.nodeName()).as("the JVM's pid@host").contains("@");
      PaymentSettings payments = context.getBean(PaymentSettings.class);
      assertThat(payments.dueDays()).isEqualTo(3);
      assertThat(payments.actDueDays()).isEqualTo(10);
      assertThat(payments.testGateway().approveUpTo()).isEqualByComparingTo(new BigDecimal("1000"));
      assertThat(context.getBean(IdempotencySettings.class).retention()).isEqualTo(Duration.ofDays(7));
      assertThat(context.getBean(LoginThrottleSettings.class).maxLock()).isEqualTo(Duration.ofMinutes(15));
      assertThat(context.getBean(MailSettings.class).from()).isEqualTo("billing@localhost");
    });
  }

  @Test
  void aWrongValueStopsTheStartNamingTheKey() {
    runner.withPropertyValues("billing.billing-day.renewal-lead-days=0").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("renewalLeadDays"));
    runner.withPropertyValues("billing.billing-day.chunk-size=0").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("chunkSize"));
    runner.withPropertyValues("billing.idempotency.retention=PT1H").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("billing.idempotency.retention"));
    runner.withPropertyValues("billing.security.login.first-lock=PT1H").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("first-lock"));
    runner.withPropertyValues("billing.mail.from=not an address").run(context ->
        assertThat(context).getFailure().hasMessageContaining("billing.mail"));
  }

  @Test
  void theResellersCurrencyHasTheDecimalsAmountsAreKeptWith() {
    runner.run(context -> assertThat(context.getBean(ResellerProperties.class).currency()).isEqualTo("EUR"));
    assertThat(java.util.Currency.getInstance("EUR").getDefaultFractionDigits()).isEqualTo(Money.SCALE);
    runner.withPropertyValues("billing.reseller.currency=USD").run(context -> assertThat(context).hasNotFailed());
    runner.withPropertyValues("billing.reseller.currency=RUB").run(context -> assertThat(context).hasNotFailed());
    runner.withPropertyValues("billing.reseller.currency=JPY").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("billing.reseller.currency")
            .hasMessageContaining("2 decimals"));
    runner.withPropertyValues("billing.reseller.currency=KWD").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("billing.reseller.currency"));
  }
}
