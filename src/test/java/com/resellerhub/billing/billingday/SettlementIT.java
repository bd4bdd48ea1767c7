package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.billingday.process.BillingDayTimerSwitch;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.Concurrently;
import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.support.TestMailServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The billing day end to end on the MySQL-compatible database (PAY-4, PAY-5, PAY-6): a camunda-admin moves the clock
 * to the payments' expiry date and runs the day through the API; the {@code billing-day} process settles the chunks on
 * the job executor; the outcome is read through the operator API, the ledger and Camunda's history. Every test works
 * on its own dates (far apart), so one test's run never decides another test's payments.
 */
@IntegrationTest
class SettlementIT {

  private static final AtomicInteger DAYS = new AtomicInteger();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired BalanceService balances;
  @Autowired SettlementService settlement;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired BillingDayTimerSwitch timers;
  @Autowired BillingDayLateNotice lateNotice;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  BillingApi api;
  LocalDate today;

  @BeforeEach
  void ownDay() {
    api = new BillingApi(http, identity);
    defaults();
    // a year ahead, 60 days per test: the billing day also bills the closed postpay periods of every subscription in
    // the shared database, so the dates stay near the present
    today = LocalDate.now().plusYears(1).withDayOfMonth(10).plusDays(60L * DAYS.getAndIncrement());
    clock(today);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
    defaults();
  }

  // --- PAY-4 ---------------------------------------------------------------------------------------------------------

  @Test
  void PAY4_onItsExpiryDateAnActIsPaidFromTheBalance_oneWithoutEnoughIsNotPaidWithItsReason_andTheCreditLimitCounts() {
    Customer rich = account("200.00");
    Customer poor = account("50.00");
    Customer onCredit = account("0");
    balances.record(onCredit.accountId(), Movement.creditLimit(new BigDecimal("100.00"), "it-limit-"
        + UUID.randomUUID(), "TEST", null, "Credit limit for the test", "test"));
    long paid = act(rich, "120.00");
    long notPaid = act(poor, "80.00");
    long paidOnCredit = act(onCredit, "90.00");
    LocalDate expiry = expiresOn(paid);
    assertThat(expiry).isEqualTo(expiresOn(notPaid));

    clock(expiry);
    Map<String, Object> run = runDay(expiry);

    assertThat(payment(paid)).containsEntry("status", "PAID_FROM_BALANCE").containsEntry("completedBy", "system")
        .containsEntry("completedWith", "BALANCE");
    assertThat(history(paid)).last().satisfies(h -> assertThat(h).containsEntry("kind", "STATUS_CHANGED")
        .containsEntry("toStatus", "PAID_FROM_BALANCE").containsEntry("actor", "system"));
    assertThat(balance(rich)).isEqualByComparingTo("80.00");
    assertThat(debitsOf(paid)).isEqualTo(1);

    assertThat(payment(paidOnCredit)).containsEntry("status", "PAID_FROM_BALANCE");
    assertThat(balance(onCredit)).isEqualByComparingTo("-90.00");

    assertThat(payment(notPaid)).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(history(notPaid)).last().satisfies(h -> assertThat(h).containsEntry("kind", "AUTO_DEBIT_SKIPPED")
        .containsEntry("actor", "system")
        .hasEntrySatisfying("detail", d -> assertThat((String) d).contains("INSUFFICIENT_BALANCE")));
    assertThat(balance(poor)).isEqualByComparingTo("50.00");
    assertThat(debitsOf(notPaid)).isZero();

    assertThat(run).containsEntry("status", "FINISHED");
    assertThat(((Number) run.get("paid")).intValue()).isGreaterThanOrEqualTo(2);
    assertThat((Map<String, Object>) skippedByReason(run)).containsKey("INSUFFICIENT_BALANCE");

    // Cockpit: the run's instance carries the figures
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-day")
        .processInstanceBusinessKey("demo:" + expiry).singleResult();
    assertThat(instance.getState()).isEqualTo("COMPLETED");
    assertThat(variable(instance, "skippedByReason")).asString().contains("INSUFFICIENT_BALANCE=");
    assertThat(variable(instance, "paid")).isEqualTo(run.get("paid"));
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-day-chunk")
        .processInstanceBusinessKeyLike("demo:" + expiry + ":chunk:%").count()).isEqualTo(((Number) run.get("chunks"))
        .longValue());

