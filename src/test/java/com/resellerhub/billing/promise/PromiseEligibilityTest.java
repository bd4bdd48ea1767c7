package com.resellerhub.billing.promise;

import static com.resellerhub.billing.promise.PromiseEligibility.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.catalog.PromisedPaymentOptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PROM-3, PROM-5, RS-3: each rule on its own, refusing and allowing at its boundary day; precedence. */
class PromiseEligibilityTest {

  private static final PromisedPaymentOptions NONE = PromisedPaymentOptions.none();

  private static Instant at(String date) {
    return Instant.parse(date + "T10:00:00Z");
  }

  private static Previous ended(String takenOn) {
    return new Previous(at(takenOn), PromiseStatus.REPAID, false);
  }

  private static List<String> limits(String today, PromisedPaymentOptions options, boolean customer,
      List<Previous> previous, String lastPayment, String lastCharge) {
    return limits(today, options, customer, false, false, previous, lastPayment, lastCharge);
  }

  private static List<String> limits(String today, PromisedPaymentOptions options, boolean customer,
      boolean onlyWhenBlocked, boolean blocked, List<Previous> previous, String lastPayment, String lastCharge) {
    return PromiseEligibility.refusals(new Facts(at(today), ZoneOffset.UTC, options, customer, onlyWhenBlocked,
        blocked, previous, Optional.ofNullable(lastPayment).map(PromiseEligibilityTest::at),
        Optional.ofNullable(lastCharge).map(PromiseEligibilityTest::at))).stream().map(Refusal::limit).toList();
  }

  private static PromisedPaymentOptions opts(Boolean topUp, Boolean once, Integer payDays, Integer chargeDays,
      Integer max) {
    return new PromisedPaymentOptions(topUp, once, payDays, chargeDays, max, null);
  }

  @Test
  void aFirstPromise_withNoLimits_isAllowed() {
    assertThat(limits("2027-04-02", NONE, true, List.of(), null, null)).isEmpty();
  }

  @Test
  void oneAtATime_forCustomersAndManagers() {
    List<Previous> running = List.of(new Previous(at("2027-03-01"), PromiseStatus.ACTIVE, false));
    assertThat(limits("2027-04-02", NONE, true, running, null, null)).contains(ACTIVE_PROMISE);
    assertThat(limits("2027-04-02", NONE, false, running, null, null)).containsExactly(ACTIVE_PROMISE);
  }

  @Test
  void expiredWithNegativeBalance_blocksNewPromisesUntilSettled_forEveryone() {
    List<Previous> unsettled = List.of(new Previous(at("2027-01-01"), PromiseStatus.EXPIRED, true));
    assertThat(limits("2027-04-02", NONE, false, unsettled, null, null)).containsExactly(PREVIOUS_UNPAID);
    List<Previous> settled = List.of(new Previous(at("2027-01-01"), PromiseStatus.EXPIRED, false));
    assertThat(limits("2027-04-02", NONE, false, settled, null, null)).isEmpty();
  }

  @Test
  void oneMonthDefault_refusesTheDayBefore_allowsTheSameDayNextMonth() {
    List<Previous> prev = List.of(ended("2027-04-02"));
    assertThat(limits("2027-05-01", NONE, true, prev, null, null)).containsExactly(ONE_MONTH_DEFAULT);
    assertThat(limits("2027-05-02", NONE, true, prev, null, null)).isEmpty();
  }

  @Test
  void oneMonthDefault_doesNotApplyWhenAnyLimitIsSet_norToManagers() {
    List<Previous> prev = List.of(ended("2027-04-02"));
    assertThat(limits("2027-04-20", opts(null, null, null, null, 5), true, prev, null, null)).isEmpty();
    assertThat(limits("2027-04-20", NONE, false, prev, null, null)).isEmpty();
  }

  @Test
  void topUpSincePrevious_refusesWithoutOne_allowsAfterOne() {
    PromisedPaymentOptions o = opts(true, null, null, null, null);
    List<Previous> prev = List.of(ended("2027-03-02"));
    assertThat(limits("2027-04-10", o, true, prev, null, null)).containsExactly(TOP_UP_SINCE_PREVIOUS);
    assertThat(limits("2027-04-10", o, true, prev, "2027-03-01", null)).containsExactly(TOP_UP_SINCE_PREVIOUS);
    assertThat(limits("2027-04-10", o, true, prev, "2027-03-03", null)).isEmpty();
    assertThat(limits("2027-04-10", o, true, List.of(), null, null)).as("no previous promise").isEmpty();
  }

