package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Account;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Kind;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Payment;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Seeded;
import com.resellerhub.billing.billingday.cluster.ClusterDatabase;
import com.resellerhub.billing.billingday.cluster.ExactlyOnceAudit;
import com.resellerhub.billing.billingday.cluster.InJvmNode;
import com.resellerhub.billing.billingday.cluster.InJvmNode.Response;
import com.resellerhub.billing.billingday.cluster.SharedCluster;
import com.resellerhub.billing.support.Concurrently;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import com.resellerhub.billing.billingday.process.BillingDayProcess;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Issue 6, "Exactly once" (PAY-6, OPS-3), on the MySQL-compatible database: two process engines, two application
 * contexts in this JVM ({@code node-a}, {@code node-b}, {@link SharedCluster}), share ONE throwaway database and run
 * billing days. Node A holds its job locks for 2 seconds only, node B for the default 5 minutes. Every test that seeds
 * payments uses its own business date, earlier than the previous test's, so no such run sees another test's payments
 * (the timer's run is for today and seeds nothing). The checks are in SQL ({@link ExactlyOnceAudit}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingDayExactlyOnceIT {

  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

  ClusterDatabase db;
  InJvmNode a;
  InJvmNode b;

  @BeforeAll
  void cluster() {
    SharedCluster cluster = SharedCluster.get();
    db = cluster.db;
    a = cluster.a;
    b = cluster.b;
  }

  @AfterEach
  void bothNodesAcquireJobs() {
    SharedCluster.get().bothAcquireJobs();
  }

  private static LocalDate nextDay() {
    return SharedCluster.nextDay();
  }

  // --- PAY-6: two engines, one database, the same day ---------------------------------------------------------------

  @Test
  void pay6_twoEnginesSharingOneDatabaseDebitEachEligiblePaymentExactlyOnce() throws Exception {
    LocalDate day = nextDay();
    // enough chunks (about 140) that both job executors take part however fast one node alone would be
    Seeded seeded = BillingDaySeed.seed(db.jdbc(), day, "two-engines", BillingDaySeed.mixOf(300));
    assertThat(seeded.payments()).hasSizeGreaterThan(750);

    // the same day requested on both nodes at the same moment
    List<Response> requested = Concurrently.runAtOnce(List.<Callable<Response>>of(
        () -> requestRun(a, day), () -> requestRun(b, day)));
    assertThat(requested).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(202));

    awaitFinished(day);
    ExactlyOnceAudit.check(db.jdbc(), seeded, Set.of());

    // both engines settled chunks: a run whose chunks all ran on one node would prove nothing about two
    Map<String, Integer> byNode = ExactlyOnceAudit.chunksSettledByNode(db.jdbc(), day);
    int chunks = db.jdbc().queryForObject("select chunks from billing_day_run where business_date = ?", Integer.class,
        day);
    assertThat(chunks).isGreaterThanOrEqualTo(30);
    assertThat(byNode).as("chunks settled per node").containsOnlyKeys(a.name(), b.name());
    assertThat(byNode.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(chunks);
    // no chunk was started twice although both nodes started the day
    ProcessEngine engine = a.engine();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("billing-day-chunk")
        .processInstanceBusinessKeyLike(runKey(day) + ":chunk:%").count()).isEqualTo(chunks);
    // every instance of the day ends with the day, none with a failed step: the node whose insert of the run row lost
    // went on with the winner's run at once instead of failing the step and waiting for its retry
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("billing-day").processInstanceBusinessKey(runKey(day)).count() == 0);
    List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("billing-day").processInstanceBusinessKey(runKey(day)).list();
    assertThat(instances).isNotEmpty();
    for (HistoricProcessInstance instance : instances) {
      assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
          .failureLog().count()).as("failed steps of the day's instance %s", instance.getId()).isZero();
    }
  }

  // --- OPS-3: the daily timer fires once across the nodes ---------------------------------------------------------

  @Test
  void ops3_theDailyBillingDayTimerFiresOnceAcrossTwoNodesSharingOneDatabase() {
    // The nodes run with the timer paused (billing.billing-day.daily-timer=false); here it is activated and made due now
    // while both job executors acquire jobs. Its run is for today: it may also settle what earlier tests left for
    // later dates (their checks are done); the tests after it use earlier dates.
    ManagementService management = a.engine().getManagementService();
    JobDefinition timer = management.createJobDefinitionQuery().processDefinitionKey(BillingDayProcess.PROCESS_KEY)
        .activityIdIn(BillingDayProcess.Elements.TIMER_START).singleResult();
    Job due = management.createJobQuery().jobDefinitionId(timer.getId()).singleResult();
    long startedByTimerBefore = startedByTimer();
    management.activateJobDefinitionById(timer.getId(), true);
    try {
      management.setJobDuedate(due.getId(), Date.from(Instant.now().minusSeconds(1)));
      // fired: the due job is gone and the timer waits for its next date
      await().atMost(RUN_TIMEOUT).until(() -> management.createJobQuery().jobId(due.getId()).count() == 0);
      List<Job> next = management.createJobQuery().jobDefinitionId(timer.getId()).list();
      assertThat(next).hasSize(1);
      assertThat(next.get(0).getDuedate()).isAfter(new Date());
      await().atMost(RUN_TIMEOUT).until(() -> a.engine().getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(BillingDayProcess.PROCESS_KEY).active().count() == 0);
      assertThat(startedByTimer()).as("billing days started by the timer").isEqualTo(startedByTimerBefore + 1);
      assertThat(ExactlyOnceAudit.runStatus(db.jdbc(), LocalDate.now(ZoneOffset.UTC))).isEqualTo("FINISHED");
      assertThat(ExactlyOnceAudit.doubleDebits(db.jdbc())).isZero();
    } finally {
      management.suspendJobDefinitionById(timer.getId(), true);
    }
  }

  private long startedByTimer() {
    return a.engine().getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(BillingDayProcess.PROCESS_KEY).list().stream()
        .filter(i -> BillingDayProcess.Elements.TIMER_START.equals(i.getStartActivityId())).count();
  }

  // --- PAY-6: a job whose lock expires while it runs ----------------------------------------------------------------

  @Test
  void pay6_aChunkJobWhoseLockExpiresWhileItRunsIsRunAgainByTheOtherNode_andDebitsNothingTwice() {
    LocalDate day = nextDay();
    Seeded seeded = BillingDaySeed.seed(db.jdbc(), day, "lock-expiry", BillingDaySeed.mixOf(10));
    Account held = seeded.accounts().get(0);
    ListAppender<ILoggingEvent> jobExecutorLog = capture("org.camunda.bpm.engine.jobexecutor");
    String jobId;
    String chunkKey;
    b.stopAcquiringJobs();
    try {
      try (ClusterDatabase.RowLock lock = db.lockRows("select balance from ledger_account where account_id = ?"
          + " for update", held.id())) {
        assertThat(requestRun(a, day).status()).isEqualTo(202);
        // node A's execution of the chunk holding that account: it has locked the chunk row and waits for the ledger
        await().atMost(Duration.ofSeconds(60)).until(() -> db.waitingOn("ledger_account") == 1);
        chunkKey = runKey(day) + ":chunk:" + chunkNoHolding(day, held.id());
        ProcessInstance chunk = a.engine().getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(chunkKey).singleResult();
        jobId = a.engine().getManagementService().createJobQuery().processInstanceId(chunk.getId()).singleResult()
            .getId();
        assertThat(lockOwner(jobId)).as("the chunk's job is locked by node A").isEqualTo(a.lockOwner());
        // node A must not take its own expired job back: from now on only node B acquires jobs
        a.stopAcquiringJobs();
        b.startAcquiringJobs();

        // A's lock (2 s) expires while its execution waits; B acquires the job and executes it as well: B's
        // execution waits for the chunk row that A's execution holds
        String job = jobId;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          assertThat(lockOwner(job)).as("the job re-acquired by node B").isEqualTo(b.lockOwner());
          assertThat(db.waitingOn("billing_day_chunk")).as("B's execution waits for the chunk row").isEqualTo(1);
        });
        assertThat(db.waitingOn("ledger_account")).as("A's execution still waits for the ledger").isEqualTo(1);
      }
      // released: both executions go on, one after the other (the chunk row lock)
    } finally {
      a.startAcquiringJobs();
      b.startAcquiringJobs();
    }
    awaitFinished(day);
    ExactlyOnceAudit.check(db.jdbc(), seeded, Set.of());

    // A's execution settled the chunk, but its job's row had changed under it (B's acquisition): Camunda's optimistic
    // lock refused A's commit and rolled the settlement back; B's execution then found the chunk PENDING and settled
    // it once
    assertThat(db.jdbc().queryForObject("select c.settled_by from billing_day_chunk c join billing_day_run r"
        + " on r.id = c.run_id where r.business_date = ? and c.chunk_no = ?", String.class, day,
        chunkNoHolding(day, held.id()))).isEqualTo(b.name());
    String job = jobId;
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jobExecutorLog.list)
        .as("Camunda logs A's failed commit").anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(job)
            .contains("OptimisticLockingException")));
    detach("org.camunda.bpm.engine.jobexecutor", jobExecutorLog);
  }

  // --- PAY-6, OPS-3: a failing chunk, its incident, a manager paying meanwhile, the operator resolving it ----------

  @Test
  void pay6_aFailingChunkIsRetriedThenAnIncident_andResolvingItDebitsOnlyWhatWasNotPaidMeanwhile() {
    LocalDate day = nextDay();
    Seeded seeded = BillingDaySeed.seed(db.jdbc(), day, "incident", List.of(Kind.RICH, Kind.RICH, Kind.POOR,
        Kind.ON_CREDIT, Kind.MIXED, Kind.EMPTY, Kind.RICH));
    Account failing = seeded.accounts().get(0);
    Account paidByHand = seeded.accounts().get(1);
    Payment manual = paidByHand.payments().get(0);
    String trigger = "it_ledger_refuses_" + failing.id();
    // the ledger refuses every entry of one account: the chunk holding it fails on each attempt
    db.jdbc().execute("create trigger " + trigger + " before insert on ledger_entry for each row begin"
        + " if new.account_id = " + failing.id() + " then signal sqlstate '45000' set message_text ="
        + " 'test: the ledger refuses account " + failing.id() + "'; end if; end");
    Job job;
    String chunkInstance;
    try {
      assertThat(requestRun(b, day).status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(60)).until(() -> db.jdbc().queryForObject("select count(*) from"
          + " billing_day_run where business_date = ?", Integer.class, day) == 1);
      int chunkNo = chunkNoHolding(day, failing.id());
      assertThat(chunkNoHolding(day, paidByHand.id())).as("both accounts in one chunk").isEqualTo(chunkNo);
      String chunkKey = runKey(day) + ":chunk:" + chunkNo;
      ProcessEngine engine = a.engine();
      ProcessInstance chunk = await().atMost(Duration.ofSeconds(60)).until(() -> engine.getRuntimeService()
          .createProcessInstanceQuery().processInstanceBusinessKey(chunkKey).singleResult(), pi -> pi != null);
      chunkInstance = chunk.getId();
      Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> engine.getRuntimeService()
          .createIncidentQuery().processInstanceId(chunk.getId()).singleResult(), i -> i != null);
      assertThat(incident.getIncidentType()).isEqualTo("failedJob");
      job = engine.getManagementService().createJobQuery().processInstanceId(chunk.getId()).singleResult();
      assertThat(job.getRetries()).isZero();
      assertThat(engine.getManagementService().getJobExceptionStacktrace(job.getId()))
          .contains("the ledger refuses account " + failing.id());
      // R2/PT1S: executed twice, failed twice, then the incident
      assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(job.getId()).failureLog().count())
          .as("failed executions").isEqualTo(2);
      // the other chunks settled; the run waits for this one
      await().atMost(Duration.ofSeconds(60)).until(() -> db.jdbc().queryForObject("select count(*) from"
          + " billing_day_chunk c join billing_day_run r on r.id = c.run_id where r.business_date = ?"
          + " and c.status = 'PENDING'", Integer.class, day) == 1);
      assertThat(ExactlyOnceAudit.runStatus(db.jdbc(), day)).isNotEqualTo("FINISHED");
      assertThat(debits(failing.id())).isZero();

      // meanwhile a manager pays one of the chunk's payments from the balance (node A's API)
      Response paid = a.call("manager", "POST", "/api/operator/payments/" + manual.id() + "/complete",
          Map.of("method", "BALANCE"));
      assertThat(paid.status()).as(paid.body()).isEqualTo(200);
      assertThat(paid.json()).containsEntry("status", "PAID_FROM_BALANCE");
    } finally {
      db.jdbc().execute("drop trigger if exists " + trigger);
    }

    // the operator resolves the incident as in Cockpit: one more retry, through Camunda's REST API on node B
    Response retried = b.call("admin", "PUT", "/engine-rest/engine/" + b.engineName() + "/job/" + job.getId()
        + "/retries", Map.of("retries", 1));
    assertThat(retried.status()).as(retried.body()).isEqualTo(204);

    awaitFinished(day);
    ExactlyOnceAudit.check(db.jdbc(), seeded, Set.of(manual.id()));
    assertThat(db.jdbc().queryForObject("select completed_by from payment where id = ?", String.class, manual.id()))
        .isEqualTo("manager");
    assertThat(a.engine().getRuntimeService().createIncidentQuery().processInstanceId(chunkInstance).count())
        .as("the incident is resolved").isZero();
    assertThat(a.engine().getHistoryService().createHistoricJobLogQuery().jobId(job.getId()).successLog().count())
        .isEqualTo(1);
  }

  // --- helpers -------------------------------------------------------------------------------------------------------

  private static Response requestRun(InJvmNode node, LocalDate day) {
    return node.call("admin", "POST", "/api/admin/billing-day/runs", Map.of("businessDate", day.toString()));
  }

  private static String runKey(LocalDate day) {
    return "demo:" + day;
  }

  private void awaitFinished(LocalDate day) {
    await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500))
        .until(() -> "FINISHED".equals(ExactlyOnceAudit.runStatus(db.jdbc(), day)));
  }

  private int chunkNoHolding(LocalDate day, long accountId) {
    return db.jdbc().queryForObject("select c.chunk_no from billing_day_chunk c join billing_day_run r"
        + " on r.id = c.run_id where r.business_date = ? and c.after_account_id < ? and c.last_account_id >= ?",
        Integer.class, day, accountId, accountId);
  }

  private String lockOwner(String jobId) {
    return db.jdbc().queryForList("select LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?", String.class, jobId).stream()
        .findFirst().orElse(null);
  }

  private int debits(long accountId) {
    return db.jdbc().queryForObject("select count(*) from ledger_entry where account_id = ?", Integer.class,
        accountId);
  }

  private static ListAppender<ILoggingEvent> capture(String loggerName) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
    return appender;
  }

  private static void detach(String loggerName, ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(loggerName)).detachAppender(appender);
  }
}
