package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.billingday.BillingDayBulkSeed.Expected;
import com.resellerhub.billing.support.HistoryFootprint;
import com.resellerhub.billing.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    int jdbcPaid = plainJdbc(jdbcDay, jdbcSet);
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

  /**
   * The same debit work in plain JDBC: chunks of whole accounts of about chunk-size payments, {@value #THREADS} threads,
   * each chunk in one transaction: lock the payments, lock the ledger rows, check the balance, insert the debits
   * (key payment:id), update the balances, set the payments PAID_FROM_BALANCE, write their history and, for the rest,
   * why they were not paid, one account event per account with paid payments, and for each paid renewal its order
   * PROVISIONED, its subscription a month longer and an account event: the rows the engine writes.
   */
  private int plainJdbc(LocalDate day, Expected set) throws Exception {
    List<long[]> chunks = new ArrayList<>();
    int accountsPerChunk = Math.max(1, settings.chunkSize() / PER_ACCOUNT);
    for (long a = set.firstAccount(); a <= set.lastAccount(); a += accountsPerChunk) {
      chunks.add(new long[] {a, Math.min(set.lastAccount(), a + accountsPerChunk - 1)});
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (long[] chunk : chunks) {
        done.add(pool.submit(() -> jdbcChunk(chunk[0], chunk[1], day)));
      }
      int paid = 0;
      for (Future<Integer> f : done) {
        paid += f.get();
      }
      return paid;
    } finally {
      pool.shutdown();
    }
  }

  private int jdbcChunk(long firstAccount, long lastAccount, LocalDate day) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      LocalDateTime now = LocalDateTime.now();
      List<long[]> payments = new ArrayList<>();
      Map<Long, BigDecimal> amounts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select id, account_id, amount from payment where status ="
          + " 'AWAITING_PAYMENT' and account_id between ? and ? and expires_on <= ? order by id for update")) {
        ps.setLong(1, firstAccount);
        ps.setLong(2, lastAccount);
        ps.setObject(3, day);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            payments.add(new long[] {rs.getLong(1), rs.getLong(2)});
            amounts.put(rs.getLong(1), rs.getBigDecimal(3));
          }
        }
      }
      // the renewal orders and subscriptions of those payments
      Map<Long, long[]> renewals = new HashMap<>();
      Map<Long, LocalDate> expiries = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select p.id, o.id, s.id, s.expires_on from payment p"
          + " join payment_order po on po.payment_id = p.id join customer_order o on o.id = po.order_id"
          + " join subscription s on s.id = o.subscription_id where p.status = 'AWAITING_PAYMENT'"
          + " and p.account_id between ? and ? and p.expires_on <= ?")) {
        ps.setLong(1, firstAccount);
        ps.setLong(2, lastAccount);
        ps.setObject(3, day);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            renewals.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
            expiries.put(rs.getLong(3), rs.getObject(4, LocalDate.class));
          }
        }
      }
      Map<Long, BigDecimal[]> ledgers = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select account_id, balance, credit_limit from ledger_account"
          + " where account_id between ? and ? order by account_id for update")) {
        ps.setLong(1, firstAccount);
        ps.setLong(2, lastAccount);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ledgers.put(rs.getLong(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
          }
        }
      }
      int paid = 0;
      try (PreparedStatement entry = c.prepareStatement("insert into ledger_entry (account_id, type, amount,"
          + " credit_limit_change, balance_after, credit_limit_after, idempotency_key, reference_type, reference_id,"
          + " description, actor, created_at) values (?, 'PAYMENT_DEBIT', ?, 0, ?, ?, ?, 'PAYMENT', ?, ?, 'system', ?)");
          PreparedStatement pay = c.prepareStatement("update payment set status = 'PAID_FROM_BALANCE', completed_with"
              + " = 'BALANCE', completed_by = 'system', completed_at = ? where id = ? and status = 'AWAITING_PAYMENT'");
          PreparedStatement event = c.prepareStatement("insert into payment_event (payment_id, kind, from_status,"
              + " to_status, method, detail, actor, occurred_at) values (?, ?, 'AWAITING_PAYMENT', ?, ?, ?, 'system', ?)");
          PreparedStatement balance = c.prepareStatement("update ledger_account set balance = ?, updated_at = ?"
              + " where account_id = ?");
          PreparedStatement accountEvent = c.prepareStatement("insert into account_event (account_id, type, actor,"
              + " occurred_at, customer_visible, detail) values (?, ?, 'system', ?, true, ?)");
          PreparedStatement order = c.prepareStatement("update customer_order set status = 'PROVISIONED',"
              + " provisioned_at = ?, version = version + 1 where id = ? and status = 'AWAITING_PAYMENT'");
          PreparedStatement subscription = c.prepareStatement("update subscription set term_starts_on = ?,"
              + " expires_on = ?, paid_until = ?, status = 'ACTIVE', version = version + 1 where id = ?")) {
        Map<Long, Integer> paidPerAccount = new HashMap<>();
        for (long[] p : payments) {
          BigDecimal[] ledger = ledgers.get(p[1]);
          BigDecimal amount = amounts.get(p[0]);
          if (ledger != null && ledger[0].add(ledger[1]).compareTo(amount) >= 0) {
            ledger[0] = ledger[0].subtract(amount);
            entry.setLong(1, p[1]);
            entry.setBigDecimal(2, amount.negate());
            entry.setBigDecimal(3, ledger[0]);
            entry.setBigDecimal(4, ledger[1]);
            entry.setString(5, "payment:" + p[0]);
            entry.setLong(6, p[0]);
            entry.setString(7, "Payment " + p[0] + " paid from the balance");
            entry.setObject(8, now);
            entry.addBatch();
            pay.setObject(1, now);
            pay.setLong(2, p[0]);
            pay.addBatch();
            event.setLong(1, p[0]);
            event.setString(2, "STATUS_CHANGED");
            event.setString(3, "PAID_FROM_BALANCE");
            event.setString(4, "BALANCE");
            event.setString(5, "Paid from the balance");
            event.setObject(6, now);
            event.addBatch();
            paidPerAccount.merge(p[1], 1, Integer::sum);
            long[] renewal = renewals.get(p[0]);
            if (renewal != null) {
              LocalDate expires = expiries.get(renewal[1]);
              order.setObject(1, now);
              order.setLong(2, renewal[0]);
              order.addBatch();
              subscription.setObject(1, expires);
              subscription.setObject(2, expires.plusMonths(1));
              subscription.setObject(3, expires.plusMonths(1));
              subscription.setLong(4, renewal[1]);
              subscription.addBatch();
              accountEvent.setLong(1, p[1]);
              accountEvent.setString(2, "ORDER_PROVISIONED");
              accountEvent.setObject(3, now);
              accountEvent.setString(4, "Order " + renewal[0] + " provisioned: subscription " + renewal[1] + " until "
                  + expires.plusMonths(1));
              accountEvent.addBatch();
            }
            paid++;
          } else {
            event.setLong(1, p[0]);
            event.setString(2, "AUTO_DEBIT_SKIPPED");
            event.setString(3, "AWAITING_PAYMENT");
            event.setString(4, null);
            event.setString(5, "INSUFFICIENT_BALANCE");
            event.setObject(6, now);
            event.addBatch();
          }
        }
        for (Map.Entry<Long, BigDecimal[]> l : ledgers.entrySet()) {
          balance.setBigDecimal(1, l.getValue()[0]);
          balance.setObject(2, now);
          balance.setLong(3, l.getKey());
          balance.addBatch();
        }
        for (Map.Entry<Long, Integer> a : paidPerAccount.entrySet()) {
          accountEvent.setLong(1, a.getKey());
          accountEvent.setString(2, "PAYMENT_COMPLETED");
          accountEvent.setObject(3, now);
          accountEvent.setString(4, a.getValue() + " payments paid from the balance");
          accountEvent.addBatch();
        }
        entry.executeBatch();
        balance.executeBatch();
        accountEvent.executeBatch();
        pay.executeBatch();
        order.executeBatch();
        subscription.executeBatch();
        event.executeBatch();
      }
      c.commit();
      return paid;
    }
  }
}