    // PAY-6: the same day again pays nothing twice
    ResponseEntity<Map<String, Object>> again = requestRun(expiry);
    assertThat(again.getStatusCode().value()).isEqualTo(202);
    assertThat((String) again.getBody().get("detail")).contains("has a run already");
    assertThat(debitsOf(paid)).isEqualTo(1);
    assertThat(balance(rich)).isEqualByComparingTo("80.00");

    // PAY-5: the next day the unpaid one is not paid (its expiry passed) and becomes OVERDUE
    clock(expiry.plusDays(1));
    Map<String, Object> nextDay = runDay(expiry.plusDays(1));
    assertThat(payment(notPaid)).containsEntry("status", "OVERDUE");
    assertThat(history(notPaid)).extracting(h -> h.get("kind") + ">" + h.get("toStatus")).containsSubsequence(
        "AUTO_DEBIT_SKIPPED>AWAITING_PAYMENT", "AUTO_DEBIT_SKIPPED>AWAITING_PAYMENT", "STATUS_CHANGED>OVERDUE");
    assertThat(history(notPaid).get(history(notPaid).size() - 2).get("detail").toString())
        .contains("POSTPAY_EXPIRY_PASSED");
    assertThat(((Number) nextDay.get("overdueMarked")).intValue()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void PAY4_resellerFlags_workWithoutBalanceOrExternalInvoicing_stopEveryAutomaticDebit() {
    Customer c = account("500.00");
    long payment = act(c, "100.00");
    LocalDate expiry = expiresOn(payment);
    api.settings(s -> s.put("allowWorkWithoutBalance", true));

    clock(expiry);
    Map<String, Object> run = runDay(expiry);

    assertThat(payment(payment)).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(history(payment)).last().satisfies(h -> assertThat((String) h.get("detail"))
        .contains("RESELLER_ALLOWS_WORK_WITHOUT_BALANCE"));
    assertThat((Map<String, Object>) skippedByReason(run)).containsKey("RESELLER_ALLOWS_WORK_WITHOUT_BALANCE");
    assertThat(balance(c)).isEqualByComparingTo("500.00");
  }

  @Test
  void PAY4_paymentsOfNewOrdersAndTopUpsAreNeverPaidAutomatically_eachWithItsReason() {
    Customer c = account("500.00");
    long plan = api.plan("PREPAY", false);
    ResponseEntity<Map<String, Object>> placed = api.customerOrders(c, plan, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    long orderPayment = latestPaymentId(c);
    ResponseEntity<Map<String, Object>> topUp = api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups",
        Map.of("amount", "25.00"));
    assertThat(topUp.getStatusCode().value()).as("%s", topUp.getBody()).isEqualTo(201);
    long topUpPayment = BillingApi.id(topUp.getBody());
    LocalDate expiry = expiresOn(orderPayment);
    assertThat(expiresOn(topUpPayment)).isEqualTo(expiry);

    clock(expiry);
    runDay(expiry);

    assertThat(payment(orderPayment)).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(history(orderPayment)).last().satisfies(h -> assertThat((String) h.get("detail"))
        .contains("ORDER_NOT_RENEWAL_OR_PROLONGATION"));
    assertThat(history(topUpPayment)).last().satisfies(h -> assertThat((String) h.get("detail"))
        .contains("TOP_UP_NOT_PAYABLE_FROM_BALANCE"));
    assertThat(balance(c)).isEqualByComparingTo("500.00");
  }

  @Test
  void PAY4_anAutoRenewingSubscriptionGetsItsRenewalAheadOfExpiry_andOnTheExpiryDateItIsPaidAndTheSubscriptionRenewed() {
    Customer c = account("200.00");
    long plan = api.plan("PREPAY", false, "30.00");
    ResponseEntity<Map<String, Object>> placed = api.customerOrders(c, plan, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    long orderId = BillingApi.id(placed.getBody());
    long firstPayment = latestPaymentId(c);
    assertThat(api.call("manager", HttpMethod.POST, "/api/operator/payments/" + firstPayment + "/complete",
        Map.of("method", "BALANCE")).getStatusCode().value()).isEqualTo(200);
    long subscription = ((Number) api.operatorOrder(orderId).get("subscriptionId")).longValue();
    LocalDate expires = subscriptionExpiresOn(subscription);
    assertThat(expires).isEqualTo(today.plusMonths(1));

    // three days ahead: the billing day creates the RENEWAL order and its payment, due on the expiry date
    clock(expires.minusDays(3));
    Map<String, Object> ahead = runDay(expires.minusDays(3));
    long renewal = latestPaymentId(c);
    assertThat(renewal).isNotEqualTo(firstPayment);
    Map<String, Object> renewalPayment = payment(renewal);
    assertThat(renewalPayment).containsEntry("type", "ORDER").containsEntry("status", "AWAITING_PAYMENT")
        .containsEntry("expiresOn", expires.toString());
    assertThat(jdbc.queryForObject("select o.type from customer_order o join payment_order po on po.order_id = o.id"
        + " where po.payment_id = ?", String.class, renewal)).isEqualTo("RENEWAL");
    assertThat(balance(c)).isEqualByComparingTo("170.00");

    // on the expiry date it is paid from the balance and the subscription runs another month
    clock(expires);
    runDay(expires);
    assertThat(payment(renewal)).containsEntry("status", "PAID_FROM_BALANCE").containsEntry("completedBy", "system");
    assertThat(balance(c)).isEqualByComparingTo("140.00");
    assertThat(debitsOf(renewal)).isEqualTo(1);
    assertThat(subscriptionExpiresOn(subscription)).isEqualTo(expires.plusMonths(1));
    assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, subscription))
        .isEqualTo("ACTIVE");
    assertThat(ahead).containsEntry("status", "FINISHED");
  }

