package com.resellerhub.billing.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.promise.process.PromisedPaymentProcess;
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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *   <li>moves the clock one minute past that minute and times the expiry sweep (its poll included) until every promise
 *       is closed and every instance ended;</li>
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

  private static final BigDecimal AMOUNT = new BigDecimal("100.0000");
  private static final BigDecimal PERCENT = new BigDecimal("1.0000");
  private static final int DAYS = 2;
  private static final int THREADS = 4;
  private static final int CHUNK = 500;

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired RuntimeService runtime;
  @Autowired TransactionTemplate transactions;
  @Autowired java.time.Clock clock;
  @Autowired PromiseExpirySettings sweep;

  record Set(long firstAccount, long lastAccount, long firstPromise, long lastPromise, int negative) {}

  record Row(int n, double setup, double engine, double jdbcSeconds, String history) {}

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
        BENCHMARK |      N | setup s | engine s | engine/s | JDBC s | JDBC/s | ratio | within 60 s |
        """, jdbc.queryForObject("select version()", String.class), DAYS, sweep.enabled() ? "on, poll "
        + sweep.poll() + ", chunks of " + sweep.chunkSize() + ", " + sweep.threads() + " threads" : "off (each"
        + " promise closed by its own timer on the job executor: " + System.getProperty("benchmark.executor",
        "application.yml") + ")"));
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "BENCHMARK | %6d | %7.1f | %8.1f | %8.0f | %6.1f | %6.0f | %5.2f | %s |%n",
          r.n(), r.setup(), r.engine(), r.n() / r.engine(), r.jdbcSeconds(), r.n() / r.jdbcSeconds(),
          r.jdbcSeconds() / r.engine(), r.engine() <= 60 ? "yes" : "NO"));
    }
    out.append("BENCHMARK history per promise (wait to end, N=" + rows.get(rows.size() - 1).n() + "): "
        + rows.get(rows.size() - 1).history() + "\n");
    out.append("BENCHMARK double charges:    " + doubleCharges() + "\n");
    System.out.println(out);
  }

  private Row measure(int n, EngineClock engineClock) throws Exception {
    // the minute the promises end in: three days ahead of the clock, so no timer is due while they are created
    Instant minute = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    long setupStart = System.nanoTime();
    Set engineSet = create(n, minute, "bench-promise-e" + n + "-" + minute.getEpochSecond());
    startInstances(engineSet, minute);
    Set jdbcSet = create(n, minute, "bench-promise-j" + n + "-" + minute.getEpochSecond());
    double setup = (System.nanoTime() - setupStart) / 1e9;
    HistoryFootprint before = HistoryFootprint.take(jdbc);

    engineClock.set(minute.plus(Duration.ofMinutes(1)));
    long start = System.nanoTime();
    await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(250)).until(() -> open(engineSet) == 0);
    double engine = (System.nanoTime() - start) / 1e9;
    String history = HistoryFootprint.take(jdbc).since(before, n, "promise");
    check(engineSet, n, true);

    long jdbcStart = System.nanoTime();
    plainJdbc(jdbcSet, minute.plus(Duration.ofMinutes(1)));
    double jdbcSeconds = (System.nanoTime() - jdbcStart) / 1e9;
    check(jdbcSet, n, false);
    return new Row(n, setup, engine, jdbcSeconds, history);
  }

  /** Promises not closed yet or instances not ended. */
  private long open(Set set) {
    Long running = jdbc.queryForObject("select count(*) from promised_payment where id between ? and ? and status"
        + " = 'ACTIVE'", Long.class, set.firstPromise(), set.lastPromise());
    Long instances = jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ ="
        + " e.PROC_DEF_ID_ where d.KEY_ = ? and e.PARENT_ID_ is null and cast(e.BUSINESS_KEY_ as unsigned) between ?"
        + " and ?", Long.class, PromisedPaymentProcess.PROCESS_KEY, set.firstPromise(), set.lastPromise());
    return running + instances;
  }

  /** N accounts with ledgers (credit limit 100 granted) and one ACTIVE promise each, ending within {@code minute}. */
  private Set create(int n, Instant minute, String prefix) throws Exception {
    long reseller = jdbc.queryForObject("select id from reseller order by id limit 1", Long.class);
    Timestamp now = Timestamp.from(clock.instant());
    Timestamp taken = Timestamp.from(minute.minus(Duration.ofDays(DAYS)));
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("insert into account (reseller_id, name, status, created_at,"
          + " version, postpay_permission) values (?, ?, 'ACTIVE', ?, 0, 'APPROVED')")) {
        for (int i = 0; i < n; i++) {
          ps.setLong(1, reseller);
          ps.setString(2, prefix + "-" + i);
          ps.setTimestamp(3, now);
          ps.addBatch();
          if (i % 5000 == 4999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      long first = accountId(c, prefix, "min");
      long last = accountId(c, prefix, "max");
      try (PreparedStatement ledger = c.prepareStatement("insert into ledger_account (account_id, currency, balance,"
          + " credit_limit, updated_at) values (?, 'EUR', ?, ?, ?)");
          PreparedStatement promise = c.prepareStatement("insert into promised_payment (account_id, offer_id, amount,"
              + " computed, duration_days, connection_fee, commission_percent, charge_method, status, origin,"
              + " created_by, taken_at, ends_at, granted_at, received, commission, ended_negative, version)"
              + " values (?, null, ?, false, ?, 0, ?, 'DAILY', 'ACTIVE', 'OPERATOR_API', 'benchmark', ?, ?, ?, 0, 0,"
              + " false, 0)")) {
        for (long account = first; account <= last; account++) {
          ledger.setLong(1, account);
          ledger.setBigDecimal(2, negative(account - first) ? new BigDecimal("-30.0000") : new BigDecimal("50.0000"));
          ledger.setBigDecimal(3, AMOUNT);
          ledger.setTimestamp(4, now);
          ledger.addBatch();
          promise.setLong(1, account);
          promise.setBigDecimal(2, AMOUNT);
          promise.setInt(3, DAYS);
          promise.setBigDecimal(4, PERCENT);
          promise.setTimestamp(5, taken);
          promise.setTimestamp(6, Timestamp.from(minute.plusSeconds((account - first) % 60)));
          promise.setTimestamp(7, taken);
          promise.addBatch();
          if ((account - first) % 5000 == 4999) {
            ledger.executeBatch();
            promise.executeBatch();
          }
        }
        ledger.executeBatch();
        promise.executeBatch();
      }
      c.commit();
      long[] promises = jdbc.queryForObject("select min(id), max(id) from promised_payment where account_id between ?"
          + " and ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, first, last);
      int negative = 0;
      for (long a = first; a <= last; a++) {
        negative += negative(a - first) ? 1 : 0;
      }
      return new Set(first, last, promises[0], promises[1], negative);
    }
  }

  private static boolean negative(long index) {
    return index % 10 == 9;
  }

  private static long accountId(Connection c, String prefix, String fn) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("select " + fn + "(id) from account where name like ?")) {
      ps.setString(1, prefix + "-%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Each promise's instance, waiting for its end as after its grant; 500 per transaction, 4 threads. */
  private void startInstances(Set set, Instant minute) throws Exception {
    List<long[]> rows = jdbc.query("select id, account_id, ends_at from promised_payment where id between ? and ?",
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).getTime()}, set.firstPromise(),
        set.lastPromise());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < rows.size(); from += CHUNK) {
        List<long[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
        done.add(pool.submit(() -> transactions.executeWithoutResult(t -> chunk.forEach(r -> runtime
            .createProcessInstanceByKey(PromisedPaymentProcess.PROCESS_KEY).businessKey(String.valueOf(r[0]))
            .setVariable(PromisedPaymentProcess.Variables.PROMISE_ID, r[0])
            .setVariable(PromisedPaymentProcess.Variables.ACCOUNT_ID, r[1])
            .setVariable(PromisedPaymentProcess.Variables.ENDS_AT, new Date(r[2]))
            .setVariable(PromisedPaymentProcess.Variables.CLOSE_BY, Date.from(sweep.closeBy(Instant.ofEpochMilli(r[2]))))
            .startBeforeActivity(PromisedPaymentProcess.Elements.WAIT).execute()))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(open(set)).isEqualTo(2L * rows.size());
  }

  private void check(Set set, int n, boolean engine) {
    // the commission the rules give a 2-day promise (PROM-4): one entry per charging period held
    List<Commission.Charge> charges = Commission.charges(AMOUNT, false, PERCENT, ChargeMethod.DAILY, DAYS,
        LocalDate.parse("2047-01-01"), LocalDate.parse("2047-01-01").plusDays(DAYS));
    BigDecimal commission = Commission.total(charges);
    Object[] p = {set.firstPromise(), set.lastPromise(), commission};
    Object[] a = {set.firstAccount(), set.lastAccount()};
    assertThat(jdbc.queryForObject("select count(*) from promised_payment where id between ? and ? and status ="
        + " 'EXPIRED' and commission = ?", Integer.class, p)).as("promises expired with %s commission: %s", commission,
        jdbc.queryForList("select status, commission, count(*) n from promised_payment where id between ? and ?"
            + " group by status, commission", set.firstPromise(), set.lastPromise())).isEqualTo(n);
    assertThat(jdbc.queryForObject("select count(*) from ledger_entry where account_id between ? and ? and type ="
        + " 'COMMISSION'", Integer.class, a)).as("commission entries").isEqualTo(charges.size() * n);
    assertThat(jdbc.queryForObject("select count(*) from ledger_entry where account_id between ? and ? and"
        + " credit_limit_change = -100", Integer.class, a)).as("withdrawals").isEqualTo(n);
    assertThat(jdbc.queryForObject("select count(*) from ledger_account where account_id between ? and ? and"
        + " credit_limit <> 0", Integer.class, a)).as("credit limits left").isZero();
    assertThat(jdbc.queryForObject("select count(*) from ledger_account l where l.account_id between ? and ? and"
        + " l.balance <> (select coalesce(sum(e.amount), 0) from ledger_entry e where e.account_id = l.account_id)"
        + " + case when (l.account_id - ?) % 10 = 9 then -30 else 50 end", Integer.class, set.firstAccount(),
        set.lastAccount(), set.firstAccount())).as("balances equal their ledgers").isZero();
    assertThat(jdbc.queryForObject("select count(*) from account where id between ? and ? and status = 'BLOCKED'",
        Integer.class, a)).as("blocked accounts").isEqualTo(set.negative());
    assertThat(jdbc.queryForObject("select count(*) from account_block where account_id between ? and ? and cause ="
        + " 'PROMISED_PAYMENT_EXPIRED' and lifted_at is null", Integer.class, a)).as("blocks").isEqualTo(set.negative());
    assertThat(doubleCharges()).as("double charges").isZero();
    if (engine) {
      assertThat(open(set)).isZero();
      assertThat(jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class)).as("incidents").isZero();
      assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and STATE_ ="
          + " 'COMPLETED' and cast(BUSINESS_KEY_ as unsigned) between ? and ?", Integer.class,
          PromisedPaymentProcess.PROCESS_KEY, set.firstPromise(), set.lastPromise())).as("instances completed")
          .isEqualTo(n);
    }
  }

  private int doubleCharges() {
    return jdbc.queryForObject("select count(*) from (select idempotency_key from ledger_entry where idempotency_key"
        + " like 'promise:%' group by idempotency_key having count(*) > 1) d", Integer.class);
  }

  /**
   * The same ledger work in plain JDBC: chunks of {@value #CHUNK} promises, {@value #THREADS} threads, each in one
   * transaction: lock the promises and their ledger rows, insert the three commission entries and the withdrawal
   * (keys as the engine's), update the balances and credit limits, end the promises, one account event each, and
   * for the negative ones the block row, the account BLOCKED and its event.
   */
  private void plainJdbc(Set set, Instant now) throws Exception {
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
