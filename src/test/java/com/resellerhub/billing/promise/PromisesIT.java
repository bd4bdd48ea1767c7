package com.resellerhub.billing.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.catalog.PromisedPaymentOptions;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.subscription.Subscription;
import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.subscription.SubscriptionStatus;
import com.resellerhub.billing.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Promised payments end to end through the HTTP APIs on the MySQL-compatible database, moving the adjustable clock
 * (PROM-1..PROM-7). Money comes in through {@link BalanceService} directly (the payments API is another feature);
 * it publishes MoneyReceived like any top-up.
 */
@IntegrationTest
class PromisesIT {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired BalanceService balances;
  @Autowired SubscriptionService subscriptions;
  @Autowired AccountService accounts;
  @Autowired com.resellerhub.billing.account.AccountBlocks blocks;
  @Autowired RuntimeService runtime;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired com.resellerhub.billing.platform.EventPublicationRetry retry;

  @BeforeEach
  void automaticApprovalAndDefaults() {
    settings(s -> {
      s.put("postpayApproval", "AUTOMATIC");
      s.put("promisedPaymentOnlyWhenBlocked", false);
    });
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
    settings(s -> s.put("promisedPaymentOnlyWhenBlocked", false));
  }

  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void PROM4_seedExample_600at1PercentDaily_taken2April_repaid3April_commission12() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    long offer = offer("600", 5, "0", "1", "DAILY", true, List.of());

    ResponseEntity<Map<String, Object>> taken = take(c, offer, null, "k-" + UUID.randomUUID());
    assertThat(taken.getStatusCode().value()).as("%s", taken.getBody()).isEqualTo(201);
    long promise = id(taken.getBody());
    awaitStatus(c, promise, "ACTIVE");
    assertThat(money(c.accountId())).containsEntry("creditLimit", 600.0).containsEntry("balance", 0.0);

    clock("2027-04-03T15:00:00Z");
    topUp(c.accountId(), "600");

