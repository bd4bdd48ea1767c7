package com.resellerhub.billing.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.billingday.cluster.ClusterDatabase;
import com.resellerhub.billing.billingday.cluster.InJvmNode;
import com.resellerhub.billing.billingday.cluster.JarNode;
import com.resellerhub.billing.billingday.cluster.SharedCluster;
import com.resellerhub.billing.promise.PromiseSeed.Seeded;
import com.resellerhub.billing.promise.process.PromiseExpirySweep;
import com.resellerhub.billing.promise.process.PromiseExpirySweep.Swept;
import com.resellerhub.billing.promise.process.PromisedPaymentProcess.Elements;
import com.resellerhub.billing.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, the promise expiry sweep exactly once (PROM-4, PROM-5) on the MySQL-compatible database, on the cluster
 * of the billing day's exactly-once tests ({@link SharedCluster}: two engines, two application contexts in this JVM,
 * one throwaway database; their sweeps run when a test calls them). A sweep closes whatever is due in the database,
 * so the counts are those of the test's own promises. Each test seeds its own accounts and promises
 * ({@link PromiseSeed}), whose days ended a few minutes ago, with their instances waiting; the checks are SQL
 * ({@link PromiseSeed#check}): every promise EXPIRED once with its commission, one withdrawal, the negative accounts
 * blocked once, no ledger key twice, every instance COMPLETED, no incident.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromiseExpiryExactlyOnceIT {

  private static final Logger log = LoggerFactory.getLogger(PromiseExpiryExactlyOnceIT.class);
  private static final AtomicInteger SETS = new AtomicInteger();

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

  /** The sweep's tests leave no promise incident behind, not even one raised after their checks (a late retry). */
  @org.junit.jupiter.api.AfterAll
  void noIncidentLeft() {
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(PromiseSeed.incidents(jdbc())).as("incidents of promises").isEmpty());
  }

  // --- two engines sweeping the same promises at the same moment -----------------------------------------------------

  @Test
  void prom5_twoNodesSweepingAtOnce_closeEachDuePromiseOnce_andEndEachInstanceOnce() throws Exception {
    // eight chunks of 250: each node's four threads start on the same chunks and meet on the promises' row locks
    Seeded set = seed(2000, end -> end.plus(Duration.ofMinutes(15)));

    List<Swept> swept = Concurrently.runAtOnce(List.<Callable<Swept>>of(() -> sweep(a), () -> sweep(b)));
    log.info("Promises closed by node A: {}, by node B: {}", swept.get(0).closed(), swept.get(1).closed());

    assertThat(swept.get(0).closed() + swept.get(1).closed()).as("closed by both nodes together")
        .isGreaterThanOrEqualTo(set.size());
    assertThat(closed(set)).isEqualTo(set.size());
    // both nodes took part: the promises one node holds are skipped by the other, which goes on with the next ones
    assertThat(swept).as("promises closed per node").allSatisfy(s -> assertThat(s.closed()).isPositive());
    assertThat(swept).allSatisfy(s -> assertThat(s.failedChunks()).isZero());
    await().atMost(Duration.ofSeconds(30)).until(() -> PromiseSeed.open(jdbc(), set) == 0);
    PromiseSeed.check(jdbc(), set, true);
    assertThat(PromiseSeed.endedThrough(jdbc(), set, Elements.EXPIRED)).as("ended through \"Promise expired\"")
        .isEqualTo(set.size());
    assertThat(PromiseSeed.endedThrough(jdbc(), set, Elements.CLOSE)).as("closed by their own step").isZero();
    assertThat(marked(set)).as("promises whose instance is still to be told").isZero();
    // a sweep right after finds nothing left
    assertThat(sweep(a).closed()).isZero();
  }

  // --- the promise's own timer and a sweep closing the same promise at the same moment -------------------------------

  @Test
  void prom5_aSweepAndTheBackstopTimerClosingTheSamePromisesAtOnce_closeEachOnce() throws Exception {
    // backstop timers due a few seconds from now, while a sweep already holds the promises and waits for their ledgers
    // (four seconds after each instance's start: seeding 20 takes well under a second)
    Seeded set = seed(20, end -> Instant.now().plusSeconds(4));
    CompletableFuture<Swept> sweeping;
    try (ClusterDatabase.RowLock lock = db.lockRows("select balance from ledger_account where account_id between ?"
        + " and ? for update", set.firstAccount(), set.lastAccount())) {
      sweeping = CompletableFuture.supplyAsync(() -> sweep(a));
      await().atMost(Duration.ofSeconds(30)).until(() -> db.waitingOn("ledger_account") >= 1);
      // the timers fire: their jobs ("Close promise" in the timer's job) wait for the promises the sweep has locked
      await().atMost(Duration.ofSeconds(30)).until(() -> db.waitingOn("promised_payment") >= 1);
      log.info("{} timer jobs wait for the promises the sweep holds", db.waitingOn("promised_payment"));
    }
    Swept swept = sweeping.get(60, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(60)).until(() -> PromiseSeed.open(jdbc(), set) == 0);
    PromiseSeed.check(jdbc(), set, true);
    // the sweep committed the money first; each instance then ended once, either told "Promise expired" by the sweep
    // or by its timer's job, which found the promise closed and moved no money (a job that lost the race to the sweep
    // was refused at its commit, the instance having ended, and rolled back)
    assertThat(swept.closed()).isGreaterThanOrEqualTo(set.size());
    assertThat(PromiseSeed.endedThrough(jdbc(), set, Elements.EXPIRED)
        + PromiseSeed.endedThrough(jdbc(), set, Elements.CLOSE)).as("instances ended, by either path").isEqualTo(
        set.size());
    assertThat(jdbc().queryForObject("select count(*) from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ ="
        + " j.PROCESS_INSTANCE_ID_ where cast(e.BUSINESS_KEY_ as unsigned) between ? and ?", Integer.class,
        set.firstPromise(), set.lastPromise())).as("jobs left").isZero();
  }

  // --- an earlier definition's own steps after the sweep ------------------------------------------------------------

  @Test
  void prom5_theStepsOfAnEarlierDefinitionRunningAfterTheSweep_moveNoMoney_andKeepTheSweepsOutcome() throws Exception {
    Seeded set = seed(10, end -> end.plus(Duration.ofMinutes(15)));
    sweep(a);
    PromiseSeed.check(jdbc(), set, true);
    long promise = set.firstPromise(); // its account ended at 48.00, above zero
    long account = set.firstAccount();
    int entries = entriesOf(account);
    // later the account is charged below zero by something else
    a.bean(com.resellerhub.billing.ledger.BalanceService.class).record(account,
        com.resellerhub.billing.ledger.Movement.debit(com.resellerhub.billing.ledger.EntryType.COMMISSION,
            new java.math.BigDecimal("60"), "it-later-charge-" + account, null, null, "a later charge", "test"));

    // an instance of an earlier definition (timer at its end, its own close steps) reaches them now
    PromiseService promises = a.bean(PromiseService.class);
    assertThat(promises.close(promise)).as("\"Close promise\": the balance was not negative at its end").isFalse();
    assertThat(promises.withdrawCredit(promise)).as("\"Withdraw credit\" of the four-step definition").isFalse();
    promises.chargeCommission(promise);

    assertThat(entriesOf(account)).as("ledger entries: only the later charge").isEqualTo(entries + 1);
    assertThat(jdbc().queryForObject("select status from account where id = ?", String.class, account))
        .isEqualTo("ACTIVE");
    assertThat(jdbc().queryForObject("select ended_negative from promised_payment where id = ?", Boolean.class,
        promise)).isFalse();
  }

  // --- a chunk whose connection is lost in the middle of its transaction ---------------------------------------------

  @Test
  void prom5_aChunkWhoseConnectionIsKilledMidTransaction_isClosedAgainAtOnce_nothingTwice_noIncident() throws Exception {
    Seeded set = seed(300, end -> end.plus(Duration.ofMinutes(15)));
    CompletableFuture<Swept> sweeping;
    Instant lost;
    try (ClusterDatabase.RowLock lock = db.lockRows("select balance from ledger_account where account_id = ?"
        + " for update", set.firstAccount() + 7)) {
      sweeping = CompletableFuture.supplyAsync(() -> sweep(a));
      await().atMost(Duration.ofSeconds(30)).until(() -> db.waitingOn("ledger_account") >= 1);
      List<Long> waiting = db.killWaitingConnections();
      assertThat(waiting).isNotEmpty();
      lost = Instant.now();
    }
    Swept swept = sweeping.get(60, TimeUnit.SECONDS);
    log.info("After the lost connection: {} ({} after the loss)", swept, Duration.between(lost, Instant.now()));

    assertThat(swept.failedChunks()).as("the chunk that lost its connection").isEqualTo(1);
    assertThat(swept.leftToTheirTimer()).isZero();
    assertThat(closed(set)).as("closed by that sweep").isEqualTo(set.size());
    await().atMost(Duration.ofSeconds(30)).until(() -> PromiseSeed.open(jdbc(), set) == 0);
    PromiseSeed.check(jdbc(), set, true);
  }

  @Test
  void prom5_aBackstopCloseWhoseConnectionIsKilledMidTransaction_isRetried_nothingTwice_noIncident() throws Exception {
    // no sweep runs: the promises' own timers close them ("Close promise" in the timer's job)
    Seeded set = seed(6, end -> Instant.now().plusSeconds(3));
    Instant lost;
    try (ClusterDatabase.RowLock lock = db.lockRows("select balance from ledger_account where account_id between ?"
        + " and ? for update", set.firstAccount(), set.lastAccount())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> db.waitingOn("ledger_account") >= 1);
      List<Long> waiting = db.killWaitingConnections();
      lost = Instant.now();
      log.info("Killed {} connections of timer jobs closing promises", waiting.size());
      assertThat(waiting).isNotEmpty();
    }
    // the failed jobs are retried on the cycle (the nodes': R2/PT1S) and close the promises once
    await().atMost(Duration.ofSeconds(60)).until(() -> PromiseSeed.open(jdbc(), set) == 0);
    log.info("The promises were closed {} after the lost connections", Duration.between(lost, Instant.now()));
    PromiseSeed.check(jdbc(), set, true);
    assertThat(PromiseSeed.endedThrough(jdbc(), set, Elements.CLOSE)).as("closed by the backstop's step")
        .isEqualTo(set.size());
  }

  // --- a JVM killed in the middle of its sweep -----------------------------------------------------------------------

  @Test
  void prom5_aJvmKilledInTheMiddleOfItsSweep_anotherNodeClosesTheRest_nothingTwice() throws Exception {
    JarNode.applicationJar();
    Seeded set = seed(2000, end -> end.plus(Duration.ofMinutes(15)));
    // the ledger rows of three accounts far apart are held: the chunks holding them (of eight) wait in the middle of
    // their transaction (promises locked, nothing committed yet) while the others commit
    List<Long> held = List.of(set.firstAccount() + 100, set.firstAccount() + 900, set.firstAccount() + 1700);
    JarNode doomed;
    try (ClusterDatabase.RowLock lock = db.lockRows("select balance from ledger_account where account_id in"
        + " (?, ?, ?) for update", held.toArray())) {
      // a node whose sweep is on: it finds the promises due on its first look
      doomed = JarNode.start("sweep-killed", db, "billing.promises.expiry-sweep.enabled=true",
          "billing.promises.expiry-sweep.poll=PT1S");
      try {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).until(() ->
            closed(set) == set.size() - 3 * 250 && db.waitingOn("ledger_account") >= 3);
        log.info("Killing {} with {} promises closed and {} chunks waiting", doomed.name(), closed(set),
            db.waitingOn("ledger_account"));
      } finally {
        doomed.kill();
      }
    }
    // the dead JVM's connections are gone and with them its open transactions (rolled back by the server): once the
    // held rows are free, its waiting chunks run on in the server and hold their promises until it finds them gone
    await().atMost(Duration.ofSeconds(60)).until(() -> db.waitingOn("ledger_account") == 0
        && db.openTransactions() == 0);
    int closedByDead = closed(set);
    assertThat(closedByDead).as("closed by the dead node").isEqualTo(set.size() - 3 * 250);

    // the dead node closed its chunks' money but told none of their instances (it tells them once every due promise's
    // money is closed): they still wait, marked
    assertThat(marked(set)).as("closed by the dead node, instances untold").isEqualTo(closedByDead);
    assertThat(running(set)).as("instances still waiting").isEqualTo(set.size());

    Swept swept = sweep(a);
    assertThat(closed(set)).as("closed after node A's sweep").isEqualTo(set.size());
    assertThat(swept.told()).as("instances told by node A, the dead node's too").isEqualTo(set.size());
    await().atMost(Duration.ofSeconds(30)).until(() -> PromiseSeed.open(jdbc(), set) == 0);
    PromiseSeed.check(jdbc(), set, true);
    assertThat(PromiseSeed.endedThrough(jdbc(), set, Elements.EXPIRED)).isEqualTo(set.size());
    assertThat(marked(set)).isZero();
    log.info("Output of the killed JVM: {}", doomed.log());
  }

  // --- the instances' step: a node gone after the money, a connection lost while telling ------------------------------

  @Test
  void prom5_aNodeGoneBetweenTheMoneyAndItsInstances_anotherNodeTellsThem_noMoneyTwice() throws Exception {
    Seeded set = seed(600, end -> end.plus(Duration.ofMinutes(15)));
    // node A closes the money of every promise, then is gone before telling a single instance
    PromiseService promises = a.bean(PromiseService.class);
    List<Long> ids = java.util.stream.LongStream.rangeClosed(set.firstPromise(), set.lastPromise()).boxed().toList();
    int closedByA = a.bean(TransactionTemplate.class).execute(tx -> promises.expireAll(ids).size());
    assertThat(closedByA).isEqualTo(set.size());
    PromiseSeed.check(jdbc(), set, false);
    assertThat(running(set)).as("instances still waiting after the money").isEqualTo(set.size());
    int entries = jdbc().queryForObject("select count(*) from ledger_entry where account_id between ? and ?",
        Integer.class, set.firstAccount(), set.lastAccount());

    Swept swept = sweep(b);

    assertThat(swept.closed()).as("promises whose money node B closed").isZero();
    assertThat(swept.told()).as("instances node B told").isEqualTo(set.size());
    assertThat(PromiseSeed.open(jdbc(), set)).isZero();
    PromiseSeed.check(jdbc(), set, true);
    assertThat(PromiseSeed.endedThrough(jdbc(), set, Elements.EXPIRED)).isEqualTo(set.size());
    assertThat(jdbc().queryForObject("select count(*) from ledger_entry where account_id between ? and ?",
        Integer.class, set.firstAccount(), set.lastAccount())).as("ledger entries: none added").isEqualTo(entries);
    assertThat(marked(set)).isZero();
    assertThat(sweep(a).told()).as("told again by the next sweep").isZero();
  }

  @Test
  void prom5_aConnectionKilledWhileTellingTheInstances_isToldAgainAtOnce_nothingTwice_noIncident() throws Exception {
    Seeded set = seed(300, end -> end.plus(Duration.ofMinutes(15)));
    long held = set.firstPromise() + 7;
    CompletableFuture<Swept> sweeping;
    Instant lost;
    // one instance's execution row is held: the chunk telling it waits at its end, in the middle of its transaction
    try (ClusterDatabase.RowLock lock = db.lockRows("select ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? for"
        + " update", String.valueOf(held))) {
      sweeping = CompletableFuture.supplyAsync(() -> sweep(a));
      await().atMost(Duration.ofSeconds(30)).until(() -> db.waitingOn("ACT_RU_EXECUTION") >= 1);
      assertThat(closed(set)).as("the money, closed before any instance is told").isEqualTo(set.size());
      List<Long> waiting = db.killWaitingConnections();
      assertThat(waiting).isNotEmpty();
      lost = Instant.now();
    }
    Swept swept = sweeping.get(60, TimeUnit.SECONDS);
    log.info("After the connection lost while telling: {} ({} after the loss)", swept,
        Duration.between(lost, Instant.now()));

    assertThat(swept.closed()).isEqualTo(set.size());
    assertThat(swept.failedChunks()).as("the chunk that lost its connection").isEqualTo(1);
    assertThat(swept.leftToTheirTimer()).isZero();
    // the lost chunk's promises are told one by one at once; a promise whose row the killed transaction still held
    // while the server rolled it back is skipped and told by the next look (the nodes' poll, 2 s in production)
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (marked(set) == 0) {
        return true;
      }
      sweep(a);
      return false;
    });
    log.info("Every instance told {} after the loss", Duration.between(lost, Instant.now()));
    assertThat(PromiseSeed.open(jdbc(), set)).isZero();
    PromiseSeed.check(jdbc(), set, true);
    assertThat(PromiseSeed.endedThrough(jdbc(), set, Elements.EXPIRED)).isEqualTo(set.size());
    assertThat(marked(set)).isZero();
  }

  // --- helpers -------------------------------------------------------------------------------------------------------

  /** Promises whose days ended three minutes ago, their instances waiting with the backstop at {@code closeBy}. */
  private Seeded seed(int n, UnaryOperator<Instant> closeBy) throws Exception {
    Instant minute = Instant.now().minus(Duration.ofMinutes(4)).truncatedTo(ChronoUnit.MINUTES);
    Seeded set = PromiseSeed.create(jdbc(), n, minute, "sweep-it-" + SETS.incrementAndGet() + "-"
        + minute.getEpochSecond(), Instant.now());
    PromiseSeed.startInstances(jdbc(), a.engine().getRuntimeService(), a.bean(TransactionTemplate.class), set,
        closeBy);
    return set;
  }

  private int closed(Seeded set) {
    return jdbc().queryForObject("select count(*) from promised_payment where id between ? and ? and status ="
        + " 'EXPIRED'", Integer.class, set.firstPromise(), set.lastPromise());
  }

  /** The set's promises closed by a sweep whose instances are still to be told. */
  private int marked(Seeded set) {
    return jdbc().queryForObject("select count(*) from promised_payment where id between ? and ? and"
        + " instance_pending = true", Integer.class, set.firstPromise(), set.lastPromise());
  }

  private int running(Seeded set) {
    return jdbc().queryForObject("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ ="
        + " e.PROC_DEF_ID_ where d.KEY_ = 'promised-payment' and e.PARENT_ID_ is null and cast(e.BUSINESS_KEY_ as"
        + " unsigned) between ? and ?", Integer.class, set.firstPromise(), set.lastPromise());
  }

  private int entriesOf(long account) {
    return jdbc().queryForObject("select count(*) from ledger_entry where account_id = ?", Integer.class, account);
  }

  private static Swept sweep(InJvmNode node) {
    return node.bean(PromiseExpirySweep.class).sweep();
  }

  private JdbcTemplate jdbc() {
    return db.jdbc();
  }
}
