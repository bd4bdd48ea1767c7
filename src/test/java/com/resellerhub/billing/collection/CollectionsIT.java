package com.resellerhub.billing.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.Concurrently;
import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.support.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collections end to end on the MySQL-compatible database (SUB-1, SUB-3, COL-1..3), moving the application's clock
 * and letting the job executor fire the collection's timers: a renewal left unpaid goes PAYMENT_OVERDUE, SUSPENDED
 * and TERMINATED on the stated days with its four reminders mailed once each (GreenMail); paying on the day before
 * termination resumes it; a review appears over the threshold and each decision has its effect; a top-up stops the
 * rest; two nodes' calls of one reminder send one mail. Each test works on its own dates, years ahead.
 */
@IntegrationTest
class CollectionsIT {

  private static final AtomicInteger DAYS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired EngineClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired CollectionService collections;

  BillingApi api;
  CollectionScenario scenario;
  LocalDate base;

  @BeforeEach
  void setUp() {
    api = new BillingApi(http, identity);
    scenario = new CollectionScenario(api, clock, jdbc);
    api.mode("AUTOMATIC", "COMMERCIAL");
    reseller(5, "1000");
    base = LocalDate.now().plusYears(3).withDayOfMonth(1).plusMonths(3L * DAYS.getAndIncrement());
    at(base, LocalTime.of(6, 0));
    scenario.plan = plan(2);
  }

  @AfterEach
  void realTime() {
    clock.reset();
    reseller(30, "500");
  }

  // --- SUB-3, COL-1 ------------------------------------------------------------------------------------------------

  @Test
  void SUB3_COL1_aTermEndingUnpaid_goesOverdueSuspendedTerminated_onTheStatedDays_withFourRemindersMailedOnce() {
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);

    // E-3: the billing day starts the collection (the balance does not cover the payment); at 09:00 the first mail
    runBillingDay(e.minusDays(3));
    assertThat(collection(c, payment)).containsEntry("status", "OPEN");
    @SuppressWarnings("unchecked")
    Map<String, Object> days = (Map<String, Object>) collection(c, payment).get("days");
    assertThat(days).containsEntry("remindBeforeExpiryOn", e.minusDays(3).toString())
        .containsEntry("overdueOn", e.plusDays(1).toString()).containsEntry("suspendOn", e.plusDays(3).toString())
        .containsEntry("terminateOn", e.plusDays(8).toString())
        .containsEntry("remindBeforeTerminationOn", e.plusDays(5).toString());
    at(e.minusDays(3), LocalTime.of(9, 1));
    awaitReminders(c, payment, "BEFORE_EXPIRY");

    // E+1: OVERDUE and PAYMENT_OVERDUE; at 09:00 the overdue mail and, the grace being 2 days, the one before
    // suspension
    createAndMarkOverdue(e.plusDays(1));
    assertThat(status(sub.id())).isEqualTo("PAYMENT_OVERDUE");
    at(e.plusDays(1), LocalTime.of(9, 1));
    awaitReminders(c, payment, "BEFORE_EXPIRY", "OVERDUE", "BEFORE_SUSPENSION");
    at(e.plusDays(2), LocalTime.of(9, 1));
    pause();
    assertThat(status(sub.id())).as("within the grace").isEqualTo("PAYMENT_OVERDUE");

