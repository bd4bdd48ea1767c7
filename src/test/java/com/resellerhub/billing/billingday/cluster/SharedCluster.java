package com.resellerhub.billing.billingday.cluster;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two-node cluster the exactly-once tests share within one test JVM (as Spring's test context cache shares
 * application contexts): ONE throwaway database and two application contexts of the billing application on it,
 * {@code node-a} (job locks held for 2 seconds only) and {@code node-b} (the default 5 minutes). Started on first use,
 * closed and the database dropped when the JVM ends. Node A starts first and creates the schema (Liquibase), deploys
 * the processes and the demo data; node B then starts against the existing schema (every change set already run,
 * nothing changed to deploy, the demo data found). Starting them one after the other keeps two first starts from
 * racing for the demo data.
 *
 * <p>Every test takes its billing date from {@link #nextDay()}: today or earlier (a run is never for a future date) and
 * earlier than every date handed out before, so no run ever sees another test's payments (a run takes the payments
 * expiring on or before its date; a later test's date is before all of them).
 */
public final class SharedCluster {

  private static final Logger log = LoggerFactory.getLogger(SharedCluster.class);
  private static final AtomicInteger DAYS = new AtomicInteger();
  private static SharedCluster instance;

  public final ClusterDatabase db;
  public final InJvmNode a;
  public final InJvmNode b;

  private SharedCluster(ClusterDatabase db, InJvmNode a, InJvmNode b) {
    this.db = db;
    this.a = a;
    this.b = b;
  }

  public static synchronized SharedCluster get() {
    if (instance == null) {
      ClusterDatabase db = ClusterDatabase.create("cluster");
      InJvmNode a = null;
      InJvmNode b = null;
      try {
        a = InJvmNode.start("node-a", db, "camunda.bpm.job-execution.lock-time-in-millis=2000");
        b = InJvmNode.start("node-b", db);
      } catch (RuntimeException e) {
        close(b, a, db);
        throw e;
      }
      instance = new SharedCluster(db, a, b);
      SharedCluster started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started.b, started.a, started.db),
          "cluster-shutdown"));
    }
    return instance;
  }

  /** A billing date of its own: 5 days ago, then 20 days earlier each time. */
  public static LocalDate nextDay() {
    return LocalDate.now(ZoneOffset.UTC).minusDays(5 + 20L * DAYS.getAndIncrement());
  }

  /** Both nodes acquire jobs again (a test may have stopped them). */
  public void bothAcquireJobs() {
    a.startAcquiringJobs();
    b.startAcquiringJobs();
  }

  private static void close(InJvmNode b, InJvmNode a, ClusterDatabase db) {
    for (InJvmNode node : new InJvmNode[] {b, a}) {
      if (node != null) {
        try {
          node.close();
        } catch (RuntimeException e) {
          log.warn("Closing {}: {}", node.name(), e.toString());
        }
      }
    }
    db.close();
  }
}