  @Test
  void PAY5_aRenewalNotPaidByItsExpiryBecomesOverdue_andItsSubscriptionPaymentOverdue() {
    Customer c = account("30.00");
    long plan = api.plan("PREPAY", false, "30.00");
    long orderId = BillingApi.id(api.customerOrders(c, plan, false).getBody());
    assertThat(api.call("manager", HttpMethod.POST, "/api/operator/payments/" + latestPaymentId(c) + "/complete",
        Map.of("method", "BALANCE")).getStatusCode().value()).isEqualTo(200);
    long subscription = ((Number) api.operatorOrder(orderId).get("subscriptionId")).longValue();
    LocalDate expires = subscriptionExpiresOn(subscription);

    clock(expires.minusDays(2));
    runDay(expires.minusDays(2));
    long renewal = latestPaymentId(c);
    clock(expires);
    runDay(expires);
    assertThat(history(renewal)).last().satisfies(h -> assertThat((String) h.get("detail"))
        .contains("INSUFFICIENT_BALANCE"));
    clock(expires.plusDays(1));
    runDay(expires.plusDays(1));
    assertThat(payment(renewal)).containsEntry("status", "OVERDUE");
    assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, subscription))
        .isEqualTo("PAYMENT_OVERDUE");
  }

  // --- SUB-4 ---------------------------------------------------------------------------------------------------------

  /**
   * SUB-4 through the APIs, moving the clock: a promise of 5 days taken on E1 − 5 at noon runs to its last day E1.
   * Subscription 1's renewal charged on E1 (the last day) moves by 5 days to E1 + 5: not paid, not overdue the day
   * after, paid on E1 + 5 and renewed from its own expiry. Subscription 2's renewal charged on E1 + 1 (the day after)
   * is paid on its date. (The first day and every boundary: BillingDayRulesTest.SUB4_….)
   */
  @Test
  void SUB4_aRenewalChargedOnThePromisesLastDayMovesByItsDays_oneChargedTheDayAfterDoesNot() {
    api.settings(s -> s.put("promisedPaymentOnlyWhenBlocked", false));
    // two 60-day slots of its own: the fifth of a month and a month and ten days after it
    LocalDate base = LocalDate.now().plusYears(1).withDayOfMonth(10).plusDays(60L * DAYS.getAndAdd(2));
    LocalDate start = base.plusMonths(1).withDayOfMonth(5);
    clock(start);
    Customer c = account("100.00");
    long plan = api.plan("PREPAY", false, "30.00");
    long sub1 = subscribeAndPay(c, plan);
    clock(start.plusDays(1));
    long sub2 = subscribeAndPay(c, plan);
    LocalDate e1 = subscriptionExpiresOn(sub1);
    assertThat(subscriptionExpiresOn(sub2)).isEqualTo(e1.plusDays(1));
    assertThat(balance(c)).isEqualByComparingTo("40.00");

    // the promise: 100 for 5 days, taken on E1 − 5 at noon, so its last day is E1
    ResponseEntity<Map<String, Object>> offer = api.call("manager", HttpMethod.POST,
        "/api/operator/promised-payment-offers", Map.of("name", BillingApi.unique("SUB-4 offer"), "amount", "100",
            "durationDays", 5, "connectionFee", "0", "commissionPercent", "0", "chargeMethod", "DAILY",
            "customerAvailable", true, "planIds", List.of()));
    assertThat(offer.getStatusCode().value()).as("%s", offer.getBody()).isEqualTo(201);
    setClock(e1.minusDays(5).atTime(12, 0));
    ResponseEntity<Map<String, Object>> granted = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
        + c.accountId() + "/promised-payments", Map.of("offerId", BillingApi.id(offer.getBody())));
    assertThat(granted.getStatusCode().value()).as("%s", granted.getBody()).isEqualTo(201);
    long promise = BillingApi.id(granted.getBody());
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.call("manager", HttpMethod.GET,
        "/api/operator/promised-payments/" + promise, null).getBody()).containsEntry("status", "ACTIVE"));

    clock(e1.minusDays(3));
    runDay(e1.minusDays(3));
    long renewal1 = renewalPaymentOf(sub1);
    long renewal2 = renewalPaymentOf(sub2);
    assertThat(expiresOn(renewal1)).isEqualTo(e1);
    assertThat(expiresOn(renewal2)).isEqualTo(e1.plusDays(1));

    // E1, the promise's last day (it ends at noon): the charge moves by 5 days
    clock(e1);
    Map<String, Object> lastDay = runDay(e1);
    assertThat(skippedByReason(lastDay)).containsEntry("CHARGE_DATE_MOVED_BY_PROMISE", 1);
    assertThat(payment(renewal1)).containsEntry("status", "AWAITING_PAYMENT")
        .containsEntry("dueDate", e1.plusDays(5).toString()).containsEntry("expiresOn", e1.plusDays(5).toString());
    assertThat(history(renewal1)).last().satisfies(h -> assertThat((String) h.get("detail"))
        .contains("moved by 5 days to " + e1.plusDays(5)).contains("promised payment " + promise).contains("SUB-4"));
    assertThat(balance(c)).isEqualByComparingTo("40.00");
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/events", null)
        .getBody().toString()).contains("PAYMENT_CHARGE_DATE_MOVED");

    // E1 + 1, the day after: the promise has ended; subscription 2's charge is taken on its date, renewal 1 waits
    clock(e1.plusDays(1));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.call("manager", HttpMethod.GET,
        "/api/operator/promised-payments/" + promise, null).getBody()).containsEntry("status", "EXPIRED"));
    runDay(e1.plusDays(1));
    assertThat(payment(renewal2)).containsEntry("status", "PAID_FROM_BALANCE")
        .containsEntry("expiresOn", e1.plusDays(1).toString());
    assertThat(payment(renewal1)).as("not overdue: its charge date is E1 + 5").containsEntry("status",
        "AWAITING_PAYMENT");
    assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, sub1))
        .isEqualTo("ACTIVE");
    assertThat(balance(c)).isEqualByComparingTo("10.00");

    // E1 + 5, the moved charge date: paid, and the subscription renewed from its own expiry (E1), not from E1 + 5
    ResponseEntity<Map<String, Object>> topUp = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
        + c.accountId() + "/top-ups", Map.of("amount", "50.00", "method", "BANK_TRANSFER", "comment", "test"));
    assertThat(topUp.getStatusCode().value()).as("%s", topUp.getBody()).isEqualTo(201);
    clock(e1.plusDays(5));
    runDay(e1.plusDays(5));
    assertThat(payment(renewal1)).containsEntry("status", "PAID_FROM_BALANCE");
    assertThat(debitsOf(renewal1)).isEqualTo(1);
    assertThat(subscriptionExpiresOn(sub1)).isEqualTo(e1.plusMonths(1));
    assertThat(balance(c)).isEqualByComparingTo("30.00");
  }

  /** Orders the plan as the customer and pays it from the balance; returns the subscription. */
  private long subscribeAndPay(Customer c, long plan) {
    ResponseEntity<Map<String, Object>> placed = api.customerOrders(c, plan, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    long orderId = BillingApi.id(placed.getBody());
    assertThat(api.call("manager", HttpMethod.POST, "/api/operator/payments/" + latestPaymentId(c) + "/complete",
        Map.of("method", "BALANCE")).getStatusCode().value()).isEqualTo(200);
    return ((Number) api.operatorOrder(orderId).get("subscriptionId")).longValue();
  }

  private long renewalPaymentOf(long subscription) {
    return jdbc.queryForObject("select po.payment_id from payment_order po join customer_order o on o.id = po.order_id"
        + " where o.subscription_id = ? and o.type = 'RENEWAL'", Long.class, subscription);
  }

  private void setClock(java.time.LocalDateTime at) {
    ResponseEntity<Map<String, Object>> r = api.call("admin", HttpMethod.POST, "/api/admin/clock",
        Map.of("set", at.toInstant(ZoneOffset.UTC).toString()));
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
  }

  // --- PAY-6 ---------------------------------------------------------------------------------------------------------

  @Test
  void PAY6_aManagerPayingFromTheBalanceWhileTheChunkSettlesTheSamePayment_debitsItOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      // every round on its own billing date
      clock(today.plusDays(round * 20L));
      long payment = act(account("100.00"), "60.00");
      LocalDate expiry = expiresOn(payment);
      long target = payment;
      clock(expiry);
      SettlementService.PreparedRun run = settlement.prepare(expiry);
      Long chunk = run.chunks().stream().filter(ch -> chunkHolds(ch.chunkId(), accountOf(target))).findFirst()
          .orElseThrow().chunkId();
      List<Object> outcomes = Concurrently.outcomes(List.<java.util.concurrent.Callable<Object>>of(
          () -> settlement.settle(chunk),
          () -> api.call("manager", HttpMethod.POST, "/api/operator/payments/" + target + "/complete",
              Map.of("method", "BALANCE")).getStatusCode().value()));
      assertThat(outcomes).as("round %s", round).noneMatch(o -> o instanceof Throwable);
      assertThat(payment(target)).containsEntry("status", "PAID_FROM_BALANCE");
      assertThat(debitsOf(target)).as("round %s: one debit", round).isEqualTo(1);
      assertThat(balanceOfAccount(accountOf(target))).isEqualByComparingTo("40.00");
    }
  }

  // --- the API and the timer -----------------------------------------------------------------------------------------

  @Test
  void PAY4_aRunIsRequestedByACamundaAdminForTodayOrAPastDay_neverAFutureOne() {
    ResponseEntity<Map<String, Object>> future = api.call("admin", HttpMethod.POST, "/api/admin/billing-day/runs",
        Map.of("businessDate", today.plusDays(1).toString()));
    assertThat(future.getStatusCode().value()).isEqualTo(422);
    assertThat(future.getBody()).containsEntry("field", "businessDate").containsEntry("rule", "billing-day-in-future");

    ResponseEntity<Map<String, Object>> manager = api.call("manager", HttpMethod.POST, "/api/admin/billing-day/runs",
        Map.of("businessDate", today.toString()));
    assertThat(manager.getStatusCode().value()).isEqualTo(403);

    ResponseEntity<Map<String, Object>> malformed = api.call("admin", HttpMethod.POST, "/api/admin/billing-day/runs",
        Map.of("businessDate", "10.01.2045"));
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);

    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/billing-day/runs/" + today.minusYears(50), null)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void PAY4_theDailyTimerIsDeployedAt0200_andPausedWhereDailyTimerIsOff() {
    Job timer = management.createJobQuery().processDefinitionKey("billing-day").activityId("StartEvent_BillingDay")
        .singleResult();
    assertThat(timer).as("one timer job for the whole cluster").isNotNull();
    assertThat(timer.getDuedate().toInstant().atZone(ZoneOffset.UTC).toLocalTime())
        .isEqualTo(java.time.LocalTime.of(2, 0));
    // billing.billing-day.daily-timer=false in the integration tests (see IntegrationTest): the timer is suspended,
    // the rest of the process (requested runs) is not
    assertThat(timer.isSuspended()).isTrue();
    assertThat(management.createJobDefinitionQuery().processDefinitionKey("billing-day").suspended().count())
        .isEqualTo(1);
  }

  // --- OPS-3 ------------------------------------------------------------------------------------------------------

  @Test
  void OPS3_aLateBillingDayMailsOperationsItsFiguresSoFar_andCountsTheNotice() throws Exception {
    Customer rich = account("200.00");
    long paid = act(rich, "120.00");
    LocalDate expiry = expiresOn(paid);
    clock(expiry);
    Map<String, Object> run = runDay(expiry);
    double before = meters.counter("billing.billing.day.late").count();

    lateNotice.notifyLate(((Number) run.get("id")).longValue());

    List<jakarta.mail.internet.MimeMessage> mails = TestMailServer.mailsTo("operations@localhost").stream()
        .filter(m -> {
          try {
            return m.getSubject().equals("Billing day " + expiry + " is late");
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).toList();
    assertThat(mails).hasSize(1);
    String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get(0));
    assertThat(text).contains("Chunks settled: ").contains("paid: ").contains("/api/operator/billing-day/runs/"
        + expiry);
    assertThat(meters.counter("billing.billing.day.late").count()).isEqualTo(before + 1);
  }

  // --- the rename from auto-debit ------------------------------------------------------------------------------------

  @Test
  void PAY4_anAutoDebitInstanceFromBeforeTheRename_finishesOnItsOldDefinition_itsDailyTimerIsSuspended_andTheOldPathsAnswerDeprecated() {
    org.camunda.bpm.engine.repository.Deployment legacy = repository.createDeployment().name("before the rename")
        .addClasspathResource("legacy/auto-debit.bpmn").addClasspathResource("legacy/auto-debit-chunk.bpmn").deploy();
    try {
      timers.deployed(null);
      assertThat(management.createJobDefinitionQuery().processDefinitionKey("auto-debit")
          .activityIdIn("StartEvent_BillingDay").list()).as("only billing-day starts new days").isNotEmpty()
          .allSatisfy(timer -> assertThat(timer.isSuspended()).isTrue());
      assertThat(management.createJobQuery().processDefinitionKey("auto-debit").timers().active().count()).isZero();

      Customer rich = account("200.00");
      long paid = act(rich, "120.00");
      LocalDate expiry = expiresOn(paid);
      clock(expiry);
      runtime.createMessageCorrelation("AutoDebitRequested").setVariable("businessDate", expiry.toString())
          .correlateStartMessage();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
          history.createHistoricProcessInstanceQuery().processDefinitionKey("auto-debit").finished().count() == 1);

      assertThat(payment(paid)).containsEntry("status", "PAID_FROM_BALANCE");
      assertThat(debitsOf(paid)).isEqualTo(1);
      ResponseEntity<Map<String, Object>> old = api.call("manager", HttpMethod.GET,
          "/api/operator/auto-debit/runs/" + expiry, null);
      assertThat(old.getStatusCode().value()).isEqualTo(200);
      assertThat(old.getHeaders().getFirst("Deprecation")).isEqualTo("true");
      assertThat(old.getHeaders().getFirst("Link")).contains("/api/operator/billing-day/runs/" + expiry);
      assertThat(old.getBody()).isEqualTo(api.call("manager", HttpMethod.GET, "/api/operator/billing-day/runs/"
          + expiry, null).getBody());
      assertThat(api.call("admin", HttpMethod.POST, "/api/admin/auto-debit/runs",
          Map.of("businessDate", expiry.toString())).getHeaders().getFirst("Deprecation")).isEqualTo("true");
    } finally {
      repository.deleteDeployment(legacy.getId(), true);
    }
  }

  // --- helpers -------------------------------------------------------------------------------------------------------

  private void defaults() {
    api.settings(s -> {
      s.put("postpayApproval", "AUTOMATIC");
      s.put("postpayApprovalAppliesTo", "COMMERCIAL");
      s.put("invoicesByExternalSystem", false);
      s.put("allowWorkWithoutBalance", false);
    });
  }

  private void clock(LocalDate day) {
    ResponseEntity<Map<String, Object>> r = api.call("admin", HttpMethod.POST, "/api/admin/clock",
        Map.of("set", day.atTime(3, 0).toInstant(ZoneOffset.UTC).toString()));
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
  }

  private Customer account(String balance) {
    Customer c = api.account("APPROVED");
    if (new BigDecimal(balance).signum() > 0) {
      ResponseEntity<Map<String, Object>> r = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
          + c.accountId() + "/top-ups", Map.of("amount", balance, "method", "BANK_TRANSFER", "comment", "test"));
      assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    }
    return c;
  }

  /** A postpay act of the month before the clock's date; returns its payment's id. */
  private long act(Customer c, String amount) {
    LocalDate now = LocalDate.parse(String.valueOf(api.call("admin", HttpMethod.GET, "/api/admin/clock", null)
        .getBody().get("now")).substring(0, 10));
    LocalDate start = now.minusMonths(1).withDayOfMonth(1);
    ResponseEntity<Map<String, Object>> act = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
        + c.accountId() + "/acts", Map.of("periodStart", start.toString(), "periodEnd",
        start.plusMonths(1).minusDays(1).toString(), "amount", amount));
    assertThat(act.getStatusCode().value()).as("%s", act.getBody()).isEqualTo(201);
    return latestPaymentId(c);
  }

  @SuppressWarnings("unchecked")
  private long latestPaymentId(Customer c) {
    Map<String, Object> page = api.call("manager", HttpMethod.GET, "/api/operator/payments?accountId="
        + c.accountId(), null).getBody();
    return BillingApi.id(((List<Map<String, Object>>) page.get("content")).get(0));
  }

  private Map<String, Object> payment(long id) {
    ResponseEntity<Map<String, Object>> r = api.call("manager", HttpMethod.GET, "/api/operator/payments/" + id, null);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> history(long payment) {
    return (List<Map<String, Object>>) payment(payment).get("history");
  }

  private LocalDate expiresOn(long payment) {
    return LocalDate.parse((String) payment(payment).get("expiresOn"));
  }

  private long accountOf(long payment) {
    return ((Number) payment(payment).get("accountId")).longValue();
  }

  private BigDecimal balance(Customer c) {
    return balanceOfAccount(c.accountId());
  }

  private BigDecimal balanceOfAccount(long accountId) {
    Map<String, Object> b = api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId + "/balance",
        null).getBody();
    return new BigDecimal(String.valueOf(b.get("balance")));
  }

  private LocalDate subscriptionExpiresOn(long subscription) {
    return jdbc.queryForObject("select expires_on from subscription where id = ?", LocalDate.class, subscription);
  }

  private int debitsOf(long payment) {
    return jdbc.queryForObject("select count(*) from ledger_entry where idempotency_key = ?", Integer.class,
        "payment:" + payment);
  }

  private boolean chunkHolds(Long chunkId, long accountId) {
    return jdbc.queryForObject("select count(*) from billing_day_chunk where id = ? and after_account_id < ?"
        + " and last_account_id >= ?", Integer.class, chunkId, accountId, accountId) == 1;
  }

  private ResponseEntity<Map<String, Object>> requestRun(LocalDate day) {
    return api.call("admin", HttpMethod.POST, "/api/admin/billing-day/runs", Map.of("businessDate", day.toString()));
  }

  /** Runs the day through the API and waits for the run to finish; returns the run's figures. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> runDay(LocalDate day) {
    ResponseEntity<Map<String, Object>> requested = requestRun(day);
    assertThat(requested.getStatusCode().value()).as("%s", requested.getBody()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      ResponseEntity<Map<String, Object>> r = api.call("manager", HttpMethod.GET, "/api/operator/billing-day/runs/"
          + day, null);
      assertThat(r.getStatusCode().value()).isEqualTo(200);
      assertThat((Map<String, Object>) r.getBody().get("run")).containsEntry("status", "FINISHED");
    });
    return (Map<String, Object>) api.call("manager", HttpMethod.GET, "/api/operator/billing-day/runs/" + day, null)
        .getBody().get("run");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> skippedByReason(Map<String, Object> run) {
    return (Map<String, Object>) run.get("skippedByReason");
  }

  private Object variable(HistoricProcessInstance instance, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
        .singleResult().getValue();
  }
}
