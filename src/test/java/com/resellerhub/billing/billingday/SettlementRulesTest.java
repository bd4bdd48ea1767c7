package com.resellerhub.billing.billingday;

import static com.resellerhub.billing.billingday.SettlementRules.Kind.ACT;
import static com.resellerhub.billing.billingday.SettlementRules.Kind.COMBINED;
import static com.resellerhub.billing.billingday.SettlementRules.Kind.ORDER;
import static com.resellerhub.billing.billingday.SettlementRules.Kind.TOP_UP;
import static com.resellerhub.billing.billingday.SettlementRules.OrderKind.NEW;
import static com.resellerhub.billing.billingday.SettlementRules.OrderKind.PROLONGATION;
import static com.resellerhub.billing.billingday.SettlementRules.OrderKind.RENEWAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.billingday.SettlementRules.OrderFacts;
import com.resellerhub.billing.billingday.SettlementRules.PaymentFacts;
import com.resellerhub.billing.billingday.SettlementRules.ResellerFlags;
import com.resellerhub.billing.billingday.SettlementRules.SubscriptionState;
import com.resellerhub.billing.catalog.BillingModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PAY-4, condition by condition and the combinations that matter. The run day is 2027-03-10. */
class SettlementRulesTest {

  static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
  static final ResellerFlags NORMAL = new ResellerFlags(false, false);
  static final BigDecimal PRICE = new BigDecimal("49.0000");

  /** A renewal created 5 days before its subscription expires today, auto-renew on. */
  static OrderFacts renewal() {
    return new OrderFacts(RENEWAL, TODAY.minusDays(5), SubscriptionState.ACTIVE, TODAY, true, TODAY, 0);
  }

  /** A prolongation created on the paid-until date, which is today. */
  static OrderFacts prolongation() {
    return new OrderFacts(PROLONGATION, TODAY, SubscriptionState.ACTIVE, TODAY.plusMonths(1), false, TODAY, 0);
  }

  static PaymentFacts prepay(OrderFacts... orders) {
    return new PaymentFacts(orders.length > 1 ? COMBINED : ORDER, BillingModel.PREPAY, true, TODAY, PRICE,
        new BigDecimal("100"), List.of(orders));
  }

  static PaymentFacts postpay(LocalDate expiresOn) {
    return new PaymentFacts(ACT, BillingModel.POSTPAY, true, expiresOn, PRICE, new BigDecimal("100"), List.of());
  }

  static Optional<SkipReason> check(PaymentFacts payment) {
    return SettlementRules.check(NORMAL, payment, TODAY);
  }

  @Test
  void PAY4_aRenewalMeetingEveryConditionIsPaid() {
    assertThat(check(prepay(renewal()))).isEmpty();
  }

  @Test
  void PAY4_aProlongationOnThePaidUntilDayIsPaid() {
    assertThat(check(prepay(prolongation()))).isEmpty();
  }

  @Test
  void PAY4_resellerFlagsStopEverything() {
    assertThat(SettlementRules.check(new ResellerFlags(true, false), prepay(renewal()), TODAY))
        .contains(SkipReason.RESELLER_ALLOWS_WORK_WITHOUT_BALANCE);
    assertThat(SettlementRules.check(new ResellerFlags(false, true), prepay(renewal()), TODAY))
        .contains(SkipReason.RESELLER_INVOICES_BY_EXTERNAL_SYSTEM);
    assertThat(SettlementRules.check(new ResellerFlags(false, true), postpay(TODAY), TODAY))
        .contains(SkipReason.RESELLER_INVOICES_BY_EXTERNAL_SYSTEM);
  }

  @Test
  void PAY4_aTopUpIsNeverPaidFromTheBalance() {
    assertThat(check(new PaymentFacts(TOP_UP, BillingModel.PREPAY, true, TODAY, PRICE, new BigDecimal("100"),
        List.of()))).contains(SkipReason.TOP_UP_NOT_PAYABLE_FROM_BALANCE);
  }

  @Test
  void PAY4_onlyAwaitingPaymentIsPaid() {
    assertThat(check(new PaymentFacts(ORDER, BillingModel.PREPAY, false, TODAY, PRICE, new BigDecimal("100"),
        List.of(renewal())))).contains(SkipReason.NOT_AWAITING_PAYMENT);
  }

