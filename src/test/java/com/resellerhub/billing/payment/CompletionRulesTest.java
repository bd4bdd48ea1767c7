package com.resellerhub.billing.payment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.payment.CompletionRules.Channel;
import com.resellerhub.billing.web.ApiException;
import com.resellerhub.billing.web.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The completion rules without Spring or a database (PAY-2, PAY-3, PAY-5, PAY-7). */
class CompletionRulesTest {

  private static final Instant NOW = Instant.parse("2026-04-02T09:00:00Z");
  private static final PaymentMethod BANK = new PaymentMethod("BANK_TRANSFER", "Bank transfer", null);
  private static final PaymentMethod GATEWAY = new PaymentMethod("TEST_GATEWAY", "Test gateway", "test-gateway");

  private static Payment payment(PaymentType type) {
    return new Payment(1L, type, type == PaymentType.ACT ? BillingModel.POSTPAY : BillingModel.PREPAY,
        new BigDecimal("49.0000"), "EUR", LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 5), "test", NOW);
  }

  private static PostpayAct act(boolean external, boolean confirmed) {
    PostpayAct act = new PostpayAct(1L, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
        new BigDecimal("49.0000"), "EUR", external, "test", NOW);
    if (confirmed) {
      act.confirmed(NOW);
    }
    return act;
  }

  private static void refused(Runnable check, String rule) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(ApiException.class,
        e -> org.assertj.core.api.Assertions.assertThat(e.rule()).isEqualTo(rule));
  }

  @Test
  void PAY2_managersCompleteFromBalanceOrWithANonGatewayMethod() {
    Payment order = payment(PaymentType.ORDER);
    assertThatCode(() -> CompletionRules.check(order, Channel.OPERATOR, "BALANCE", null, null))
        .doesNotThrowAnyException();
    assertThatCode(() -> CompletionRules.check(order, Channel.OPERATOR, "BANK_TRANSFER", BANK, null))
        .doesNotThrowAnyException();
    refused(() -> CompletionRules.check(order, Channel.OPERATOR, "TEST_GATEWAY", GATEWAY, null), "PAY-2");
    refused(() -> CompletionRules.check(order, Channel.OPERATOR, "PIGEON", null, null), "unknown-payment-method");
  }

  @Test
  void PAY2_aTopUpIsNeverPaidFromTheBalance() {
    Payment topUp = payment(PaymentType.TOP_UP);
    refused(() -> CompletionRules.check(topUp, Channel.OPERATOR, "BALANCE", null, null), "PAY-2");
    refused(() -> CompletionRules.check(topUp, Channel.CUSTOMER, "BALANCE", null, null), "PAY-2");
    assertThatCode(() -> CompletionRules.check(topUp, Channel.OPERATOR, "BANK_TRANSFER", BANK, null))
        .doesNotThrowAnyException();
  }

  @Test
  void PAY2_PAY5_onlyAwaitingOrOverduePaymentsCanBeCompleted() {
    Payment overdue = payment(PaymentType.ORDER);
    overdue.overdue();
    assertThatCode(() -> CompletionRules.check(overdue, Channel.OPERATOR, "BALANCE", null, null))
        .doesNotThrowAnyException();
    for (PaymentStatus closed : new PaymentStatus[] {PaymentStatus.PAID_FROM_BALANCE, PaymentStatus.COMPLETED,
        PaymentStatus.CANCELLED}) {
      Payment p = payment(PaymentType.ORDER);
      p.completed(closed, "BALANCE", "test", NOW);
      assertThatThrownBy(() -> CompletionRules.check(p, Channel.OPERATOR, "BALANCE", null, null))
          .isInstanceOf(ConflictException.class).hasMessageContaining(closed.name());
    }
  }

  @Test
  void PAY7_customersPayFromBalanceOrThroughAGateway_notWithAManagersMethod() {
    Payment order = payment(PaymentType.ORDER);
    assertThatCode(() -> CompletionRules.check(order, Channel.CUSTOMER, "BALANCE", null, null))
        .doesNotThrowAnyException();
    assertThatCode(() -> CompletionRules.check(order, Channel.CUSTOMER, "TEST_GATEWAY", GATEWAY, null))
        .doesNotThrowAnyException();
    refused(() -> CompletionRules.check(order, Channel.CUSTOMER, "BANK_TRANSFER", BANK, null), "PAY-7");
  }

  @Test
  void PAY3_anUnconfirmedErpActIsCompletedByNobodyButTheErp_afterConfirmation() {
    Payment actPayment = payment(PaymentType.ACT);
    PostpayAct unconfirmed = act(true, false);
    refused(() -> CompletionRules.check(actPayment, Channel.OPERATOR, "BALANCE", null, unconfirmed), "PAY-3");
    refused(() -> CompletionRules.check(actPayment, Channel.OPERATOR, "BANK_TRANSFER", BANK, unconfirmed), "PAY-3");
    refused(() -> CompletionRules.check(actPayment, Channel.CUSTOMER, "TEST_GATEWAY", GATEWAY, unconfirmed),
        "PAY-3");
    refused(() -> CompletionRules.check(actPayment, Channel.ERP, "ERP", null, unconfirmed), "PAY-3");

    PostpayAct confirmed = act(true, true);
    assertThatCode(() -> CompletionRules.check(actPayment, Channel.ERP, "ERP", null, confirmed))
        .doesNotThrowAnyException();
    assertThatCode(() -> CompletionRules.check(actPayment, Channel.OPERATOR, "BALANCE", null, confirmed))
        .doesNotThrowAnyException();
  }

  @Test
  void PAY3_theErpCompletesOnlyPaymentsOfActsItInvoiced() {
    refused(() -> CompletionRules.check(payment(PaymentType.ORDER), Channel.ERP, "ERP", null, null), "PAY-3");
    refused(() -> CompletionRules.check(payment(PaymentType.ACT), Channel.ERP, "ERP", null, act(false, false)),
        "PAY-3");
    assertThatCode(() -> CompletionRules.check(payment(PaymentType.ACT), Channel.OPERATOR, "BALANCE", null,
        act(false, false))).doesNotThrowAnyException();
  }

  /** PROM-6: the platform pays a new account's order on credit from the balance, and only from the balance. */
  @Test
  void PROM6_thePlatformCompletesFromTheBalanceOnly() {
    Payment order = payment(PaymentType.ORDER);
    assertThatCode(() -> CompletionRules.check(order, Channel.SYSTEM, "BALANCE", null, null))
        .doesNotThrowAnyException();
    refused(() -> CompletionRules.check(order, Channel.SYSTEM, "BANK_TRANSFER", BANK, null), "PAY-2");
    refused(() -> CompletionRules.check(payment(PaymentType.TOP_UP), Channel.SYSTEM, "BALANCE", null, null), "PAY-2");
  }
}
