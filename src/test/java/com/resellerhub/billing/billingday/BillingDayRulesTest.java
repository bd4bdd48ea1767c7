package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.billingday.BillingDayRules.ClosedPeriod;
import com.resellerhub.billing.billingday.BillingDayRules.DueOrder;
import com.resellerhub.billing.billingday.BillingDayRules.PlannedOrder;
import com.resellerhub.billing.billingday.BillingDayRules.PlannedPayment;
import com.resellerhub.billing.billingday.BillingDayRules.Term;
import com.resellerhub.billing.order.OrderType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The billing day's date rules and payment grouping, without Spring (docs/billing-day.md). */
class BillingDayRulesTest {

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  /** A monthly prepaid subscription paid at once, started 2027-02-10, expiring 2027-03-10. */
  private static Term monthly(boolean autoRenew) {
    return new Term(1, 10, 100, new BigDecimal("49.0000"), "EUR", Period.ofMonths(1), null, d("2027-02-10"),
        d("2027-02-10"), d("2027-03-10"), d("2027-03-10"), autoRenew, 0);
  }

  /** A quarter paid monthly (100.00 in 3), grace 5 days, paid until {@code paidUntil}. */
  private static Term quarterPaidMonthly(String paidUntil) {
    return new Term(2, 10, 200, new BigDecimal("100.0000"), "EUR", Period.ofMonths(3), Period.ofMonths(1),
        d("2027-01-31"), d("2027-01-31"), d("2027-04-30"), d(paidUntil), true, 5);
  }

  // --- renewal ---------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "lead {1}, today {0}: {2}")
  @CsvSource({
      "2027-03-02, 7, false",   // 8 days before the expiry: not yet
      "2027-03-03, 7, true",    // 7 days before: the first renewal day
      "2027-03-09, 7, true",    // the day before the expiry: the last
      "2027-03-10, 7, false",   // the expiry day: PAY-4 would refuse a renewal created on it
      "2027-03-11, 7, false",
      "2027-03-09, 1, true",
      "2027-03-08, 1, false"})
  void PAY1_aRenewalIsDueFromLeadDaysBeforeTheExpiryUpToTheDayBefore(String today, int lead, boolean due) {
    assertThat(BillingDayRules.renewalDue(d(today), d("2027-03-10"), lead)).isEqualTo(due);
    assertThat(BillingDayRules.renewal(d(today), monthly(true), lead).isPresent()).isEqualTo(due);
    LocalDate[] window = BillingDayRules.renewalExpiries(d(today), lead);
    boolean inWindow = !d("2027-03-10").isBefore(window[0]) && !d("2027-03-10").isAfter(window[1]);
    assertThat(inWindow).as("the SQL window agrees").isEqualTo(due);
  }

  @Test
  void PAY1_aRenewalPaysTheNextTermAtThePlansPrice_dueAndExpiringOnTheSubscriptionsExpiry() {
    PlannedOrder renewal = BillingDayRules.renewal(d("2027-03-03"), monthly(true), 7).orElseThrow();
    assertThat(renewal.type()).isEqualTo(OrderType.RENEWAL);
    assertThat(renewal.periodStart()).isEqualTo(d("2027-03-10"));
    assertThat(renewal.price()).isEqualByComparingTo("49.00");
    assertThat(renewal.dueDate()).isEqualTo(d("2027-03-10"));
    assertThat(renewal.expiresOn()).isEqualTo(d("2027-03-10"));
    assertThat(BillingDayRules.renewal(d("2027-03-03"), monthly(false), 7)).as("no auto-renew").isEmpty();
  }

  @Test
  void PAY1_aRenewalOfAPlanPaidInInstalmentsPaysTheNewTermsFirstInstalment() {
    Term t = quarterPaidMonthly("2027-04-30");
    PlannedOrder renewal = BillingDayRules.renewal(d("2027-04-23"), t, 7).orElseThrow();
    assertThat(renewal.price()).isEqualByComparingTo("33.33");
    assertThat(renewal.periodStart()).isEqualTo(d("2027-04-30"));
  }

