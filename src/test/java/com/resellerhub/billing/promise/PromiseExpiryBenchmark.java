package com.resellerhub.billing.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.promise.PromiseSeed.Seeded;
import com.resellerhub.billing.promise.process.PromiseExpirySweep;
import com.resellerhub.billing.support.HistoryFootprint;
import com.resellerhub.billing.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The promise-expiry benchmark (issue 16): not part of {@code verify} (its name does not end in IT); run it with
 * {@code scripts/benchmark-promises.sh [N,N,...]}. For each N (default 1,000 and 10,000) on the integration tests'
 * throwaway MySQL-compatible database it
 * <ol>
 *   <li>creates N granted promises of 100.00 for 2 days at 1 % a day (DAILY) on N new accounts, whose days all end in
 *       the same minute, each with its {@code promised-payment} instance waiting for its end (started at the wait, the
 *       grant already in the ledger); every tenth account has spent into the credit, so its promise ends below
 *       zero and blocks it;</li>
 *   <li>moves the clock one minute past that minute and runs the expiry sweep's looks at once (in service its next
 *       poll starts them, at most {@code poll} later), timing until every promise's money is closed and until every
 *       instance has ended too;</li>
 *   <li>checks every outcome: each promise EXPIRED once with its commission entries (PROM-4) and one withdrawal, credit
 *       limits back to zero, balances equal to their opening balance plus their entries, exactly the negative
 *       accounts blocked once, no incident, no instance left;</li>
 *   <li>does the same ledger work for a second identical set in plain JDBC (chunks of 500 promises, 4 threads, one
 *       transaction each, batched statements) and prints both rates, their ratio and the history one promise leaves
 *       behind.</li>
 * </ol>
 * A failed check fails the benchmark (the script exits non-zero).
 */
@IntegrationTest
class PromiseExpiryBenchmark {

  private static final BigDecimal PERCENT = PromiseSeed.PERCENT;
  private static final int DAYS = PromiseSeed.DAYS;
  private static final int THREADS = 4;
  private static final int CHUNK = 500;

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired RuntimeService runtime;
  @Autowired TransactionTemplate transactions;
  @Autowired java.time.Clock clock;
  @Autowired PromiseExpirySettings sweep;
  @Autowired PromiseExpirySweep expirySweep;

  record Row(int n, double setup, double money, double engine, double jdbcSeconds, String history) {}

