package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.billingday.BillingDayBulkSeed.Expected;
import com.resellerhub.billing.support.HistoryFootprint;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The billing-day benchmark (issue 6): not part of {@code verify} (its name does not end in IT); run it with
 * {@code scripts/benchmark-billing-day.sh [N]}. On the integration tests' throwaway MySQL-compatible database it
 * <ol>
 *   <li>creates N payments awaiting payment that expire on one date, 5 per account: on half of the accounts ORDER
 *       payments of RENEWAL orders of auto-renewing monthly subscriptions expiring that day, on the other half postpay
 *       act payments; all of 10.00; every tenth account has too little balance for its payments, so some are not
 *       paid;</li>
 *   <li>runs that billing day through the {@code billing-day} process on the job executor and times it from the request
 *       to the run's end;</li>
 *   <li>checks every payment's outcome: each one either PAID_FROM_BALANCE with exactly one debit, or still awaiting
 *       payment with its reason in its history, balances equal to their entries' sum, every paid renewal's
 *       subscription a month longer;</li>
 *   <li>then, on a second identical set of payments and accounts, does the same debit work with plain JDBC (same
 *       chunks, same number of threads, no engine, no rules objects, no history of accounts) and prints both
 *       throughputs and their ratio.</li>
 * </ol>
 */
@IntegrationTest
class BillingDayBenchmark {

  private static final int PER_ACCOUNT = 5;
  private static final int THREADS = 4;

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired SettlementService settlement;
  @Autowired BillingDayRuns runs;
  @Autowired BillingDaySettings settings;

  @Test
  void billingDay() throws Exception {
    int n = Integer.getInteger("benchmark.payments", 100_000);
    LocalDate engineDay = LocalDate.parse("2047-03-01");
    LocalDate jdbcDay = LocalDate.parse("2047-04-01");
    // nothing else may be due on these days
    assertThat(jdbc.queryForObject("select count(*) from payment where status = 'AWAITING_PAYMENT'"
        + " and expires_on <= ?", Integer.class, jdbcDay)).isLessThan(1000);

    long setup = System.nanoTime();
    Expected engineSet = BillingDayBulkSeed.create(jdbc, n, engineDay, "bench-engine");
    Expected jdbcSet = BillingDayBulkSeed.create(jdbc, n, jdbcDay, "bench-jdbc");
    double setupSeconds = (System.nanoTime() - setup) / 1e9;

    // the engine: the billing day's process, chunks as jobs on the job executor
    HistoryFootprint before = HistoryFootprint.take(jdbc);
    long start = System.nanoTime();
    runs.request(engineDay, "benchmark");
    await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() ->
        settlement.progressOf(engineDay).map(p -> p.status() == BillingDayRun.Status.FINISHED).orElse(false));
    double engineSeconds = (System.nanoTime() - start) / 1e9;
    SettlementService.Progress progress = settlement.progressOf(engineDay).orElseThrow();
    HistoryFootprint after = HistoryFootprint.take(jdbc);
    BillingDayBulkSeed.check(jdbc, engineSet, engineDay);
    assertThat(progress.paid()).isEqualTo(engineSet.paid());

    // plain JDBC, same work
    long jdbcStart = System.nanoTime();
    int jdbcPaid = PlainJdbcBillingDay.settle(dataSource, jdbcDay, jdbcSet.firstAccount(), jdbcSet.lastAccount(),
        Math.max(1, settings.chunkSize() / PER_ACCOUNT), THREADS);
    double jdbcSeconds = (System.nanoTime() - jdbcStart) / 1e9;
    assertThat(jdbcPaid).isEqualTo(jdbcSet.paid());
    BillingDayBulkSeed.check(jdbc, jdbcSet, jdbcDay);

    double engineRate = n / engineSeconds;
    double jdbcRate = n / jdbcSeconds;
    String server = jdbc.queryForObject("select version()", String.class);
    System.out.println(String.format(Locale.ROOT, """
        BENCHMARK billing day
        BENCHMARK database:            %s
        BENCHMARK payments (N):        %d over %d accounts (setup %.1f s): half renewal ORDER payments, half act payments
        BENCHMARK chunks:              %d of up to %d payments, job executor threads %s
        BENCHMARK paid / not paid:     %d / %d %s
        BENCHMARK engine wall time:    %.1f s  (request to run finished, overdue marking included)
        BENCHMARK engine payments/s:   %.0f
        BENCHMARK plain JDBC time:     %.1f s  (%d threads, same chunks)
        BENCHMARK plain JDBC payments/s: %.0f
        BENCHMARK ratio engine/JDBC:   %.2f
        BENCHMARK double debits:       %d
        BENCHMARK history per day:     %s
        BENCHMARK history per payment: %s
        """, server, n, engineSet.accounts(), setupSeconds, progress.chunks(), settings.chunkSize(),
        "core 4 / max 8", progress.paid(), progress.skipped(), progress.skippedByReasonText(), engineSeconds,
        engineRate, jdbcSeconds, THREADS, jdbcRate, engineRate / jdbcRate, BillingDayBulkSeed.doubleDebits(jdbc),
        after.since(before, 1, "billing day"), after.since(before, n, "payment")));
  }
}