  @Test
  void PAY4_postpayIsPaidUntilItsExpiryDateInclusive() {
    assertThat(check(postpay(TODAY))).isEmpty();
    assertThat(check(postpay(TODAY.plusDays(1)))).isEmpty();
    assertThat(check(postpay(TODAY.minusDays(1)))).contains(SkipReason.POSTPAY_EXPIRY_PASSED);
    assertThat(check(postpay(null))).as("an unconfirmed ERP act has no due date")
        .contains(SkipReason.POSTPAY_EXPIRY_PASSED);
  }

  @Test
  void PAY4_aNewOrderIsNeverPaidAutomatically() {
    OrderFacts order = new OrderFacts(NEW, TODAY.minusDays(3), SubscriptionState.ACTIVE, TODAY, true, TODAY, 0);
    assertThat(check(prepay(order))).contains(SkipReason.ORDER_NOT_RENEWAL_OR_PROLONGATION);
  }

  @ParameterizedTest
  @EnumSource(value = SubscriptionState.class, names = {"ACTIVE", "DELIVERED", "PAYMENT_OVERDUE"})
  void PAY4_subscriptionsThatMayBePaidFor(SubscriptionState state) {
    OrderFacts order = new OrderFacts(RENEWAL, TODAY.minusDays(5), state, TODAY, true, TODAY, 0);
    assertThat(check(prepay(order))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = SubscriptionState.class, names = {"PENDING", "SUSPENDED", "TERMINATED"})
  void PAY4_subscriptionsThatMayNot(SubscriptionState state) {
    OrderFacts order = new OrderFacts(RENEWAL, TODAY.minusDays(5), state, TODAY, true, TODAY, 0);
    assertThat(check(prepay(order))).contains(SkipReason.SUBSCRIPTION_NOT_ACTIVE);
  }

  @Test
  void PAY4_aRenewalCreatedOnOrAfterTheSubscriptionsExpiryIsNotPaid() {
    OrderFacts onExpiry = new OrderFacts(RENEWAL, TODAY, SubscriptionState.ACTIVE, TODAY, true, TODAY, 0);
    assertThat(check(prepay(onExpiry))).contains(SkipReason.RENEWAL_CREATED_AFTER_EXPIRY);
    OrderFacts after = new OrderFacts(RENEWAL, TODAY.minusDays(1), SubscriptionState.ACTIVE, TODAY.minusDays(2),
        true, TODAY, 0);
    assertThat(check(prepay(after))).contains(SkipReason.RENEWAL_CREATED_AFTER_EXPIRY);
  }

  @Test
  void PAY4_aRenewalOfAnExpiredSubscriptionIsNotPaid() {
    OrderFacts expired = new OrderFacts(RENEWAL, TODAY.minusDays(10), SubscriptionState.PAYMENT_OVERDUE,
        TODAY.minusDays(1), true, TODAY, 0);
    assertThat(check(prepay(expired))).contains(SkipReason.RENEWAL_SUBSCRIPTION_EXPIRED);
  }

  @Test
  void PAY4_aRenewalWithoutAutoRenewIsNotPaid() {
    OrderFacts manual = new OrderFacts(RENEWAL, TODAY.minusDays(5), SubscriptionState.ACTIVE, TODAY, false, TODAY, 0);
    assertThat(check(prepay(manual))).contains(SkipReason.RENEWAL_AUTO_RENEW_OFF);
  }

  @Test
  void PAY4_aProlongationCreatedBeforePaidUntilIsPaid_afterItIsNot() {
    OrderFacts early = new OrderFacts(PROLONGATION, TODAY.minusDays(7), SubscriptionState.ACTIVE,
        TODAY.plusMonths(1), false, TODAY, 0);
    assertThat(check(prepay(early))).isEmpty();
    OrderFacts late = new OrderFacts(PROLONGATION, TODAY, SubscriptionState.ACTIVE, TODAY.plusMonths(1), false,
        TODAY.minusDays(1), 5);
    assertThat(check(prepay(late))).contains(SkipReason.PROLONGATION_CREATED_AFTER_PAID_UNTIL);
  }

  @Test
  void PAY4_aProlongationAfterPaidUntil_paidOnlyWithinTheGracePeriod() {
    OrderFacts noGrace = new OrderFacts(PROLONGATION, TODAY.minusDays(3), SubscriptionState.PAYMENT_OVERDUE,
        TODAY.plusMonths(1), false, TODAY.minusDays(2), 0);
    assertThat(check(prepay(noGrace))).contains(SkipReason.PROLONGATION_PAID_UNTIL_PASSED);
    OrderFacts withinGrace = new OrderFacts(PROLONGATION, TODAY.minusDays(3), SubscriptionState.PAYMENT_OVERDUE,
        TODAY.plusMonths(1), false, TODAY.minusDays(2), 2);
    assertThat(check(prepay(withinGrace))).isEmpty();
    OrderFacts graceOver = new OrderFacts(PROLONGATION, TODAY.minusDays(3), SubscriptionState.PAYMENT_OVERDUE,
        TODAY.plusMonths(1), false, TODAY.minusDays(2), 1);
    assertThat(check(prepay(graceOver))).contains(SkipReason.PROLONGATION_PAID_UNTIL_PASSED);
  }

  @Test
  void PAY4_aCombinedPaymentIsPaidWhenEveryOrderQualifies() {
    assertThat(check(prepay(renewal(), prolongation()))).isEmpty();
  }

  @Test
  void PAY4_aCombinedPaymentContainingANewOrderIsNotPaid() {
    OrderFacts fresh = new OrderFacts(NEW, TODAY.minusDays(1), SubscriptionState.ACTIVE, TODAY.plusMonths(1), true,
        null, 0);
    assertThat(check(prepay(renewal(), fresh))).contains(SkipReason.ORDER_NOT_RENEWAL_OR_PROLONGATION);
  }

  @Test
  void PAY4_aCombinedPaymentWithOneFailingRenewalIsNotPaid() {
    OrderFacts noAutoRenew = new OrderFacts(RENEWAL, TODAY.minusDays(5), SubscriptionState.ACTIVE, TODAY, false,
        TODAY, 0);
    assertThat(check(prepay(renewal(), noAutoRenew))).contains(SkipReason.RENEWAL_AUTO_RENEW_OFF);
  }

  @Test
  void PAY4_notEnoughBalance_andEnoughOnlyThanksToTheCreditLimit() {
    PaymentFacts poor = new PaymentFacts(ORDER, BillingModel.PREPAY, true, TODAY, PRICE, new BigDecimal("48.9999"),
        List.of(renewal()));
    assertThat(check(poor)).contains(SkipReason.INSUFFICIENT_BALANCE);
    // balance 10 + credit limit 39 (a promised payment) = 49: enough
    PaymentFacts withCredit = new PaymentFacts(ORDER, BillingModel.PREPAY, true, TODAY, PRICE,
        new BigDecimal("10").add(new BigDecimal("39")), List.of(renewal()));
    assertThat(check(withCredit)).isEmpty();
  }

  @Test
  void PAY4_aPrepayPaymentWithoutOrdersIsNotPaid() {
    assertThat(check(new PaymentFacts(ORDER, BillingModel.PREPAY, true, TODAY, PRICE, new BigDecimal("100"),
        List.of()))).contains(SkipReason.NO_ORDER);
  }

  /**
   * SUB-4: a charge a promise moved by N days is judged as on its original charge date: a renewal of a subscription
   * that expired N days ago, and a prolongation without grace days N days after paid-until, are still paid on the
   * moved date, not a day later.
   */
  @Test
  void SUB4_aMovedChargeIsJudgedOnItsOriginalChargeDate() {
    OrderFacts renewal = new OrderFacts(RENEWAL, TODAY.minusDays(10), SubscriptionState.ACTIVE, TODAY.minusDays(5),
        true, TODAY.minusDays(5), 0);
    OrderFacts prolongation = new OrderFacts(PROLONGATION, TODAY.minusDays(5), SubscriptionState.ACTIVE,
        TODAY.plusMonths(1), false, TODAY.minusDays(5), 0);
    for (OrderFacts order : List.of(renewal, prolongation)) {
      PaymentFacts notMoved = new PaymentFacts(ORDER, BillingModel.PREPAY, true, TODAY, PRICE, new BigDecimal("100"),
          List.of(order));
      PaymentFacts moved5 = new PaymentFacts(ORDER, BillingModel.PREPAY, true, TODAY, PRICE, new BigDecimal("100"),
          List.of(order), 5);
      PaymentFacts moved4 = new PaymentFacts(ORDER, BillingModel.PREPAY, true, TODAY, PRICE, new BigDecimal("100"),
          List.of(order), 4);
      assertThat(check(notMoved)).isPresent();
      assertThat(check(moved5)).isEmpty();
      assertThat(check(moved4)).as("one day later than the moved date").isPresent();
    }
  }
}