  @Test
  void promiseExpiries() throws Exception {
    List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.promises", "1000,10000").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    EngineClock engineClock = (EngineClock) clock;
    List<Row> rows = new ArrayList<>();
    try {
      for (int n : sizes) {
        rows.add(measure(n, engineClock));
      }
    } finally {
      engineClock.reset();
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
        BENCHMARK promise expiries
        BENCHMARK database:          %s
        BENCHMARK promises:          100.00 for %d days at 1 %% a day, all ending in one minute; every tenth ends below zero and blocks
        BENCHMARK expiry sweep:      %s
        BENCHMARK money: every promise EXPIRED with its commission, withdrawal and block committed; all: every instance ended too
        BENCHMARK |      N | setup s | money s | money/s | all s |  all/s | JDBC s | JDBC/s | ratio money | ratio all | all within 60 s |
        """, jdbc.queryForObject("select version()", String.class), DAYS, sweep.enabled() ? "on, chunks of "
        + sweep.chunkSize() + ", " + sweep.threads() + " threads, its looks started when the clock moves (in service,"
        + " its next poll does, at most " + sweep.poll() + " later)" : "off (each promise closed by its own timer on"
        + " the job executor: " + System.getProperty("benchmark.executor", "application.yml") + ")"));
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "BENCHMARK | %6d | %7.1f | %7.1f | %7.0f | %5.1f | %6.0f | %6.1f | %6.0f |"
          + " %11.2f | %9.2f | %-15s |%n", r.n(), r.setup(), r.money(), r.n() / r.money(), r.engine(),
          r.n() / r.engine(), r.jdbcSeconds(), r.n() / r.jdbcSeconds(), r.jdbcSeconds() / r.money(),
          r.jdbcSeconds() / r.engine(), r.engine() <= 60 ? "yes" : "NO"));
    }
    out.append("BENCHMARK history per promise (wait to end, N=" + rows.get(rows.size() - 1).n() + "): "
        + rows.get(rows.size() - 1).history() + "\n");
    out.append("BENCHMARK double charges:    " + PromiseSeed.doubleCharges(jdbc) + "\n");
    System.out.println(out);
  }

  private Row measure(int n, EngineClock engineClock) throws Exception {
    // the minute the promises end in: three days ahead of the clock, so no timer is due while they are created
    Instant minute = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    long setupStart = System.nanoTime();
    Seeded engineSet = PromiseSeed.create(jdbc, n, minute, "bench-promise-e" + n + "-" + minute.getEpochSecond(),
        clock.instant());
    PromiseSeed.startInstances(jdbc, runtime, transactions, engineSet, sweep::closeBy);
    double setup = (System.nanoTime() - setupStart) / 1e9;
    HistoryFootprint before = HistoryFootprint.take(jdbc);

    engineClock.set(minute.plus(Duration.ofMinutes(1)));
    long start = System.nanoTime();
    CompletableFuture<Void> sweeping = sweep.enabled()
        ? CompletableFuture.runAsync(() -> sweepUntilClosed(engineSet))
        : CompletableFuture.completedFuture(null);
    // the money first (every promise EXPIRED, its entries and blocks committed), then every instance ended
    await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> PromiseSeed.active(jdbc, engineSet) == 0);
    double money = (System.nanoTime() - start) / 1e9;
    await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> PromiseSeed.open(jdbc, engineSet) == 0);
    double engine = (System.nanoTime() - start) / 1e9;
    sweeping.get();
    String history = HistoryFootprint.take(jdbc).since(before, n, "promise");
    PromiseSeed.check(jdbc, engineSet, true);

    // the plain-JDBC set ends a week later: no sweep of the engine's clock ever takes it
    Seeded jdbcSet = PromiseSeed.create(jdbc, n, minute.plus(Duration.ofDays(7)), "bench-promise-j" + n + "-"
        + minute.getEpochSecond(), clock.instant());
    long jdbcStart = System.nanoTime();
    plainJdbc(jdbcSet, minute.plus(Duration.ofMinutes(1)));
    double jdbcSeconds = (System.nanoTime() - jdbcStart) / 1e9;
    PromiseSeed.check(jdbc, jdbcSet, false);
    return new Row(n, setup, money, engine, jdbcSeconds, history);
  }

  /**
   * The sweep's looks, run by the benchmark from the moment the clock has moved (instead of at the sweep's next poll,
   * up to {@code poll} later), so its figures are its work alone, as the plain JDBC's are. A look of the sweep's own
   * poll that got there first is waited for.
   */
  private void sweepUntilClosed(Seeded set) {
    while (PromiseSeed.open(jdbc, set) > 0) {
      if (expirySweep.sweep().chunks() == 0) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * The same ledger work in plain JDBC: chunks of {@value #CHUNK} promises, {@value #THREADS} threads, each in one
   * transaction: lock the promises and their ledger rows, insert the three commission entries and the withdrawal
   * (keys as the engine's), update the balances and credit limits, end the promises, one account event each, and
   * for the negative ones the block row, the account BLOCKED and its event.
   */
  private void plainJdbc(Seeded set, Instant now) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (long from = set.firstPromise(); from <= set.lastPromise(); from += CHUNK) {
        long first = from;
        long last = Math.min(set.lastPromise(), from + CHUNK - 1);
        done.add(pool.submit(() -> {
          jdbcChunk(first, last, now);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private void jdbcChunk(long firstPromise, long lastPromise, Instant at) throws Exception {
    Timestamp now = Timestamp.from(at);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<Object[]> promises = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select id, account_id, amount, taken_at, ends_at from"
          + " promised_payment where id between ? and ? and status = 'ACTIVE' order by id for update")) {
        ps.setLong(1, firstPromise);
        ps.setLong(2, lastPromise);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            promises.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()});
          }
        }
      }
      Map<Long, BigDecimal[]> ledgers = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select l.account_id, l.balance, l.credit_limit from"
          + " ledger_account l join promised_payment p on p.account_id = l.account_id where p.id between ? and ?"
          + " order by l.account_id for update")) {
        ps.setLong(1, firstPromise);
        ps.setLong(2, lastPromise);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ledgers.put(rs.getLong(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
          }
        }
      }
      try (PreparedStatement entry = c.prepareStatement("insert into ledger_entry (account_id, type, amount,"
          + " credit_limit_change, balance_after, credit_limit_after, idempotency_key, reference_type, reference_id,"
          + " description, actor, created_at) values (?, ?, ?, ?, ?, ?, ?, 'PROMISE', ?, ?, 'benchmark', ?)");
          PreparedStatement ledger = c.prepareStatement("update ledger_account set balance = ?, credit_limit = ?,"
              + " updated_at = ? where account_id = ?");
          PreparedStatement end = c.prepareStatement("update promised_payment set status = 'EXPIRED', ended_at = ?,"
              + " commission = ?, ended_negative = ?, version = version + 1 where id = ?");
          PreparedStatement event = c.prepareStatement("insert into account_event (account_id, type, actor,"
              + " occurred_at, customer_visible, detail) values (?, ?, 'system', ?, true, ?)");
          PreparedStatement block = c.prepareStatement("insert into account_block (account_id, cause, detail,"
              + " blocked_by, blocked_at) values (?, 'PROMISED_PAYMENT_EXPIRED', ?, 'system', ?)");
          PreparedStatement blocked = c.prepareStatement("update account set status = 'BLOCKED', version = version"
              + " + 1 where id = ? and status = 'ACTIVE'")) {
        for (Object[] p : promises) {
          long id = (Long) p[0];
          long account = (Long) p[1];
          BigDecimal amount = (BigDecimal) p[2];
          BigDecimal[] l = ledgers.get(account);
          List<Commission.Charge> charges = Commission.charges(amount, false, PERCENT, ChargeMethod.DAILY, DAYS,
              LocalDate.ofInstant((Instant) p[3], ZoneOffset.UTC), LocalDate.ofInstant((Instant) p[4], ZoneOffset.UTC));
          for (Commission.Charge charge : charges) {
            l[0] = l[0].subtract(charge.amount());
            addEntry(entry, account, "COMMISSION", charge.amount().negate(), BigDecimal.ZERO, l,
                "promise:" + id + ":commission:" + charge.period(), id, "Promised payment " + id + ": commission",
                now);
          }
          l[1] = l[1].subtract(amount);
          addEntry(entry, account, "CREDIT_LIMIT_CHANGE", BigDecimal.ZERO, amount.negate(), l, "promise:" + id + ":withdraw",
              id, "Promised payment " + id + " ended (EXPIRED): credit limit withdrawn", now);
          boolean negative = l[0].signum() < 0;
          end.setTimestamp(1, Timestamp.from((Instant) p[4]));
          end.setBigDecimal(2, Commission.total(charges));
          end.setBoolean(3, negative);
          end.setLong(4, id);
          end.addBatch();
          addEvent(event, account, "PROMISED_PAYMENT_ENDED", "Promised payment " + id + " expired", now);
          if (negative) {
            block.setLong(1, account);
            block.setString(2, "Promised payment " + id + " ended with the balance below zero (PROM-5)");
            block.setTimestamp(3, now);
            block.addBatch();
            blocked.setLong(1, account);
            blocked.addBatch();
            addEvent(event, account, "BLOCKED", "PROMISED_PAYMENT_EXPIRED", now);
          }
          ledger.setBigDecimal(1, l[0]);
          ledger.setBigDecimal(2, l[1]);
          ledger.setTimestamp(3, now);
          ledger.setLong(4, account);
          ledger.addBatch();
        }
        entry.executeBatch();
        ledger.executeBatch();
        end.executeBatch();
        event.executeBatch();
        block.executeBatch();
        blocked.executeBatch();
      }
      c.commit();
    }
  }

  private static void addEntry(PreparedStatement entry, long account, String type, BigDecimal amount,
      BigDecimal limitChange, BigDecimal[] after, String key, long promise, String description, Timestamp now)
      throws Exception {
    entry.setLong(1, account);
    entry.setString(2, type);
    entry.setBigDecimal(3, amount);
    entry.setBigDecimal(4, limitChange);
    entry.setBigDecimal(5, after[0]);
    entry.setBigDecimal(6, after[1]);
    entry.setString(7, key);
    entry.setLong(8, promise);
    entry.setString(9, description);
    entry.setTimestamp(10, now);
    entry.addBatch();
  }

  private static void addEvent(PreparedStatement event, long account, String type, String detail, Timestamp now)
      throws Exception {
    event.setLong(1, account);
    event.setString(2, type);
    event.setTimestamp(3, now);
    event.setString(4, detail);
    event.addBatch();
  }
}