    // E+3: suspended; E+5 the mail before termination; E+8 terminated
    at(e.plusDays(3), LocalTime.of(9, 1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(sub.id())).isEqualTo("SUSPENDED"));
    at(e.plusDays(5), LocalTime.of(9, 1));
    awaitReminders(c, payment, "BEFORE_EXPIRY", "OVERDUE", "BEFORE_SUSPENSION", "BEFORE_TERMINATION");
    at(e.plusDays(7), LocalTime.of(9, 1));
    pause();
    assertThat(status(sub.id())).isEqualTo("SUSPENDED");
    at(e.plusDays(8), LocalTime.of(9, 1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(sub.id())).isEqualTo("TERMINATED"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(collection(c, payment)).containsEntry("status",
        "TERMINATED"));

    // each mail once, to the owner
    String recipient = (String) reminders(c, payment).get(0).get("recipient");
    for (String subject : List.of("Payment " + payment + " is due", "Payment " + payment + " is overdue",
        "will be suspended on " + e.plusDays(3), "will be terminated on " + e.plusDays(8))) {
      assertThat(mails(recipient, subject)).as(subject).hasSize(1);
    }
    List<String> history = historyKinds(c, sub.id());
    assertThat(history).containsSubsequence("PAYMENT_OVERDUE", "SUSPENDED", "TERMINATED");
    assertThat(eventTypes(c)).contains("COLLECTION_STARTED", "COLLECTION_REMINDER_SENT",
        "SUBSCRIPTION_PAYMENT_OVERDUE", "SUBSCRIPTION_CHANGED");
    assertThat(payment(payment)).as("the unpaid renewal is cancelled with the subscription").containsEntry("status",
        "CANCELLED");
  }

  @Test
  void SUB3_payingOnTheDayBeforeTermination_resumesTheSubscription_andEndsTheCollection() {
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    createAndMarkOverdue(e.plusDays(1));
    startCollections();
    at(e.plusDays(3), LocalTime.of(9, 1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(sub.id())).isEqualTo("SUSPENDED"));

    at(e.plusDays(7), LocalTime.of(12, 0));
    ResponseEntity<Map<String, Object>> paid = api.call("manager", HttpMethod.POST, "/api/operator/payments/"
        + payment + "/complete", Map.of("method", "CASH"));
    assertThat(paid.getStatusCode().value()).as("%s", paid.getBody()).isEqualTo(200);
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(sub.id())).isEqualTo("ACTIVE"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(collection(c, payment)).containsEntry("status", "SETTLED"));
    assertThat(historyKinds(c, sub.id())).containsSubsequence("SUSPENDED", "RENEWED", "RESUMED");

