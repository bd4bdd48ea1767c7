package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.billingday.cluster.BillingDaySeed;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Account;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Seeded;
import com.resellerhub.billing.billingday.cluster.ClusterDatabase;
import com.resellerhub.billing.billingday.cluster.ExactlyOnceAudit;
import com.resellerhub.billing.billingday.cluster.InJvmNode;
import com.resellerhub.billing.billingday.cluster.JarNode;
import com.resellerhub.billing.billingday.cluster.SharedCluster;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6, "Exactly once" (PAY-6, OPS-3): "a JVM killed in the middle of a run, then restarted, finishes the rest
 * without a double debit". The packaged application runs in a JVM of its own ({@link JarNode}, its output in
 * {@code target/cluster-jvm-killed-*.log}) on the cluster's throwaway MySQL-compatible database ({@link SharedCluster},
 * whose two in-JVM nodes acquire no jobs meanwhile), starts a billing day, settles some chunks and is killed with
 * {@code kill -9} while it settles others; then the in-JVM nodes acquire jobs again, take over the dead node's jobs
 * once their locks (10 s) expire and finish the day.
 */
class BillingDayKilledNodeIT {

  private static final Logger log = LoggerFactory.getLogger(BillingDayKilledNodeIT.class);

  @Test
  void pay6_aJvmKilledInTheMiddleOfARun_anotherNodeFinishesTheRestWithoutADoubleDebit() throws Exception {
    JarNode.applicationJar();
    SharedCluster cluster = SharedCluster.get();
    ClusterDatabase db = cluster.db;
    LocalDate day = SharedCluster.nextDay();
    // until the JVM is dead, only it works: the in-JVM nodes acquire no jobs
    cluster.a.stopAcquiringJobs();
    cluster.b.stopAcquiringJobs();
    JarNode doomed = JarNode.start("jvm-killed", db, "camunda.bpm.job-execution.lock-time-in-millis=10000");
    try {
      await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(doomed::ready);
      Seeded seeded = BillingDaySeed.seed(db.jdbc(), day, "killed", BillingDaySeed.mixOf(60));
      List<Account> accounts = seeded.accounts();
      // the ledger rows of four accounts far apart are held by the test: the chunks holding them wait in the middle
      // of their transaction (chunk row and payments locked, nothing committed yet)
      List<Long> held = List.of(accounts.get(20).id(), accounts.get(33).id(), accounts.get(46).id(),
          accounts.get(59).id());
      try (ClusterDatabase.RowLock lock = db.lockRows("select balance from ledger_account where account_id in"
          + " (?, ?, ?, ?) for update", held.toArray())) {
        InJvmNode.Response requested = doomed.call("admin", "POST", "/api/admin/billing-day/runs",
            Map.of("businessDate", day.toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
            settledBy(db, day, doomed.name()) >= 3 && db.waitingOn("ledger_account") >= 1);
        log.info("Killing {} with {} chunks settled and {} settlements waiting", doomed.name(),
            settledBy(db, day, doomed.name()), db.waitingOn("ledger_account"));
        doomed.kill();
      }
      // the dead JVM's connections are gone and with them its open transactions (rolled back by the server)
      await().atMost(Duration.ofSeconds(60)).until(() -> db.otherConnections() == 0
          || onlyClusterConnections(cluster));
      int settledByDead = settledBy(db, day, doomed.name());
      int chunks = db.jdbc().queryForObject("select chunks from billing_day_run where business_date = ?",
          Integer.class, day);
      assertThat(settledByDead).as("chunks the dead node settled").isPositive().isLessThan(chunks);
      assertThat(ExactlyOnceAudit.runStatus(db.jdbc(), day)).isEqualTo("RUNNING");
      int heldChunk = chunkNoHolding(db, day, held.get(0));
      assertThat(chunkStatus(db, day, heldChunk)).as("the chunk it was settling when it died").isEqualTo("PENDING");

      // the other nodes take over the dead node's jobs once their locks expire
      cluster.bothAcquireJobs();
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> "FINISHED".equals(ExactlyOnceAudit.runStatus(db.jdbc(), day)));

      ExactlyOnceAudit.check(db.jdbc(), seeded, Set.of());
      Map<String, Integer> byNode = ExactlyOnceAudit.chunksSettledByNode(db.jdbc(), day);
      assertThat(byNode).as("chunks settled per node").containsEntry(doomed.name(), settledByDead);
      assertThat(byNode.keySet()).as("chunks settled per node").isSubsetOf(doomed.name(), cluster.a.name(),
          cluster.b.name());
      assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(chunks);
      assertThat(settledByOf(db, day, heldChunk)).isIn(cluster.a.name(), cluster.b.name());
      assertThat(db.jdbc().queryForObject("select overdue_marked from billing_day_run where business_date = ?",
          Integer.class, day)).as("overdue marking done").isGreaterThanOrEqualTo((int) seeded.overdueAfterRun());
    } finally {
      if (doomed.isAlive()) {
        doomed.kill();
      }
      cluster.bothAcquireJobs();
      log.info("Output of the killed JVM: {}", doomed.log());
    }
  }

  /** The in-JVM nodes' pools keep connections open: none of the connections left belongs to the dead JVM. */
  private static boolean onlyClusterConnections(SharedCluster cluster) {
    return cluster.db.waitingOn("ledger_account") == 0 && cluster.db.jdbc().queryForObject("select count(*) from"
        + " information_schema.innodb_trx t join information_schema.processlist p on p.id = t.trx_mysql_thread_id"
        + " where p.db = ?", Integer.class, cluster.db.name()) == 0;
  }

  private static int settledBy(ClusterDatabase db, LocalDate day, String node) {
    return ExactlyOnceAudit.chunksSettledByNode(db.jdbc(), day).getOrDefault(node, 0);
  }

  private static int chunkNoHolding(ClusterDatabase db, LocalDate day, long accountId) {
    return db.jdbc().queryForObject("select c.chunk_no from billing_day_chunk c join billing_day_run r"
        + " on r.id = c.run_id where r.business_date = ? and c.after_account_id < ? and c.last_account_id >= ?",
        Integer.class, day, accountId, accountId);
  }

  private static String chunkStatus(ClusterDatabase db, LocalDate day, int chunkNo) {
    return db.jdbc().queryForObject("select c.status from billing_day_chunk c join billing_day_run r on r.id = c.run_id"
        + " where r.business_date = ? and c.chunk_no = ?", String.class, day, chunkNo);
  }

  private static String settledByOf(ClusterDatabase db, LocalDate day, int chunkNo) {
    return db.jdbc().queryForObject("select c.settled_by from billing_day_chunk c join billing_day_run r"
        + " on r.id = c.run_id where r.business_date = ? and c.chunk_no = ?", String.class, day, chunkNo);
  }
}
