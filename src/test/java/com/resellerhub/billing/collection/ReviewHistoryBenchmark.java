package com.resellerhub.billing.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.HistoryFootprint;
import com.resellerhub.billing.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history one review leaves behind (issue 16, "rows and bytes of history ... per review"): not part of
 * {@code verify} (its name does not end in IT); run it with {@code scripts/benchmark-reviews.sh [N]} (default N = 10).
 * On the integration tests' throwaway MySQL-compatible database, through the public APIs as the ITs do, it measures
 * the two kinds of review:
 * <ol>
 *   <li><b>a collection with its reviews</b> ({@code collections}, COL-2): N customers whose renewals of 49.00 go
 *       overdue on the same day, above the reseller's review threshold of 10.00; their collections start together
 *       (E+1), a manager claims each "Review overdue account" and lets it run (LET_IT_RUN), the clock moves to the
 *       suspension (E+3), to the review the process asks for before the termination (E+5, again LET_IT_RUN), and to
 *       the termination (E+8), which ends each instance: the whole instance's history from its start to its end,
 *       divided by N;</li>
 *   <li><b>a postpay review</b> ({@code postpay-approval}, PP-3, PP-4): N NOT_VERIFIED accounts each order a
 *       postpaid plan, a manager claims and approves each "Review postpay permission" (Camunda's REST API, as
 *       Tasklist), and the instance ends once the order is provisioned: from before the order to the instance's end,
 *       divided by N.</li>
 * </ol>
 * The rows counted are those of the benchmark's own instances only (matched by their business keys, then by
 * {@code ROOT_PROC_INST_ID_}, {@link HistoryFootprint#of}): moving the clock years ahead also fires the demo data's
 * timers (the demo postpay review's escalation, a collection of the demo customer's payment) and the engine's
 * history cleanup job, whose rows the table totals include; the benchmark prints what they wrote apart (during the
 * postpay reviews, at the real time, nothing: there the totals equal the own rows). The bytes are the rows times each
 * table's average row length after {@code ANALYZE TABLE} (an InnoDB estimate, rough on tables this small). It checks
 * what it relies on: every review completed by the manager, every instance ended through the expected end event, no
 * incident, the collections TERMINATED with their subscriptions and both decisions logged, the postpaid orders
 * PROVISIONED with their accounts APPROVED; a failed check fails the benchmark (the script exits non-zero). The
 * engine's clock is the JVM's: it is reset at the end, the reseller's settings and the approval mode restored.
 */
@IntegrationTest
class ReviewHistoryBenchmark {

  private static final String COLLECTION_REVIEW = "Task_ReviewOverdueAccount";
  private static final String POSTPAY_REVIEW = "Task_ReviewPostpayPermission";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired EngineClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;

  BillingApi api;
  CollectionScenario scenario;
  Duration wait;

  /** One kind's figures: its history per unit, what others wrote meanwhile, the engine phase's wall time. */
  record Measured(String history, String others, double seconds) {}

  @Test
  void historyPerReview() {
    int n = Integer.getInteger("benchmark.reviews", 10);
    api = new BillingApi(http, identity);
    scenario = new CollectionScenario(api, clock, jdbc);
    wait = Duration.ofSeconds(120 + 2L * n);
    Measured collections;
    Measured postpay;
    try {
      collections = collectionsWithTheirReviews(n);
    } finally {
      clock.reset();
      scenario.reseller(30, "500");
    }
    // at the real time again: nothing of the collections is due any more
    try {
      postpay = postpayReviews(n);
    } finally {
      api.mode("AUTOMATIC", "COMMERCIAL");
    }
    System.out.println(String.format(Locale.ROOT, """
        BENCHMARK history per review
        BENCHMARK database:            %s
        BENCHMARK reviews (N):         %d of each kind, measured together, divided by N
        BENCHMARK collection:          overdue renewal of 49.00 over the threshold 10.00, started on E+1, suspended E+3, terminated E+8; 2 reviews, both LET_IT_RUN (over the threshold E+1, before termination E+5); %.1f s for N
        BENCHMARK history per collection with its reviews: %s
        BENCHMARK postpay review:      a NOT_VERIFIED account's first postpaid order, claimed and approved by a manager, order to instance end; %.1f s for N
        BENCHMARK history per postpay review:  %s
        BENCHMARK not counted, others' history during the collections: %s
        BENCHMARK not counted, others' history during the postpay reviews: %s
        """, jdbc.queryForObject("select version()", String.class), n, collections.seconds(),
        collections.history(), postpay.seconds(), postpay.history(), collections.others(), postpay.others()));
  }

  /** N collections with their two reviews each, from their start to their end (E+1 to E+8), years ahead. */
  private Measured collectionsWithTheirReviews(int n) {
    api.mode("AUTOMATIC", "COMMERCIAL");
    scenario.reseller(5, "10");
    LocalDate base = LocalDate.now().plusYears(4).withDayOfMonth(1);
    scenario.at(base, LocalTime.of(6, 0));
    scenario.plan = scenario.plan(2);
    List<Customer> customers = new ArrayList<>();
    List<CollectionScenario.Sub> subs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Customer c = api.account("APPROVED");
      customers.add(c);
      subs.add(scenario.paidSubscription(c));
    }
    LocalDate e = subs.get(0).expiresOn();
    assertThat(subs).as("every subscription expires on one day").allSatisfy(s ->
        assertThat(s.expiresOn()).isEqualTo(e));
    scenario.dueRenewals(e);
    List<String> payments = subs.stream().map(s -> String.valueOf(scenario.renewalPaymentOf(s))).toList();
    List<Long> subscriptions = subs.stream().map(CollectionScenario.Sub::id).toList();
    List<Long> accounts = customers.stream().map(Customer::accountId).toList();
    scenario.createAndMarkOverdue(e.plusDays(1));

    HistoryFootprint before = HistoryFootprint.take(jdbc);
    Instant since = clock.instant();
    long start = System.nanoTime();
    scenario.startCollections();
    scenario.at(e.plusDays(1), LocalTime.of(9, 1));
    letReviewsRun(payments);
    scenario.at(e.plusDays(3), LocalTime.of(9, 1));
    await().atMost(wait).pollInterval(Duration.ofMillis(250)).until(() -> count("SELECT COUNT(*) FROM subscription"
        + " WHERE status = 'SUSPENDED' AND id IN (:in)", subscriptions) == n);
    scenario.at(e.plusDays(5), LocalTime.of(9, 1));
    letReviewsRun(payments);
    scenario.at(e.plusDays(8), LocalTime.of(9, 1));
    Ended end = ended("collections", payments, start, "EndEvent_CollectionTerminated", COLLECTION_REVIEW, 2L * n);
    assertThat(count("SELECT COUNT(*) FROM collection WHERE status = 'TERMINATED' AND NOT review_open"
        + " AND payment_id IN (:in)", payments)).as("collections TERMINATED").isEqualTo(n);
    assertThat(count("SELECT COUNT(*) FROM subscription WHERE status = 'TERMINATED' AND id IN (:in)", subscriptions))
        .as("subscriptions TERMINATED").isEqualTo(n);
    assertThat(count("SELECT COUNT(*) FROM account_event WHERE type = 'COLLECTION_REVIEWED' AND detail LIKE"
        + " '%let it run its course%' AND account_id IN (:in)", accounts)).as("both decisions logged")
        .isEqualTo(2L * n);
    return new Measured(end.own().since(end.own().none(), n, "collection with its reviews"),
        others(before, end.after(), end.own(), end.instances(), since, end.until()), end.seconds());
  }

  /** N postpay reviews, approved, from before the orders to the instances' end, at the real time. */
  private Measured postpayReviews(int n) {
    api.mode("MANUAL", "COMMERCIAL");
    long postpaid = api.plan("POSTPAY", false);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      customers.add(api.account("NOT_VERIFIED"));
    }
    List<String> accounts = customers.stream().map(c -> String.valueOf(c.accountId())).toList();
    List<Long> orders = new ArrayList<>();

    HistoryFootprint before = HistoryFootprint.take(jdbc);
    Instant since = clock.instant();
    long start = System.nanoTime();
    for (Customer c : customers) {
      ResponseEntity<Map<String, Object>> placed = api.customerOrders(c, postpaid, false);
      assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
      assertThat(placed.getBody()).containsEntry("status", "PENDING_APPROVAL");
      orders.add(BillingApi.id(placed.getBody()));
    }
    for (Customer c : customers) {
      List<Map<String, Object>> review = api.reviewTasks(c.accountId());
      assertThat(review).hasSize(1);
      ResponseEntity<String> done = api.completeReview((String) review.get(0).get("id"), true, null);
      assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    }
    Ended end = ended("postpay-approval", accounts, start, "EndEvent_PermissionApproved", POSTPAY_REVIEW, n);
    assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PROVISIONED' AND id IN (:in)", orders))
        .as("orders PROVISIONED").isEqualTo(n);
    assertThat(count("SELECT COUNT(*) FROM account WHERE postpay_permission = 'APPROVED' AND id IN (:in)",
        customers.stream().map(Customer::accountId).toList())).as("accounts APPROVED").isEqualTo(n);
    return new Measured(end.own().since(end.own().none(), n, "postpay review"),
        others(before, end.after(), end.own(), end.instances(), since, end.until()), end.seconds());
  }

  /**
   * Waits for a "Review overdue account" on each of these payments' collections, then, as a manager through
   * Camunda's REST API, claims it and lets the collection run its course; waits until no review is open.
   */
  private void letReviewsRun(List<String> payments) {
    await().atMost(wait).pollInterval(Duration.ofMillis(250)).until(() -> reviews(payments).size()
        == payments.size());
    for (Task review : reviews(payments)) {
      assertThat(api.call("manager", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
          Map.of("userId", "manager")).getStatusCode().value()).isEqualTo(204);
      ResponseEntity<String> done = api.raw("manager", "/engine-rest/task/" + review.getId() + "/complete",
          Map.of("variables", Map.of("decision", Map.of("value", "LET_IT_RUN"))), null);
      assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    }
    await().atMost(wait).pollInterval(Duration.ofMillis(250)).until(() -> count("SELECT COUNT(*) FROM collection"
        + " WHERE review_open AND payment_id IN (:in)", payments) == 0 && reviews(payments).isEmpty());
  }

  private List<Task> reviews(List<String> payments) {
    return tasks.createTaskQuery().processDefinitionKey("collections").taskDefinitionKey(COLLECTION_REVIEW)
        .processInstanceBusinessKeyIn(payments.toArray(String[]::new)).list();
  }

  /** A phase's end: its instances, the history then and theirs in it, the clock and the wall time. */
  record Ended(List<String> instances, HistoryFootprint after, HistoryFootprint own, Instant until, double seconds) {}

  /**
   * Waits until the instances of {@code process} with these business keys have ended (one per key), then checks each
   * ended through {@code endEvent}, {@code reviews} tasks {@code review} were completed by the manager, and no
   * incident was raised; snapshots the history.
   */
  private Ended ended(String process, List<String> businessKeys, long start, String endEvent, String review,
      long reviews) {
    int n = businessKeys.size();
    await().atMost(wait).pollInterval(Duration.ofMillis(250)).until(() -> ended(process, businessKeys) == n);
    double seconds = (System.nanoTime() - start) / 1e9;
    Instant until = clock.instant();
    HistoryFootprint after = HistoryFootprint.take(jdbc);
    List<String> instances = instances(process, businessKeys);
    assertThat(instances).as("one %s instance per business key", process).hasSize(n);
    HistoryFootprint own = after.of(jdbc, instances);
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = '" + endEvent + "'"
        + " AND PROC_INST_ID_ IN (:in)", instances)).as("each ended at %s", endEvent).isEqualTo(n);
    assertReviewsCompleted(review, instances, reviews);
    assertNoIncident(own, instances);
    return new Ended(instances, after, own, until, seconds);
  }

  private List<String> instances(String process, List<String> businessKeys) {
    List<Object> args = new ArrayList<>(List.of(process));
    args.addAll(businessKeys);
    return jdbc.queryForList("SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND BUSINESS_KEY_ IN "
        + in(businessKeys), String.class, args.toArray());
  }

  private long ended(String process, List<String> businessKeys) {
    List<Object> args = new ArrayList<>(List.of(process));
    args.addAll(businessKeys);
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND END_TIME_ IS NOT NULL"
        + " AND BUSINESS_KEY_ IN " + in(businessKeys), Long.class, args.toArray());
  }

  private void assertReviewsCompleted(String task, List<String> instances, long expected) {
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = '" + task + "'"
        + " AND PROC_INST_ID_ IN (:in)", instances)).as("%s: reviews", task).isEqualTo(expected);
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = '" + task + "'"
        + " AND DELETE_REASON_ = 'completed' AND ASSIGNEE_ = 'manager' AND PROC_INST_ID_ IN (:in)", instances))
        .as("%s: every review completed by the manager", task).isEqualTo(expected);
  }

  private void assertNoIncident(HistoryFootprint own, List<String> instances) {
    assertThat(own.rows().get("ACT_HI_INCIDENT")).as("incidents").isZero();
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ IN (:in)", instances)).isZero();
  }

  /**
   * What the tables' totals gained besides the benchmark's own instances (their rows per table; the job log rows of no
   * instance, the engine's history cleanup; the instances started meanwhile by the engine's clock, per process).
   */
  private String others(HistoryFootprint before, HistoryFootprint after, HistoryFootprint own, List<String> instances,
      Instant since, Instant until) {
    StringBuilder tables = new StringBuilder();
    for (String table : HistoryFootprint.TABLES) {
      long rows = after.rows().get(table) - before.rows().get(table) - own.rows().get(table);
      if (rows != 0) {
        tables.append(", ").append(table.substring(7).toLowerCase(Locale.ROOT)).append(' ').append(rows);
      }
    }
    Timestamp from = Timestamp.from(since.truncatedTo(ChronoUnit.SECONDS));
    Timestamp to = Timestamp.from(until.plusSeconds(1));
    List<Object> args = new ArrayList<>(List.of(from, to));
    args.addAll(instances);
    List<String> started = jdbc.queryForList("SELECT CONCAT(PROC_DEF_KEY_, ' ', COUNT(*)) FROM ACT_HI_PROCINST"
        + " WHERE START_TIME_ BETWEEN ? AND ? AND PROC_INST_ID_ NOT IN " + in(instances) + " GROUP BY PROC_DEF_KEY_",
        String.class, args.toArray());
    Long noInstance = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE ROOT_PROC_INST_ID_ IS NULL"
        + " AND TIMESTAMP_ BETWEEN ? AND ?", Long.class, from, to);
    return String.format(Locale.ROOT, "%d rows%s; job log rows of no instance: %d; instances started: %s",
        after.rowsSince(before) - own.rowsSince(own.none()), tables, noInstance,
        started.isEmpty() ? "none" : String.join(", ", started));
  }

  /** The count {@code sql} finds, its {@code (:in)} one placeholder per value. */
  private long count(String sql, Collection<?> values) {
    return jdbc.queryForObject(sql.replace("(:in)", in(values)), Long.class, values.toArray());
  }

  private static String in(Collection<?> values) {
    return "(" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
  }
}