  // --- prolongation ----------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "lead {1}, today {0}: {2}")
  @CsvSource({
      "2027-02-20, 7, false",
      "2027-02-21, 7, true",    // 7 days before paid-until
      "2027-02-28, 7, true",    // on the paid-until day: automatically on that day at the latest (PAY-4)
      "2027-03-01, 7, false",   // after it: PAY-4 would not pay it automatically
      "2027-02-28, 0, true",
      "2027-02-27, 0, false"})
  void PAY1_aProlongationIsDueFromLeadDaysBeforePaidUntilUpToThatDay(String today, int lead, boolean due) {
    assertThat(BillingDayRules.prolongationDue(d(today), d("2027-02-28"), d("2027-04-30"), lead)).isEqualTo(due);
    LocalDate[] window = BillingDayRules.prolongationPaidUntils(d(today), lead);
    boolean inWindow = !d("2027-02-28").isBefore(window[0]) && !d("2027-02-28").isAfter(window[1]);
    assertThat(inWindow).as("the SQL window agrees").isEqualTo(due);
  }

  @Test
  void PAY1_aProlongationPaysOneInstalment_dueOnPaidUntil_expiringAfterTheGracePeriod_theLastTakesTheRemainder() {
    PlannedOrder second = BillingDayRules.prolongation(d("2027-02-28"), quarterPaidMonthly("2027-02-28"), 7)
        .orElseThrow();
    assertThat(second.type()).isEqualTo(OrderType.PROLONGATION);
    assertThat(second.periodStart()).isEqualTo(d("2027-02-28"));
    assertThat(second.price()).isEqualByComparingTo("33.33");
    assertThat(second.dueDate()).isEqualTo(d("2027-02-28"));
    assertThat(second.expiresOn()).isEqualTo(d("2027-03-05"));

    PlannedOrder last = BillingDayRules.prolongation(d("2027-03-31"), quarterPaidMonthly("2027-03-31"), 7)
        .orElseThrow();
    assertThat(last.price()).isEqualByComparingTo("33.34");
    assertThat(last.expiresOn()).isEqualTo(d("2027-04-05"));

    assertThat(BillingDayRules.prolongation(d("2027-04-30"), quarterPaidMonthly("2027-04-30"), 7))
        .as("paid until the expiry: nothing to prolong").isEmpty();
    assertThat(BillingDayRules.prolongation(d("2027-03-10"), monthly(true), 7)).isEmpty();
  }

  // --- acts ------------------------------------------------------------------------------------------------------

  @Test
  void PAY1_aPostpayPeriodClosesOnItsExpiryDate_itsActCoversStartToTheDayBefore_andTheTermRollsOn() {
    Term postpay = new Term(3, 10, 300, new BigDecimal("29.0000"), "EUR", Period.ofMonths(1), null,
        d("2027-01-31"), d("2027-01-31"), d("2027-02-28"), null, true, 0);
    assertThat(BillingDayRules.closedPeriods(d("2027-02-27"), postpay)).isEmpty();
    assertThat(BillingDayRules.closedPeriods(d("2027-02-28"), postpay)).containsExactly(
        new ClosedPeriod(d("2027-01-31"), d("2027-02-27"), d("2027-02-28"), d("2027-03-31")));
    // Three months later (the run did not run): every closed period, one act each, oldest first.
    assertThat(BillingDayRules.closedPeriods(d("2027-05-01"), postpay)).extracting(ClosedPeriod::start,
        ClosedPeriod::end).containsExactly(
            org.assertj.core.groups.Tuple.tuple(d("2027-01-31"), d("2027-02-27")),
            org.assertj.core.groups.Tuple.tuple(d("2027-02-28"), d("2027-03-30")),
            org.assertj.core.groups.Tuple.tuple(d("2027-03-31"), d("2027-04-29")));
    assertThat(BillingDayRules.closedPeriods(d("2027-05-01"), postpay).get(2).nextExpiresOn())
        .isEqualTo(d("2027-05-31"));

    Term ending = new Term(3, 10, 300, new BigDecimal("29.0000"), "EUR", Period.ofMonths(1), null, d("2027-01-31"),
        d("2027-01-31"), d("2027-02-28"), null, false, 0);
    assertThat(BillingDayRules.closedPeriods(d("2027-05-01"), ending)).as("no auto-renew: the last act only")
        .containsExactly(new ClosedPeriod(d("2027-01-31"), d("2027-02-27"), d("2027-01-31"), d("2027-02-28")));
  }

