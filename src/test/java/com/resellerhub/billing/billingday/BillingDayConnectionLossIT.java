package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.billingday.cluster.BillingDaySeed;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Seeded;
import com.resellerhub.billing.billingday.cluster.ClusterDatabase;
import com.resellerhub.billing.billingday.cluster.ExactlyOnceAudit;
import com.resellerhub.billing.billingday.cluster.InJvmNode;
import com.resellerhub.billing.billingday.cluster.SharedCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16, recovery after a database failure: chunks of a billing day lose their database connections in the middle
 * of their transaction (the server kills them, as a restart or a network cut does). With the engine-wide retry cycle
 * of the application ({@code PT5S,PT10S,...}, not the tests' short one) the work resumes within seconds of the
 * database answering again: the day finishes within 30 s of the loss, no incident, nothing debited twice.
 */
class BillingDayConnectionLossIT {

  private static final Logger log = LoggerFactory.getLogger(BillingDayConnectionLossIT.class);

  @Test
  void pay6_chunksWhoseConnectionsAreKilledMidTransaction_areRetriedWithinSeconds_andDebitNothingTwice() {
    SharedCluster cluster = SharedCluster.get();
    ClusterDatabase db = cluster.db;
    LocalDate day = SharedCluster.nextDay();
    cluster.a.stopAcquiringJobs();
    cluster.b.stopAcquiringJobs();
    InJvmNode node = InJvmNode.start("conn-loss", db,
        "camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=PT5S,PT10S,PT15S,PT30S,PT5M");
    try {
      Seeded seeded = BillingDaySeed.seed(db.jdbc(), day, "connloss", BillingDaySeed.mixOf(36));
      List<Long> held = List.of(seeded.accounts().get(10).id(), seeded.accounts().get(25).id());
      Instant lost;
      try (ClusterDatabase.RowLock lock = db.lockRows("select balance from ledger_account where account_id in"
          + " (?, ?) for update", held.toArray())) {
        InJvmNode.Response requested = node.call("admin", "POST", "/api/admin/billing-day/runs",
            Map.of("businessDate", day.toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
            .until(() -> db.waitingOn("ledger_account") >= 1);
        // the chunks waiting in the middle of their transaction lose their connection
        List<Long> waiting = db.killWaitingConnections();
        lost = Instant.now();
        log.info("Killed {} connections of chunks in the middle of their transaction", waiting.size());
        assertThat(waiting).isNotEmpty();
      }
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> "FINISHED".equals(ExactlyOnceAudit.runStatus(db.jdbc(), day)));
      log.info("The day finished {} after the connections were lost", Duration.between(lost, Instant.now()));
      ExactlyOnceAudit.check(db.jdbc(), seeded, Set.of());
      // the billing day's incidents: other tests in this JVM move the engine's clock, so on the shared database another
      // process's timer (a postpay review's escalation mail, with no mail server on the cluster's nodes) may fail
      assertThat(db.jdbc().queryForList("select i.ACTIVITY_ID_, i.INCIDENT_MSG_, e.BUSINESS_KEY_ from ACT_RU_INCIDENT i"
          + " join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_ left join ACT_RU_EXECUTION e on e.ID_ = i.PROC_INST_ID_"
          + " where d.KEY_ in ('billing-day', 'billing-day-chunk')")).as("incidents of the billing day").isEmpty();
    } finally {
      node.close();
      cluster.bothAcquireJobs();
    }
  }
}