    awaitProcessEnded(promise);
    Map<String, Object> repaid = customerPromise(c, promise);
    assertThat(repaid).containsEntry("status", "REPAID").containsEntry("commission", 12.0)
        .containsEntry("received", 600.0);
    assertThat(money(c.accountId())).containsEntry("creditLimit", 0.0).containsEntry("balance", 588.0);
    assertThat(account(c.accountId())).containsEntry("status", "ACTIVE");
  }

  @Test
  void PROM2_PROM5_600for5DaysCosting200_expiresNegative_blocks_topUpUnblocks_noNewPromiseMeanwhile() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    long offer = offer("600", 5, "200", "0", "DAILY", true, List.of());

    long promise = id(take(c, offer, null, null).getBody());
    awaitStatus(c, promise, "ACTIVE");
    // PROM-2: credit limit raised by 600, connection fee 200 charged at once, the account not blocked
    assertThat(money(c.accountId())).containsEntry("balance", -200.0).containsEntry("creditLimit", 600.0)
        .containsEntry("available", 400.0);
    assertThat(account(c.accountId())).containsEntry("status", "ACTIVE");

    clock("2027-04-07T08:59:00Z");
    assertThat(customerPromise(c, promise)).containsEntry("status", "ACTIVE");
    clock("2027-04-07T09:00:01Z");
    awaitProcessEnded(promise);

    assertThat(customerPromise(c, promise)).containsEntry("status", "EXPIRED")
        .containsEntry("endedWithNegativeBalance", true).containsEntry("commission", 0.0);
    assertThat(money(c.accountId())).containsEntry("balance", -200.0).containsEntry("creditLimit", 0.0);
    assertThat(account(c.accountId())).containsEntry("status", "BLOCKED");
    assertThat(subscriptions.ofAccount(c.accountId())).extracting(Subscription::getStatus)
        .containsOnly(SubscriptionStatus.SUSPENDED);

    // no new promise while the balance stays negative: customer and manager alike
    assertThat(limits(eligibility(c))).contains(PromiseEligibility.PREVIOUS_UNPAID);
    ResponseEntity<Map<String, Object>> refused = grant(c.accountId(), offer, null);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "PROM-3");
    assertThat((String) refused.getBody().get("detail")).startsWith(PromiseEligibility.PREVIOUS_UNPAID);

    topUp(c.accountId(), "150");
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(account(c.accountId())).containsEntry("status", "BLOCKED"));

    topUp(c.accountId(), "50");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(account(c.accountId())).containsEntry("status", "ACTIVE"));
    assertThat(subscriptions.ofAccount(c.accountId())).extracting(Subscription::getStatus)
        .containsOnly(SubscriptionStatus.ACTIVE);
    assertThat(limits(eligibility(c))).doesNotContain(PromiseEligibility.PREVIOUS_UNPAID);
    assertThat(grant(c.accountId(), offer, null).getStatusCode().value()).as("a manager may grant again")
        .isEqualTo(201);
  }

  @Test
  void PROM5_blockCauses_aTopUpLiftsTheExpiredPromisesBlock_butNotAManagersBlock_andOnlyTheLastLiftResumesService() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    long offer = offer("600", 5, "200", "0", "DAILY", true, List.of());
    long promise = id(take(c, offer, null, null).getBody());
    awaitStatus(c, promise, "ACTIVE");
    clock("2027-04-07T09:00:01Z");
    awaitProcessEnded(promise);
    assertThat(account(c.accountId())).containsEntry("status", "BLOCKED")
        .containsEntry("blockedFor", List.of("PROMISED_PAYMENT_EXPIRED"));

    String blocks = "/api/operator/accounts/" + c.accountId() + "/blocks";
    ResponseEntity<Map<String, Object>> noReason = call("manager", HttpMethod.POST, blocks, Map.of(), null);
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody().toString()).contains("reason");
    assertThat(http.withBasicAuth("manager", "manager").exchange(blocks, HttpMethod.POST,
        new HttpEntity<>(Map.of("reason", "Contract under dispute"), jsonHeaders()),
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody())
        .extracting(b -> b.get("cause")).containsExactly("PROMISED_PAYMENT_EXPIRED", "MANAGER");

    ResponseEntity<Map<String, Object>> notManual = call("manager", HttpMethod.DELETE,
        blocks + "/PROMISED_PAYMENT_EXPIRED?reason=paid at the counter", null, null);
    assertThat(notManual.getStatusCode().value()).isEqualTo(422);
    assertThat(notManual.getBody()).containsEntry("field", "cause").containsEntry("rule", "block-cause-not-manual");

    topUp(c.accountId(), "200");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(list("manager", blocks))
        .extracting(b -> b.get("cause")).containsExactly("MANAGER"));
    assertThat(account(c.accountId())).containsEntry("status", "BLOCKED").containsEntry("blockedFor",
        List.of("MANAGER"));
    assertThat(subscriptions.ofAccount(c.accountId())).extracting(Subscription::getStatus)
        .containsOnly(SubscriptionStatus.SUSPENDED);

    ResponseEntity<Map<String, Object>> unexplained = call("manager", HttpMethod.DELETE, blocks + "/MANAGER", null,
        null);
    assertThat(unexplained.getStatusCode().value()).isEqualTo(400);
    assertThat(unexplained.getBody()).containsEntry("field", "reason").containsEntry("rule", "required");
    assertThat(account(c.accountId())).containsEntry("status", "BLOCKED");
    ResponseEntity<List<Map<String, Object>>> lifted = http.withBasicAuth("manager", "manager").exchange(
        blocks + "/MANAGER?reason=Contract signed again", HttpMethod.DELETE, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    assertThat(lifted.getStatusCode().value()).as("%s", lifted.getBody()).isEqualTo(200);
    assertThat(lifted.getBody()).isEmpty();
    assertThat(account(c.accountId())).containsEntry("status", "ACTIVE").doesNotContainKey("blockedFor");
    assertThat(subscriptions.ofAccount(c.accountId())).extracting(Subscription::getStatus)
        .containsOnly(SubscriptionStatus.ACTIVE);
  }

  @Test
  void PROM5_aMoneyReceivedReactionIsKeptUntilItCompletes_andRunningItAgainCountsTheMoneyOnce() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    long offer = offer("100", 5, "0", "0", "DAILY", true, List.of());
    long promise = id(take(c, offer, null, null).getBody());
    awaitStatus(c, promise, "ACTIVE");

    topUp(c.accountId(), "30");
    String event = "%\"accountId\":" + c.accountId() + ",%";
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT COUNT(*)"
        + " FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ? AND EVENT_TYPE LIKE '%MoneyReceived'"
        + " AND LISTENER_ID LIKE '%PromiseRepayments%' AND COMPLETION_DATE IS NOT NULL", Integer.class, event))
        .as("stored, then completed").isEqualTo(1));
    assertThat(customerPromise(c, promise)).containsEntry("received", 30.0).containsEntry("status", "ACTIVE");

    // as if the node had stopped before recording the completion: the reaction is incomplete and old
    jdbc.update("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NULL, PUBLICATION_DATE = ?"
        + " WHERE SERIALIZED_EVENT LIKE ?", java.sql.Timestamp.valueOf("2001-01-01 00:00:00"), event);
    retry.resubmit();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT COUNT(*)"
        + " FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ? AND COMPLETION_DATE IS NULL", Integer.class,
        event)).as("run again and completed").isZero());
    assertThat(customerPromise(c, promise)).as("counted once").containsEntry("received", 30.0)
        .containsEntry("status", "ACTIVE");

    topUp(c.accountId(), "70");
    awaitProcessEnded(promise);
    assertThat(customerPromise(c, promise)).containsEntry("status", "REPAID").containsEntry("received", 100.0);
  }

  @Test
  void PROM3_aCustomerWithoutAPlanIsToldSo_insteadOfEligibleWithNoPlan() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    for (Subscription s : subscriptions.ofAccount(c.accountId())) {
      assertThat(call("manager", HttpMethod.POST, "/api/operator/subscriptions/" + s.getId() + "/terminate",
          Map.of("reason", "Contract ended"), null).getStatusCode().value()).isEqualTo(200);
    }
    Map<String, Object> e = eligibility(c);
    assertThat(e).containsEntry("eligible", false);
    assertThat(e.get("planId")).isNull();
    assertThat(limits(e)).containsExactly(PromiseEligibility.NO_PLAN);
  }

  @Test
  void PROM3_defaultOneMonth_refusedTheDayBefore_allowedOnTheDay() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    long offer = offer("100", 5, "0", "0", "DAILY", true, List.of());
    takeAndRepay(c, offer, "100");

    clock("2027-05-01T23:00:00Z");
    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.ONE_MONTH_DEFAULT);
    ResponseEntity<Map<String, Object>> refused = take(c, offer, null, null);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "PROM-3");
    clock("2027-05-02T00:30:00Z");
    assertThat(eligibility(c)).containsEntry("eligible", true);
    assertThat(take(c, offer, null, null).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void PROM3_oncePerCalendarMonth_overMaxPerMonth_refusedOn30April_allowedOn1May() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(options(null, true, null, null, 5));
    long offer = offer("100", 5, "0", "0", "DAILY", true, List.of());
    takeAndRepay(c, offer, "100");

    clock("2027-04-30T12:00:00Z");
    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.ONCE_PER_CALENDAR_MONTH);
    clock("2027-05-01T00:10:00Z");
    assertThat(eligibility(c)).containsEntry("eligible", true);
  }

  @Test
  void PROM3_maxPerMonth_refusedAtN_allowedNextMonth() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(options(null, null, null, null, 2));
    long offer = offer("100", 5, "0", "0", "DAILY", true, List.of());
    takeAndRepay(c, offer, "100");
    clock("2027-04-03T09:00:00Z");
    assertThat(eligibility(c)).containsEntry("eligible", true);
    takeAndRepay(c, offer, "100");

    clock("2027-04-30T12:00:00Z");
    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.MAX_PER_MONTH);
    clock("2027-05-01T00:10:00Z");
    assertThat(eligibility(c)).containsEntry("eligible", true);
  }

  @Test
  void PROM3_topUpSincePrevious_refusedAfterAnExpiryWithoutTopUp_allowedAfterOne() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(options(true, null, null, null, null));
    long offer = offer("100", 2, "0", "0", "DAILY", true, List.of());
    long promise = id(take(c, offer, null, null).getBody());
    awaitStatus(c, promise, "ACTIVE");
    clock("2027-04-04T09:00:01Z");
    awaitProcessEnded(promise);
    assertThat(customerPromise(c, promise)).containsEntry("status", "EXPIRED")
        .containsEntry("endedWithNegativeBalance", false);

    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.TOP_UP_SINCE_PREVIOUS);
    topUp(c.accountId(), "10");
    assertThat(eligibility(c)).containsEntry("eligible", true);
  }

  @Test
  void PROM3_lastPaymentWithinDays_allowedExactlyNDaysAfter_refusedTheDayAfter() {
    clock("2027-04-01T09:00:00Z");
    Customer c = customerOnNewPlan(options(null, null, 7, null, null));
    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.LAST_PAYMENT_WITHIN);
    topUp(c.accountId(), "10");

    clock("2027-04-08T23:00:00Z");
    assertThat(eligibility(c)).containsEntry("eligible", true);
    clock("2027-04-09T00:30:00Z");
    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.LAST_PAYMENT_WITHIN);
  }

  @Test
  void PROM3_lastChargeWithinDays_allowedExactlyNDaysAfter_refusedTheDayAfter() {
    clock("2027-04-01T09:00:00Z");
    Customer c = customerOnNewPlan(options(null, null, null, 30, null));
    topUp(c.accountId(), "100");
    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.LAST_CHARGE_WITHIN);
    balances.record(c.accountId(), Movement.debit(EntryType.CHARGE, new BigDecimal("20"), "it-charge-"
        + UUID.randomUUID(), "TEST", null, "Monthly fee", "test"));

    clock("2027-05-01T12:00:00Z");
    assertThat(eligibility(c)).containsEntry("eligible", true);
    clock("2027-05-02T00:30:00Z");
    assertThat(limits(eligibility(c))).containsExactly(PromiseEligibility.LAST_CHARGE_WITHIN);
  }

  @Test
  void RS3_onlyWhenBlocked_refusesAnActiveAccount_allowsABlockedOne() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    settings(s -> s.put("promisedPaymentOnlyWhenBlocked", true));
    Map<String, Object> e = eligibility(c);
    assertThat(limits(e)).containsExactly(PromiseEligibility.ONLY_WHEN_BLOCKED);
    assertThat(e.get("refusals").toString()).contains("RS-3");

    blocks.block(c.accountId(), com.resellerhub.billing.account.BlockCause.MANAGER, "test", "blocked for the test");
    assertThat(eligibility(c)).containsEntry("eligible", true);
  }

  @Test
  void PROM3_explicitAmountBelowThePlansPriceIsRefused_atThePriceAllowed_computedAmountHasNoCommission() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null); // price 49
    long computed = offer("0", 3, "0", "5", "DAILY", true, List.of());

    ResponseEntity<Map<String, Object>> below = take(c, computed, new BigDecimal("48.99"), null);
    assertThat(below.getStatusCode().value()).isEqualTo(422);
    assertThat(below.getBody()).containsEntry("rule", "PROM-3").containsEntry("field", "amount");

    ResponseEntity<Map<String, Object>> plain = take(c, computed, null, null);
    assertThat(plain.getStatusCode().value()).as("%s", plain.getBody()).isEqualTo(201);
    assertThat(plain.getBody()).containsEntry("amount", 49.0).containsEntry("computedAmount", true);
    long promise = id(plain.getBody());
    awaitStatus(c, promise, "ACTIVE");
    clock("2027-04-03T09:00:00Z");
    topUp(c.accountId(), "49");
    awaitProcessEnded(promise);
    assertThat(customerPromise(c, promise)).containsEntry("status", "REPAID").containsEntry("commission", 0.0);
  }

  @Test
  void PROM1_offers_oneTimeRefused_customerAvailabilityAndPlanLimitsApply() {
    clock("2027-04-02T09:00:00Z");
    Map<String, Object> oneTime = offerBody("600", 5, "0", "0", "ONE_TIME", true, List.of());
    ResponseEntity<Map<String, Object>> refused = call("manager", HttpMethod.POST,
        "/api/operator/promised-payment-offers", oneTime, null);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "PROM-1").containsEntry("field", "chargeMethod");

    Customer c = customerOnNewPlan(null);
    long managersOnly = offer("100", 5, "0", "0", "MONTHLY", false, List.of());
    long otherPlan = offer("100", 5, "0", "0", "DAILY", true, List.of(plan(null)));
    assertThat(take(c, managersOnly, null, null).getBody()).containsEntry("rule", "PROM-1")
        .containsEntry("field", "offerId");
    assertThat(take(c, otherPlan, null, null).getBody()).containsEntry("rule", "PROM-1");
    List<Map<String, Object>> visible = list(c.userId(), "/api/customer/promised-payment-offers");
    assertThat(visible).extracting(o -> ((Number) o.get("id")).longValue()).doesNotContain(managersOnly, otherPlan);

    ResponseEntity<Map<String, Object>> granted = grant(c.accountId(), managersOnly, "g-" + UUID.randomUUID());
    assertThat(granted.getStatusCode().value()).isEqualTo(201);
    assertThat(granted.getBody()).containsEntry("origin", "OPERATOR_API").containsEntry("createdBy", "manager");
  }

  @Test
  void PROM7_idempotentTake_listsAndDetailsBothSides_anotherAccountsPromiseIs404() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(null);
    Customer other = customerOnNewPlan(null);
    long offer = offer("100", 5, "0", "0", "DAILY", true, List.of());
    String key = "take-" + UUID.randomUUID();

    ResponseEntity<Map<String, Object>> first = take(c, offer, null, key);
    ResponseEntity<Map<String, Object>> again = take(c, offer, null, key);
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(id(again.getBody())).isEqualTo(id(first.getBody()));
    long promise = id(first.getBody());

    Map<String, Object> mine = call(c.userId(), HttpMethod.GET, "/api/customer/promised-payments", null, null)
        .getBody();
    assertThat((List<?>) mine.get("content")).hasSize(1);
    assertThat(call("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/promised-payments",
        null, null).getBody().get("totalElements")).isEqualTo(1);
    assertThat(call("manager", HttpMethod.GET, "/api/operator/promised-payments/" + promise, null, null).getBody())
        .containsEntry("accountId", (int) c.accountId()).containsEntry("origin", "CUSTOMER_API");
    assertThat(call(other.userId(), HttpMethod.GET, "/api/customer/promised-payments/" + promise, null, null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(call("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/events", null, null)
        .getBody().toString()).contains("PROMISED_PAYMENT_TAKEN");
  }

  @Test
  void PROM6_activationStartsThePlansGracePromiseOnce_byManagerOrFirstUsage() {
    clock("2027-04-02T09:00:00Z");
    Customer c = customerOnNewPlan(new PromisedPaymentOptions(null, null, null, null, null, 3));
    ResponseEntity<Map<String, Object>> activated = call("manager", HttpMethod.POST,
        "/api/operator/accounts/" + c.accountId() + "/activation", Map.of("activatedOn", "2027-04-02"), null);
    assertThat(activated.getStatusCode().value()).as("%s", activated.getBody()).isEqualTo(200);
    assertThat(activated.getBody()).containsEntry("source", "MANAGER").containsEntry("activatedOn", "2027-04-02");
    long promise = ((Number) activated.getBody().get("promiseId")).longValue();
    awaitStatus(c, promise, "ACTIVE");
    assertThat(customerPromise(c, promise)).containsEntry("origin", "ACTIVATION").containsEntry("durationDays", 3)
        .containsEntry("amount", 49.0).containsEntry("endsAt", "2027-04-05T09:00:00Z");
    assertThat(money(c.accountId())).containsEntry("creditLimit", 49.0);

    ResponseEntity<Map<String, Object>> usage = call("manager", HttpMethod.POST,
        "/api/operator/accounts/" + c.accountId() + "/usage-events", null, null);
    assertThat(usage.getBody()).containsEntry("source", "MANAGER").containsEntry("promiseId", (int) promise);

    Customer byUsage = customerOnNewPlan(new PromisedPaymentOptions(null, null, null, null, null, 3));
    ResponseEntity<Map<String, Object>> first = call("manager", HttpMethod.POST,
        "/api/operator/accounts/" + byUsage.accountId() + "/usage-events", null, null);
    assertThat(first.getBody()).containsEntry("source", "FIRST_USAGE");
    assertThat(first.getBody().get("promiseId")).isNotNull();

    Customer noOption = customerOnNewPlan(null);
    assertThat(call("manager", HttpMethod.POST, "/api/operator/accounts/" + noOption.accountId() + "/activation",
        null, null).getBody().get("promiseId")).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void PROM6_aNewAccountWhoseOnlyOrderIsAnUnpaidPrepaidOne_isPaidOnCreditOnActivation_andBlockedWhenThePromiseExpiresUnpaid() {
    clock("2027-06-01T09:00:00Z");
    long planId = plan(new PromisedPaymentOptions(null, null, null, null, null, 3), "PREPAY");
    Customer c = newCustomer();
    ResponseEntity<Map<String, Object>> ordered = call("manager", HttpMethod.POST,
        "/api/operator/accounts/" + c.accountId() + "/orders", Map.of("planId", planId, "trial", false), null);
    assertThat(ordered.getStatusCode().value()).as("%s", ordered.getBody()).isEqualTo(201);
    assertThat(ordered.getBody()).containsEntry("status", "AWAITING_PAYMENT");
    long order = id(ordered.getBody());
    assertThat(subscriptions.ofAccount(c.accountId())).as("no subscription before the payment").isEmpty();
    assertThat(money(c.accountId())).containsEntry("balance", 0.0).containsEntry("creditLimit", 0.0);

    ResponseEntity<Map<String, Object>> activated = call("manager", HttpMethod.POST,
        "/api/operator/accounts/" + c.accountId() + "/activation", Map.of("activatedOn", "2027-06-01"), null);
    assertThat(activated.getStatusCode().value()).as("%s", activated.getBody()).isEqualTo(200);
    assertThat(activated.getBody().get("promiseId")).as("the plan comes from the open order").isNotNull();
    long promise = ((Number) activated.getBody().get("promiseId")).longValue();
    awaitStatus(c, promise, "ACTIVE");
    assertThat(customerPromise(c, promise)).containsEntry("origin", "ACTIVATION").containsEntry("durationDays", 3)
        .containsEntry("amount", 49.0).containsEntry("endsAt", "2027-06-04T09:00:00Z");

    // "n days to pay": the service starts now, paid on credit from the balance
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(call("manager", HttpMethod.GET,
        "/api/operator/orders/" + order, null, null).getBody()).containsEntry("status", "PROVISIONED"));
    assertThat(subscriptions.ofAccount(c.accountId())).extracting(Subscription::getStatus)
        .containsExactly(SubscriptionStatus.ACTIVE);
    assertThat(money(c.accountId())).containsEntry("balance", -49.0).containsEntry("creditLimit", 49.0)
        .containsEntry("available", 0.0);
    List<Map<String, Object>> payments = (List<Map<String, Object>>) call("manager", HttpMethod.GET,
        "/api/operator/payments?accountId=" + c.accountId(), null, null).getBody().get("content");
    assertThat(payments).singleElement().satisfies(p -> assertThat(p).containsEntry("status", "PAID_FROM_BALANCE")
        .containsEntry("completedBy", "system"));
    assertThat(account(c.accountId())).containsEntry("status", "ACTIVE");

    // PROM-5: the days run out unpaid: the credit is withdrawn and the account blocked, its subscription suspended
    clock("2027-06-04T09:00:01Z");
    awaitProcessEnded(promise);
    assertThat(customerPromise(c, promise)).containsEntry("status", "EXPIRED")
        .containsEntry("endedWithNegativeBalance", true);
    assertThat(money(c.accountId())).containsEntry("balance", -49.0).containsEntry("creditLimit", 0.0);
    assertThat(account(c.accountId())).containsEntry("status", "BLOCKED")
        .containsEntry("blockedFor", List.of("PROMISED_PAYMENT_EXPIRED"));
    assertThat(subscriptions.ofAccount(c.accountId())).extracting(Subscription::getStatus)
        .containsExactly(SubscriptionStatus.SUSPENDED);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  record Customer(long accountId, String userId) {}

  private void takeAndRepay(Customer c, long offer, String amount) {
    ResponseEntity<Map<String, Object>> taken = take(c, offer, null, null);
    assertThat(taken.getStatusCode().value()).as("%s", taken.getBody()).isEqualTo(201);
    long promise = id(taken.getBody());
    awaitStatus(c, promise, "ACTIVE");
    topUp(c.accountId(), amount);
    awaitProcessEnded(promise);
    assertThat(customerPromise(c, promise)).containsEntry("status", "REPAID");
  }

  private void awaitStatus(Customer c, long promise, String status) {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(customerPromise(c, promise)).containsEntry("status", status));
  }

  private void awaitProcessEnded(long promise) {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("promised-payment")
            .processInstanceBusinessKey(String.valueOf(promise)).count()).isZero());
  }

  private void topUp(long accountId, String amount) {
    balances.record(accountId, Movement.credit(EntryType.TOP_UP, new BigDecimal(amount), "it-top-up-"
        + UUID.randomUUID(), "TEST", null, "Top-up", "test"));
  }

  private void clock(String instant) {
    ResponseEntity<Map<String, Object>> r = call("admin", HttpMethod.POST, "/api/admin/clock",
        Map.of("set", instant), null);
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
  }

  private Map<String, Object> eligibility(Customer c) {
    return call(c.userId(), HttpMethod.GET, "/api/customer/promised-payments/eligibility", null, null).getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<String> limits(Map<String, Object> eligibility) {
    return ((List<Map<String, Object>>) eligibility.get("refusals")).stream().map(r -> (String) r.get("limit"))
        .toList();
  }

  private ResponseEntity<Map<String, Object>> take(Customer c, long offer, BigDecimal amount, String key) {
    Map<String, Object> body = new HashMap<>();
    body.put("offerId", offer);
    if (amount != null) {
      body.put("amount", amount);
    }
    return call(c.userId(), HttpMethod.POST, "/api/customer/promised-payments", body, key);
  }

  private ResponseEntity<Map<String, Object>> grant(long accountId, long offer, String key) {
    return call("manager", HttpMethod.POST, "/api/operator/accounts/" + accountId + "/promised-payments",
        Map.of("offerId", offer), key);
  }

  private Map<String, Object> customerPromise(Customer c, long promise) {
    return call(c.userId(), HttpMethod.GET, "/api/customer/promised-payments/" + promise, null, null).getBody();
  }

  private Map<String, Object> account(long accountId) {
    return call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId, null, null).getBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> money(long accountId) {
    Map<String, Object> m = (Map<String, Object>) account(accountId).get("money");
    Map<String, Object> doubles = new HashMap<>();
    m.forEach((k, v) -> doubles.put(k, v instanceof Number n ? n.doubleValue() : v));
    return doubles;
  }

  private static PromisedPaymentOptions options(Boolean topUp, Boolean once, Integer pay, Integer charge,
      Integer max) {
    return new PromisedPaymentOptions(topUp, once, pay, charge, max, null);
  }

  private Map<String, Object> offerBody(String amount, int days, String fee, String percent, String method,
      boolean customer, List<Long> plans) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", "IT offer " + SEQ.incrementAndGet());
    o.put("amount", new BigDecimal(amount));
    o.put("durationDays", days);
    o.put("connectionFee", new BigDecimal(fee));
    o.put("commissionPercent", new BigDecimal(percent));
    o.put("chargeMethod", method);
    o.put("customerAvailable", customer);
    o.put("planIds", plans);
    return o;
  }

  private long offer(String amount, int days, String fee, String percent, String method, boolean customer,
      List<Long> plans) {
    ResponseEntity<Map<String, Object>> created = call("manager", HttpMethod.POST,
        "/api/operator/promised-payment-offers", offerBody(amount, days, fee, percent, method, customer, plans),
        null);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return id(created.getBody());
  }

  /** A postpaid plan at 49 per month with these promised-payment options. */
  private long plan(PromisedPaymentOptions options) {
    return plan(options, "POSTPAY");
  }

  /** A plan at 49 per month, of this billing model, with these promised-payment options. */
  private long plan(PromisedPaymentOptions options, String billingModel) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", "prom-plan-" + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet());
    plan.put("name", "Promise test plan");
    // Postpaid: an APPROVED account gets it provisioned at once with no ledger movement; a prepaid order would
    // wait for a payment whose entries the eligibility rules (last payment, last charge) would then see.
    plan.put("billingModel", billingModel);
    plan.put("price", "49.00");
    plan.put("period", "P1M");
    plan.put("trialAvailable", false);
    ResponseEntity<Map<String, Object>> created = call("manager", HttpMethod.POST, "/api/operator/plans", plan, null);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    long id = id(created.getBody());
    if (options != null) {
      ResponseEntity<Map<String, Object>> put = call("manager", HttpMethod.PUT,
          "/api/operator/plans/" + id + "/promised-payment-options", options, null);
      assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
    }
    return id;
  }

  /** A new account with its own customer user, subscribed to a new plan with these options. */
  private Customer customerOnNewPlan(PromisedPaymentOptions options) {
    long planId = plan(options);
    Customer c = newCustomer();
    ResponseEntity<Map<String, Object>> order = call("manager", HttpMethod.POST,
        "/api/operator/accounts/" + c.accountId() + "/orders", Map.of("planId", planId, "trial", false), null);
    assertThat(order.getStatusCode().value()).as("%s", order.getBody()).isEqualTo(201);
    assertThat(order.getBody()).containsEntry("status", "PROVISIONED");
    return c;
  }

  /** A new account, APPROVED for postpay, with its own customer user and no order. */
  private Customer newCustomer() {
    String userId = "prom" + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet();
    User user = identity.newUser(userId);
    user.setFirstName("Pia");
    user.setLastName("Promise");
    user.setEmail(userId + "@customers.example");
    user.setPassword(userId);
    identity.saveUser(user);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("accountTypeId", idOf("/api/operator/account-types", "individual"));
    r.put("serviceRuleId", idOf("/api/operator/service-rules", "standard"));
    r.put("postpayPermission", "APPROVED");
    r.put("contacts", new LinkedHashMap<>(Map.of("address", "Hauptstrasse 1, Berlin", "email", userId + "@x.example")));
    r.put("signatory", new LinkedHashMap<>(Map.of("firstName", "Pia", "lastName", "Promise", "email",
        userId + "@x.example")));
    r.put("owner", new LinkedHashMap<>(Map.of("mode", "EXISTING", "userId", userId)));
    r.put("termsAccepted", true);
    r.put("extraAttributes", new LinkedHashMap<>(Map.of("passportNumber", "AB123456", "passportIssuedBy", "Berlin")));
    ResponseEntity<Map<String, Object>> created = call("manager", HttpMethod.POST, "/api/operator/accounts", r, null);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return new Customer(id(created.getBody()), userId);
  }

  @SuppressWarnings("unchecked")
  private void settings(java.util.function.Consumer<Map<String, Object>> change) {
    Map<String, Object> s = new LinkedHashMap<>(call("manager", HttpMethod.GET, "/api/operator/settings", null, null)
        .getBody());
    change.accept(s);
    ResponseEntity<Map<String, Object>> put = call("manager", HttpMethod.PUT, "/api/operator/settings", s, null);
    assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
  }

  private long idOf(String path, String code) {
    return list("manager", path).stream().filter(t -> code.equals(t.get("code")))
        .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
  }

  private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body,
      String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {});
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private List<Map<String, Object>> list(String user, String path) {
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private static long id(Map<String, Object> body) {
    return ((Number) body.get("id")).longValue();
  }
}