  // --- payments --------------------------------------------------------------------------------------------------

  @Test
  void PAY1_ordersOfOneAccountFallingDueOnOneDateShareOneCombinedPayment_expiringOnTheEarliestExpiry() {
    List<PlannedPayment> payments = BillingDayRules.payments(List.of(
        new DueOrder(11, 10, "EUR", new BigDecimal("49.00"), d("2027-03-10"), d("2027-03-10")),
        new DueOrder(12, 10, "EUR", new BigDecimal("33.33"), d("2027-03-10"), d("2027-03-15")),
        new DueOrder(13, 10, "EUR", new BigDecimal("5.00"), d("2027-03-11"), d("2027-03-11")),
        new DueOrder(14, 20, "EUR", new BigDecimal("7.00"), d("2027-03-10"), d("2027-03-10"))));

    assertThat(payments).hasSize(3);
    PlannedPayment combined = payments.get(0);
    assertThat(combined.combined()).isTrue();
    assertThat(combined.accountId()).isEqualTo(10);
    assertThat(combined.orderIds()).containsExactly(11L, 12L);
    assertThat(combined.amount()).isEqualByComparingTo("82.33");
    assertThat(combined.dueDate()).isEqualTo(d("2027-03-10"));
    assertThat(combined.expiresOn()).isEqualTo(d("2027-03-10"));
    assertThat(payments.get(1).combined()).isFalse();
    assertThat(payments.get(1).orderIds()).containsExactly(13L);
    assertThat(payments.get(2).accountId()).isEqualTo(20);
    assertThat(payments.get(2).orderIds()).containsExactly(14L);
  }

  // --- SUB-4: a running promise moves the charge date ------------------------------------------------------------

  /** Promise 7, taken 2027-04-02 for 5 days: it ends 2027-04-07 (its last day). */
  private static final BillingDayRules.RunningPromise PROMISE = new BillingDayRules.RunningPromise(7,
      d("2027-04-02"), d("2027-04-07"), 5);

  @ParameterizedTest(name = "charge on {0}: moved {1}")
  @CsvSource({
      "2027-04-01, false", // the day before the promise's first day
      "2027-04-02, true",  // its first day
      "2027-04-05, true",
      "2027-04-07, true",  // its last day (the day its days end)
      "2027-04-08, false"  // the day after
  })
  void SUB4_aTermPaymentChargedFromThePromisesFirstToItsLastDayMovesByItsDays(String charge, boolean moved) {
    var mover = BillingDayRules.chargeMovedBy(d(charge), true, 0, List.of(PROMISE));
    assertThat(mover.isPresent()).isEqualTo(moved);
    if (moved) {
      assertThat(mover.get().days()).isEqualTo(5);
      LocalDate[] dates = BillingDayRules.movedCharge(d(charge), d(charge), 5);
      assertThat(dates).containsExactly(d(charge).plusDays(5), d(charge).plusDays(5));
    }
  }

  @org.junit.jupiter.api.Test
  void SUB4_aChargeMovesOnce_onlyForTermPayments_andByTheNewestCoveringPromise() {
    assertThat(BillingDayRules.chargeMovedBy(d("2027-04-07"), true, 5, List.of(PROMISE)))
        .as("moved before (from 2027-04-02 to its last day)").isEmpty();
    assertThat(BillingDayRules.chargeMovedBy(d("2027-04-03"), false, 0, List.of(PROMISE)))
        .as("not a renewal or prolongation payment").isEmpty();
    assertThat(BillingDayRules.chargeMovedBy(d("2027-04-03"), true, 0, List.of())).as("no promise running").isEmpty();
    var newer = new BillingDayRules.RunningPromise(9, d("2027-04-03"), d("2027-04-06"), 3);
    assertThat(BillingDayRules.chargeMovedBy(d("2027-04-03"), true, 0, List.of(PROMISE, newer))).contains(newer);
    // a prolongation due on paid-until with grace days: both dates move, the grace stays
    assertThat(BillingDayRules.movedCharge(d("2027-04-01"), d("2027-04-04"), 5))
        .containsExactly(d("2027-04-06"), d("2027-04-09"));
  }
}
