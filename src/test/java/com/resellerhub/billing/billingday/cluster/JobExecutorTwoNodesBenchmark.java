package com.resellerhub.billing.billingday.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.billingday.BillingDayBulkSeed;
import com.resellerhub.billing.billingday.BillingDayBulkSeed.Expected;
import com.resellerhub.billing.billingday.BillingDayRuns;
import com.resellerhub.billing.billingday.process.SettleChunkDelegate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor's settings for two nodes on one database, chosen by measurement (issue 16): not part of
 * {@code verify} (its name does not end in IT); run it with {@code scripts/benchmark-job-executor.sh [N]}. For each
 * setting of {@code benchmark.executor-settings} ({@code core/max/queue/acquisition[/lock-ms]}, separated by
 * {@code ;}), on a throwaway database of its own on the integration tests' server (a run on a database that earlier
 * runs had filled was up to twice as slow, whatever its setting), it
 * <ol>
 *   <li>starts two nodes of the application in this JVM ({@link InJvmNode}: node A, then node B) with that job
 *       executor, the billing day's production chunk size (500) and the production acquisition backoff
 *       ({@code wait-time-in-millis} 1000, {@code max-wait} 5000);</li>
 *   <li>creates N payments expiring on a date of its own ({@link BillingDayBulkSeed}), requests the date's billing day
 *       on node A and times it to the run's end, while both nodes' job executors take its chunks;</li>
 *   <li>checks every payment's outcome and that nothing was debited twice, counts the chunks each node settled, reads
 *       the chunks' mean and longest time from each node's {@code billing.billing-day.chunk} timer (what a job's lock
 *       must outlast), and closes both nodes.</li>
 * </ol>
 * A first run of the first setting is not reported (a cold JVM); the default list measures the current setting first
 * and last, to show the drift between runs.
 * Both nodes share this machine's two cores with the database, so the figures say which settings keep two nodes
 * busy without one starving the other, not what two machines would reach.
 */
class JobExecutorTwoNodesBenchmark {

  record Row(String setting, double seconds, int chunks, Map<String, Integer> byNode, double meanChunk,
      double longestChunk) {}

  @Test
  void twoNodesOneDatabase() throws Exception {
    int n = Integer.getInteger("benchmark.payments", 50_000);
    List<String> settings = Arrays.stream(System.getProperty("benchmark.executor-settings",
        "4/8/8/8;2/2/4/4;8/8/16/16;4/8/8/2;4/8/8/8").split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<Row> rows = new ArrayList<>();
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(5);
    // a first run, not reported: the JVM compiles the code paths, so the first setting is not measured cold
    measure(settings.get(0), n, day);
    for (String setting : settings) {
      rows.add(measure(setting, n, day));
    }
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
        BENCHMARK job executor, two nodes on one database
        BENCHMARK payments per run (N): %d, chunks of up to 500, wait-time 1000 ms, max-wait 5000 ms
        BENCHMARK | core/max/queue/acquisition[/lock ms] | run s | payments/s | chunks | node-a | node-b | chunk mean s | longest s |
        """, n));
    for (Row r : rows) {
      table.append(String.format(Locale.ROOT,
          "BENCHMARK | %-36s | %5.1f | %10.0f | %6d | %6d | %6d | %12.2f | %9.2f |%n", r.setting(), r.seconds(),
          n / r.seconds(), r.chunks(), r.byNode().getOrDefault("node-a", 0), r.byNode().getOrDefault("node-b", 0),
          r.meanChunk(), r.longestChunk()));
    }
    System.out.println(table);
  }

  /** One setting on a database of its own, so that no run finds the rows, history or purge work of another. */
  private Row measure(String setting, int n, LocalDate day) throws Exception {
    try (ClusterDatabase db = ClusterDatabase.create("executor")) {
      return measure(db, db.jdbc(), setting, n, day);
    }
  }

  private Row measure(ClusterDatabase db, JdbcTemplate jdbc, String setting, int n, LocalDate day) throws Exception {
    String[] p = setting.split("/");
    List<String> extra = new ArrayList<>(List.of(
        "camunda.bpm.job-execution.core-pool-size=" + p[0],
        "camunda.bpm.job-execution.max-pool-size=" + p[1],
        "camunda.bpm.job-execution.queue-capacity=" + p[2],
        "camunda.bpm.job-execution.max-jobs-per-acquisition=" + p[3],
        "camunda.bpm.job-execution.wait-time-in-millis=1000",
        "camunda.bpm.job-execution.max-wait=5000",
        "billing.billing-day.chunk-size=500",
        "billing.billing-day.poll-interval=PT2S"));
    if (p.length > 4) {
      extra.add("camunda.bpm.job-execution.lock-time-in-millis=" + p[4]);
    }
    String[] args = extra.toArray(String[]::new);
    InJvmNode a = InJvmNode.start("node-a", db, args);
    try (InJvmNode b = InJvmNode.start("node-b", db, args)) {
      Expected seeded = BillingDayBulkSeed.create(jdbc, n, day, "exec-" + day);
      long start = System.nanoTime();
      a.bean(BillingDayRuns.class).request(day, "benchmark");
      await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200))
          .until(() -> "FINISHED".equals(ExactlyOnceAudit.runStatus(jdbc, day)));
      double seconds = (System.nanoTime() - start) / 1e9;
      BillingDayBulkSeed.check(jdbc, seeded, day);
      assertThat(ExactlyOnceAudit.doubleDebits(jdbc)).as("payments debited twice").isZero();
      Map<String, Integer> byNode = ExactlyOnceAudit.chunksSettledByNode(jdbc, day);
      int chunks = byNode.values().stream().mapToInt(Integer::intValue).sum();
      // the chunks' own times (SettleChunkDelegate's timer on each node): what a job lock must outlast
      Timer ta = a.bean(MeterRegistry.class).get(SettleChunkDelegate.CHUNK_TIMER).timer();
      Timer tb = b.bean(MeterRegistry.class).get(SettleChunkDelegate.CHUNK_TIMER).timer();
      double mean = (ta.totalTime(TimeUnit.SECONDS) + tb.totalTime(TimeUnit.SECONDS)) / Math.max(1, ta.count()
          + tb.count());
      double longest = Math.max(ta.max(TimeUnit.SECONDS), tb.max(TimeUnit.SECONDS));
      return new Row(setting, seconds, chunks, byNode, mean, longest);
    } finally {
      a.close();
    }
  }
}