  @Test
  void oncePerCalendarMonth_refusesOnTheLastDay_allowsOnTheFirstOfTheNextMonth() {
    PromisedPaymentOptions o = opts(null, true, null, null, null);
    List<Previous> prev = List.of(ended("2027-04-02"));
    assertThat(limits("2027-04-30", o, true, prev, null, null)).containsExactly(ONCE_PER_CALENDAR_MONTH);
    assertThat(limits("2027-05-01", o, true, prev, null, null)).isEmpty();
  }

  @Test
  void maxPerMonth_refusesAtN_allowsBelowN() {
    PromisedPaymentOptions o = opts(null, null, null, null, 2);
    assertThat(limits("2027-04-20", o, true, List.of(ended("2027-04-02")), null, null)).isEmpty();
    assertThat(limits("2027-04-20", o, true, List.of(ended("2027-04-02"), ended("2027-04-10")), null, null))
        .containsExactly(MAX_PER_MONTH);
    assertThat(limits("2027-05-01", o, true, List.of(ended("2027-04-02"), ended("2027-04-10")), null, null))
        .isEmpty();
  }

  @Test
  void oncePerCalendarMonth_takesPrecedenceOverMaxPerMonth() {
    PromisedPaymentOptions o = opts(null, true, null, null, 3);
    assertThat(limits("2027-04-20", o, true, List.of(ended("2027-04-02")), null, null))
        .containsExactly(ONCE_PER_CALENDAR_MONTH);
  }

  @Test
  void lastPaymentWithinDays_allowsExactlyNDaysAgo_refusesNPlusOne_andNever() {
    PromisedPaymentOptions o = opts(null, null, 7, null, null);
    assertThat(limits("2027-04-08", o, true, List.of(), "2027-04-01", null)).isEmpty();
    assertThat(limits("2027-04-09", o, true, List.of(), "2027-04-01", null)).containsExactly(LAST_PAYMENT_WITHIN);
    assertThat(limits("2027-04-09", o, true, List.of(), null, null)).containsExactly(LAST_PAYMENT_WITHIN);
  }

  @Test
  void lastChargeWithinDays_allowsExactlyNDaysAgo_refusesNPlusOne() {
    PromisedPaymentOptions o = opts(null, null, null, 30, null);
    assertThat(limits("2027-05-01", o, true, List.of(), null, "2027-04-01")).isEmpty();
    assertThat(limits("2027-05-02", o, true, List.of(), null, "2027-04-01")).containsExactly(LAST_CHARGE_WITHIN);
  }

  @Test
  void onlyWhenBlocked_refusesAnActiveAccount_allowsABlockedOne_customersOnly() {
    assertThat(limits("2027-04-02", NONE, true, true, false, List.of(), null, null))
        .containsExactly(ONLY_WHEN_BLOCKED);
    assertThat(limits("2027-04-02", NONE, true, true, true, List.of(), null, null)).isEmpty();
    assertThat(limits("2027-04-02", NONE, false, true, false, List.of(), null, null)).isEmpty();
  }

  @Test
  void everyRefusalNamesItsRequirement() {
    List<Previous> prev = new ArrayList<>(List.of(new Previous(at("2027-04-01"), PromiseStatus.ACTIVE, true)));
    List<Refusal> refusals = PromiseEligibility.refusals(new Facts(at("2027-04-02"), ZoneOffset.UTC,
        opts(true, true, 1, 1, 1), true, true, false, prev, Optional.empty(), Optional.empty()));
    assertThat(refusals).extracting(Refusal::limit).containsExactly(ACTIVE_PROMISE, PREVIOUS_UNPAID,
        ONLY_WHEN_BLOCKED, TOP_UP_SINCE_PREVIOUS, ONCE_PER_CALENDAR_MONTH, LAST_PAYMENT_WITHIN, LAST_CHARGE_WITHIN);
    assertThat(refusals).extracting(Refusal::rule).containsOnly("PROM-3", "RS-3");
  }

  @Test
  void PROM3_aCustomerWithoutAPlanIsToldNoPlan_aManagerMayStillGrant() {
    List<Refusal> customer = PromiseEligibility.refusals(new Facts(at("2027-04-02"), ZoneOffset.UTC, NONE, true,
        false, false, List.of(), Optional.empty(), Optional.empty(), false));
    assertThat(customer).extracting(Refusal::limit).containsExactly(NO_PLAN);
    assertThat(customer).extracting(Refusal::rule).containsExactly("PROM-3");
    assertThat(PromiseEligibility.refusals(new Facts(at("2027-04-02"), ZoneOffset.UTC, NONE, false, false, false,
        List.of(), Optional.empty(), Optional.empty(), false))).as("a manager's grant").isEmpty();
  }
}