    at(e.plusDays(9), LocalTime.of(9, 1));
    pause();
    assertThat(status(sub.id())).as("no termination after paying").isEqualTo("ACTIVE");
  }

  @Test
  void SUB3_anActPaymentLeftUnpaid_suspendsThePostpaidSubscriptionsItBills_andPayingResumesThem() {
    long postpaid = postpaidPlan();
    Customer c = api.account("APPROVED");
    ResponseEntity<Map<String, Object>> placed = api.customerOrders(c, postpaid, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    long subscription = ((Number) api.operatorOrder(BillingApi.id(placed.getBody())).get("subscriptionId"))
        .longValue();
    LocalDate termEnd = jdbc.queryForObject("SELECT expires_on FROM subscription WHERE id = ?", LocalDate.class,
        subscription);
    at(termEnd, LocalTime.of(6, 0));
    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/billing-day", null).getStatusCode().value())
        .isEqualTo(200);
    long payment = jdbc.queryForObject("SELECT p.id FROM payment p JOIN postpay_act_line l ON l.act_id = p.act_id"
        + " WHERE l.subscription_id = ?", Long.class, subscription);
    LocalDate e = jdbc.queryForObject("SELECT expires_on FROM payment WHERE id = ?", LocalDate.class, payment);
    LocalDate started = e.minusDays(3).isAfter(termEnd) ? e.minusDays(3) : termEnd;
    at(started, LocalTime.of(6, 0));
    startCollections();
    @SuppressWarnings("unchecked")
    Map<String, Object> days = (Map<String, Object>) collection(c, payment).get("days");
    LocalDate suspendOn = e.plusDays(1).isAfter(started.plusDays(2)) ? e.plusDays(1) : started.plusDays(2);
    assertThat(days).as("no grace on a postpaid plan; 2 days' warning at least")
        .containsEntry("suspendOn", suspendOn.toString());

    createAndMarkOverdue(e.plusDays(1));
    at(suspendOn, LocalTime.of(9, 1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(subscription)).isEqualTo("SUSPENDED"));

    at(e.plusDays(2), LocalTime.of(10, 0));
    assertThat(api.call("manager", HttpMethod.POST, "/api/operator/payments/" + payment + "/complete",
        Map.of("method", "CASH")).getStatusCode().value()).isEqualTo(200);
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(subscription)).isEqualTo("ACTIVE"));
    assertThat(historyKinds(c, subscription)).containsSubsequence("SUSPENDED", "RESUMED");
  }

  private long postpaidPlan() {
    return scenario.plan("POSTPAY", "29.00", null);
  }


  // --- COL-3 ---------------------------------------------------------------------------------------------------------

  @Test
  void COL3_aTopUpDuringTheWaitForSuspension_paysTheOverduePayment_andStopsTheRest() {
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    createAndMarkOverdue(e.plusDays(1));
    startCollections();
    at(e.plusDays(1), LocalTime.of(9, 1));
    awaitReminders(c, payment, "OVERDUE", "BEFORE_SUSPENSION");

    at(e.plusDays(2), LocalTime.of(10, 0));
    ResponseEntity<Map<String, Object>> topUp = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
        + c.accountId() + "/top-ups", Map.of("amount", "100.00", "method", "BANK_TRANSFER", "comment", "COL-3"));
    assertThat(topUp.getStatusCode().value()).as("%s", topUp.getBody()).isEqualTo(201);
    await().atMost(WAIT).untilAsserted(() -> assertThat(payment(payment)).containsEntry("status",
        "PAID_FROM_BALANCE"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(collection(c, payment)).containsEntry("status", "SETTLED"));
    assertThat(status(sub.id())).isEqualTo("ACTIVE");
    assertThat(new BigDecimal(String.valueOf(api.call("manager", HttpMethod.GET, "/api/operator/accounts/"
        + c.accountId() + "/balance", null).getBody().get("balance")))).isEqualByComparingTo("51.00");

    at(e.plusDays(10), LocalTime.of(9, 1));
    pause();
    assertThat(reminderKinds(c, payment)).as("no reminder after the payment").containsExactly("OVERDUE",
        "BEFORE_SUSPENSION");
    assertThat(status(sub.id())).isEqualTo("ACTIVE");
  }

  // --- COL-2 ---------------------------------------------------------------------------------------------------------

  @Test
  void COL2_aReviewAppearsOverTheThreshold_inItsOwnFilter_andExtendingTheGraceMovesTheSuspension() {
    reseller(5, "10");
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    assertThat(tasks.getVariable(review.getId(), "overdueTotal")).isEqualTo("49.00 EUR");
    assertThat((String) tasks.getVariable(review.getId(), "subscriptions")).contains("Subscription " + sub.id());

    complete(review, Map.of("decision", Map.of("value", "EXTEND_GRACE"), "graceDays", Map.of("value", 4,
        "type", "Integer")));
    await().atMost(WAIT).untilAsserted(() -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> days = (Map<String, Object>) collection(c, payment).get("days");
      assertThat(days).containsEntry("suspendOn", e.plusDays(7).toString());
    });
    at(e.plusDays(3), LocalTime.of(9, 1));
    pause();
    assertThat(status(sub.id())).as("the grace was extended by 4 days").isEqualTo("PAYMENT_OVERDUE");
    at(e.plusDays(7), LocalTime.of(9, 1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(sub.id())).isEqualTo("SUSPENDED"));
    assertThat(eventDetails(c)).anySatisfy(d -> assertThat(d).contains("extended by 4 days by manager"));
  }

  @Test
  void COL2_grantingAPromiseInTheReview_paysTheOverduePaymentOnCredit_andEndsTheCollection() {
    reseller(5, "10");
    long offer = offer();
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    assertThat((String) tasks.getVariable(review.getId(), "promiseOffers")).contains("Offer " + offer);

    complete(review, Map.of("decision", Map.of("value", "GRANT_PROMISE"), "offerId", Map.of("value", offer,
        "type", "Long")));
    await().atMost(WAIT).untilAsserted(() -> assertThat(payment(payment)).containsEntry("status",
        "PAID_FROM_BALANCE"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(collection(c, payment)).containsEntry("status", "SETTLED"));
    assertThat(status(sub.id())).isEqualTo("ACTIVE");
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/promised-payments",
        null).getBody().toString()).contains("OPERATOR_API");
  }

  @Test
  void COL2_aPromiseThePromiseRulesRefuse_bringsTheReviewBackWithTheReason() {
    reseller(5, "10");
    long otherPlansOffer = scenario.offer(plan(0));
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    complete(review, Map.of("decision", Map.of("value", "GRANT_PROMISE"), "offerId", Map.of("value",
        otherPlansOffer, "type", "Long")));
    await().atMost(WAIT).untilAsserted(() -> {
      Task again = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(payment)).singleResult();
      assertThat(again).isNotNull();
      assertThat((String) tasks.getVariable(again.getId(), "promiseRefusal")).contains("limited to other plans");
    });
    assertThat(payment(payment)).containsEntry("status", "OVERDUE");
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/promised-payments",
        null).getBody().toString()).doesNotContain("OPERATOR_API");
  }

  @Test
  void COL2_aReviewStillOpenAtTermination_endsWithTheCollection_onThisDatabase() {
    reseller(5, "10");
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    at(e.plusDays(8), LocalTime.of(9, 1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(collection(c, payment)).containsEntry("status",
        "TERMINATED"));
    await().atMost(WAIT).until(() -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
    assertThat(status(sub.id())).isEqualTo("TERMINATED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ?", Integer.class,
        String.valueOf(payment))).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Integer.class)).isZero();
  }

  @Test
  void COL3_aTopUpWhileAReviewIsOpen_endsTheReviewWithTheCollection_onThisDatabase() {
    reseller(5, "10");
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    assertThat(api.call("manager", HttpMethod.POST, "/api/operator/accounts/" + c.accountId() + "/top-ups",
        Map.of("amount", "49.00", "method", "BANK_TRANSFER", "comment", "COL-3")).getStatusCode().value())
        .isEqualTo(201);
    await().atMost(WAIT).untilAsserted(() -> assertThat(collection(c, payment)).containsEntry("status", "SETTLED")
        .containsEntry("reviewOpen", false));
    await().atMost(WAIT).until(() -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
    assertThat(status(sub.id())).isEqualTo("ACTIVE");
  }

  @Test
  void COL2_lettingItRunKeepsTheDays_andTheDecisionIsLogged() {
    reseller(5, "10");
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    complete(review, Map.of("decision", Map.of("value", "LET_IT_RUN")));
    await().atMost(WAIT).untilAsserted(() -> assertThat(collection(c, payment)).containsEntry("reviewOpen", false));
    at(e.plusDays(3), LocalTime.of(9, 1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(status(sub.id())).isEqualTo("SUSPENDED"));
    assertThat(jdbc.queryForList("SELECT detail FROM account_event WHERE account_id = ? AND type = ?", String.class,
        c.accountId(), "COLLECTION_REVIEWED")).anySatisfy(d -> assertThat(d).contains("let it run its course"));
  }

  @Test
  void COL2_aManagerMayNotSendFactsWithTheDecision_SEC6() {
    reseller(5, "10");
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    ResponseEntity<String> forged = api.raw("manager", "/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "LET_IT_RUN"), "paymentId", Map.of("value", 1,
            "type", "Long"))), null);
    assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(400);
    assertThat(forged.getBody()).contains("paymentId");
    ResponseEntity<String> analyst = api.raw("analyst", "/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "LET_IT_RUN"))), null);
    assertThat(analyst.getStatusCode().value()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  @Test
  void COL2_tasklistSendsTheFactsBackWithTheDecision_andTheyAreAccepted() {
    reseller(5, "10");
    long offer = offer();
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    Task review = overdueWithReview(c, payment, e);
    Map<String, Object> all = new LinkedHashMap<>(api.call("manager", HttpMethod.GET, "/engine-rest/task/"
        + review.getId() + "/form-variables", null).getBody());
    all.keySet().retainAll(List.of("reviewReason", "accountName", "ownerName", "overdueTotal", "balance", "suspendOn",
        "terminateOn", "openPayments", "subscriptions", "promiseHistory", "promiseOffers"));
    all.put("decision", Map.of("value", "GRANT_PROMISE", "type", "String"));
    all.put("offerId", Map.of("value", offer, "type", "Long"));
    ResponseEntity<String> done = api.raw("manager", "/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", all), null);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }

  // --- COL-1 exactly once ----------------------------------------------------------------------------------------

  @Test
  void COL1_twoNodesRemindingAtOnce_sendOneMail() throws Exception {
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = renewalPayment(c, sub, e);
    createAndMarkOverdue(e.plusDays(1));
    startCollections();
    List<Callable<Boolean>> twoNodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      twoNodes.add(() -> {
        try {
          return collections.remind(payment, ReminderKind.OVERDUE);
        } catch (RuntimeException lostTheRace) {
          return false;
        }
      });
    }
    List<Boolean> sent = Concurrently.runAtOnce(twoNodes);
    assertThat(sent).containsOnlyOnce(true);
    at(e.plusDays(1), LocalTime.of(9, 1));
    pause();
    String recipient = (String) reminders(c, payment).get(0).get("recipient");
    assertThat(reminderKinds(c, payment)).containsOnlyOnce("OVERDUE");
    await().atMost(WAIT).untilAsserted(() -> assertThat(mails(recipient, "Payment " + payment + " is overdue"))
        .hasSize(1));
  }

  // --- SUB-1 ---------------------------------------------------------------------------------------------------------

  @Test
  void SUB1_aSubscriptionShowsItsOpenPayment() {
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = paidSubscription(c);
    long payment = renewalPayment(c, sub, sub.expiresOn());
    Map<String, Object> view = api.call(c.userId(), HttpMethod.GET, "/api/customer/subscriptions/" + sub.id(), null)
        .getBody();
    @SuppressWarnings("unchecked")
    Map<String, Object> open = (Map<String, Object>) ((Map<String, Object>) view.get("subscription"))
        .get("openPayment");
    assertThat(open).containsEntry("id", (int) payment).containsEntry("status", "AWAITING_PAYMENT")
        .containsEntry("expiresOn", sub.expiresOn().toString());
  }

  // --- helpers -------------------------------------------------------------------------------------------------------


  private void reseller(int suspendedDays, String threshold) {
    scenario.reseller(suspendedDays, threshold);
  }

  private long plan(int graceDays) {
    return scenario.plan(graceDays);
  }

  private long offer() {
    return scenario.offer();
  }

  private void at(LocalDate day, LocalTime time) {
    scenario.at(day, time);
  }

  private CollectionScenario.Sub paidSubscription(Customer c) {
    return scenario.paidSubscription(c);
  }

  private long renewalPayment(Customer c, CollectionScenario.Sub sub, LocalDate e) {
    return scenario.renewalPayment(c, sub, e);
  }

  /** The billing day of {@code day} through the process (due payments, debits, overdue), then its collections. */
  private void runBillingDay(LocalDate day) {
    at(day, LocalTime.of(3, 0));
    ResponseEntity<Map<String, Object>> requested = api.call("admin", HttpMethod.POST, "/api/admin/billing-day/runs",
        Map.of("businessDate", day.toString()));
    assertThat(requested.getStatusCode().value()).as("%s", requested.getBody()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> run = (Map<String, Object>) api.call("manager", HttpMethod.GET,
          "/api/operator/billing-day/runs/" + day, null).getBody().get("run");
      assertThat(run).containsEntry("status", "FINISHED");
    });
    await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM collection WHERE started_at >= ?",
        Long.class, java.sql.Timestamp.valueOf(day.atTime(3, 0))) > 0);
  }

  private void createAndMarkOverdue(LocalDate day) {
    scenario.createAndMarkOverdue(day);
  }

  private void startCollections() {
    scenario.startCollections();
  }

  private Task overdueWithReview(Customer c, long payment, LocalDate e) {
    createAndMarkOverdue(e.plusDays(1));
    startCollections();
    at(e.plusDays(1), LocalTime.of(9, 1));
    await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(payment))
        .taskDefinitionKey("Task_ReviewOverdueAccount").count() == 1);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(payment)).singleResult();
    assertThat(review.getName()).isEqualTo("Review overdue account");
    List<Map<String, Object>> filters = api.list("manager", "/engine-rest/filter?resourceType=Task").getBody();
    Object filterId = filters.stream().filter(f -> "Overdue accounts".equals(f.get("name"))).findFirst()
        .orElseThrow().get("id");
    ResponseEntity<List<Map<String, Object>>> listed = api.list("manager", "/engine-rest/filter/" + filterId
        + "/list");
    assertThat(listed.getBody()).extracting(t -> t.get("id")).contains(review.getId());
    assertThat(api.call("manager", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
        Map.of("userId", "manager")).getStatusCode().value()).isEqualTo(204);
    return review;
  }

  private void complete(Task review, Map<String, Object> variables) {
    ResponseEntity<String> done = api.raw("manager", "/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", variables), null);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }

  /** Lets the job executor work on whatever is due now (nothing to wait for: checks that nothing happened). */
  private static void pause() {
    try {
      Thread.sleep(4000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReminders(Customer c, long payment, String... kinds) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(reminderKinds(c, payment)).containsExactly(kinds));
  }

  private Map<String, Object> collection(Customer c, long payment) {
    ResponseEntity<Map<String, Object>> r = api.call("manager", HttpMethod.GET, "/api/operator/collections/"
        + payment, null);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> reminders(Customer c, long payment) {
    return (List<Map<String, Object>>) collection(c, payment).get("reminders");
  }

  private List<String> reminderKinds(Customer c, long payment) {
    return reminders(c, payment).stream().map(r -> (String) r.get("kind")).toList();
  }

  private String status(long subscriptionId) {
    return scenario.status(subscriptionId);
  }

  private Map<String, Object> payment(long id) {
    return api.call("manager", HttpMethod.GET, "/api/operator/payments/" + id, null).getBody();
  }

  @SuppressWarnings("unchecked")
  private List<String> historyKinds(Customer c, long subscriptionId) {
    List<Map<String, Object>> history = (List<Map<String, Object>>) api.call("manager", HttpMethod.GET,
        "/api/operator/subscriptions/" + subscriptionId, null).getBody().get("history");
    return history.stream().map(h -> (String) h.get("kind")).toList();
  }

  private List<String> eventTypes(Customer c) {
    return jdbc.queryForList("SELECT type FROM account_event WHERE account_id = ?", String.class, c.accountId());
  }

  private List<String> eventDetails(Customer c) {
    return jdbc.queryForList("SELECT detail FROM account_event WHERE account_id = ?", String.class, c.accountId());
  }

  private static List<MimeMessage> mails(String recipient, String subjectPart) {
    return TestMailServer.mailsReceivedBy(recipient).stream().filter(m -> {
      try {
        return m.getSubject().contains(subjectPart);
      } catch (MessagingException e) {
        return false;
      }
    }).toList();
  }
}
