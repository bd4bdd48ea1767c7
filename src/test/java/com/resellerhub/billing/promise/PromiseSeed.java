package com.resellerhub.billing.promise;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.promise.process.PromisedPaymentProcess;
import com.resellerhub.billing.support.BulkAccounts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many granted promises at once, for the expiry benchmark and the expiry sweep's cluster tests: N new accounts with
 * ledgers (credit limit 100 granted), one ACTIVE promise of 100.00 for 2 days at 1 % a day (DAILY) each, ending within
 * one minute, and each promise's {@code promised-payment} instance waiting for its end (started at the wait, the grant
 * already in the ledger). Every tenth account has spent into the credit (balance -30, the others +50), so its promise
 * ends below zero and blocks it. {@link #check} is the audit of what closing them must leave.
 */
public final class PromiseSeed {

  public static final BigDecimal AMOUNT = new BigDecimal("100.0000");
  public static final BigDecimal PERCENT = new BigDecimal("1.0000");
  public static final int DAYS = 2;
  private static final int THREADS = 4;
  private static final int CHUNK = 500;

  /** The accounts and promises made (consecutive ids), and how many end below zero. */
  public record Seeded(long firstAccount, long lastAccount, long firstPromise, long lastPromise, int negative) {
    public int size() {
      return (int) (lastPromise - firstPromise + 1);
    }
  }

  private PromiseSeed() {}

  /** N accounts and promises whose days end within {@code minute} (one every second of it). */
  public static Seeded create(JdbcTemplate jdbc, int n, Instant minute, String prefix, Instant now) throws Exception {
    Timestamp at = Timestamp.from(now);
    Timestamp taken = Timestamp.from(minute.minus(Duration.ofDays(DAYS)));
    try (Connection c = jdbc.getDataSource().getConnection()) {
      c.setAutoCommit(false);
      BulkAccounts.Range range = BulkAccounts.insert(c, prefix, n, now);
      long first = range.first();
      long last = range.last();
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
          ledger.setTimestamp(4, at);
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
      return new Seeded(first, last, promises[0], promises[1], negative);
    }
  }

  private static boolean negative(long index) {
    return index % 10 == 9;
  }


  /**
   * Each promise's instance, waiting for its end as after its grant; 500 per transaction, 4 threads. {@code closeBy}
   * gives the backstop timer's date from the promise's end.
   */
  public static void startInstances(JdbcTemplate jdbc, RuntimeService runtime, TransactionTemplate transactions,
      Seeded set, UnaryOperator<Instant> closeBy) throws Exception {
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
            .setVariable(PromisedPaymentProcess.Variables.CLOSE_BY,
                Date.from(closeBy.apply(Instant.ofEpochMilli(r[2]))))
            .startBeforeActivity(PromisedPaymentProcess.Elements.WAIT).execute()))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(open(jdbc, set)).isEqualTo(2L * rows.size());
  }

  /** Promises not closed yet (their money not committed). */
  public static long active(JdbcTemplate jdbc, Seeded set) {
    return jdbc.queryForObject("select count(*) from promised_payment where id between ? and ? and status"
        + " = 'ACTIVE'", Long.class, set.firstPromise(), set.lastPromise());
  }

  /** Promises not closed yet plus instances not ended. */
  public static long open(JdbcTemplate jdbc, Seeded set) {
    long running = active(jdbc, set);
    Long instances = jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ ="
        + " e.PROC_DEF_ID_ where d.KEY_ = ? and e.PARENT_ID_ is null and cast(e.BUSINESS_KEY_ as unsigned) between ?"
        + " and ?", Long.class, PromisedPaymentProcess.PROCESS_KEY, set.firstPromise(), set.lastPromise());
    return running + instances;
  }

  /**
   * PROM-4, PROM-5, exactly once: every promise EXPIRED at its end with its commission (one entry per day held), one
   * withdrawal each, credit limits back at zero, balances equal to their opening balance plus their entries, exactly
   * the negative accounts blocked, once, and no ledger key twice. With {@code instances}, also: none left running, no
   * incident, every instance COMPLETED.
   */
  public static void check(JdbcTemplate jdbc, Seeded set, boolean instances) {
    int n = set.size();
    List<Commission.Charge> charges = Commission.charges(AMOUNT, false, PERCENT, ChargeMethod.DAILY, DAYS,
        LocalDate.parse("2047-01-01"), LocalDate.parse("2047-01-01").plusDays(DAYS));
    BigDecimal commission = Commission.total(charges);
    Object[] p = {set.firstPromise(), set.lastPromise(), commission};
    Object[] a = {set.firstAccount(), set.lastAccount()};
    assertThat(jdbc.queryForObject("select count(*) from promised_payment where id between ? and ? and status ="
        + " 'EXPIRED' and commission = ?", Integer.class, p)).as("promises expired with %s commission: %s", commission,
        jdbc.queryForList("select status, commission, count(*) n from promised_payment where id between ? and ?"
            + " group by status, commission", set.firstPromise(), set.lastPromise())).isEqualTo(n);
    assertThat(jdbc.queryForObject("select count(*) from promised_payment where id between ? and ? and ended_at ="
        + " ends_at", Integer.class, set.firstPromise(), set.lastPromise())).as("promises ended at their end")
        .isEqualTo(n);
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
    assertThat(jdbc.queryForObject("select count(*) from promised_payment where id between ? and ? and"
        + " ended_negative = true", Integer.class, set.firstPromise(), set.lastPromise())).as("ended below zero")
        .isEqualTo(set.negative());
    assertThat(jdbc.queryForObject("select count(*) from account_event where account_id between ? and ? and type ="
        + " 'PROMISED_PAYMENT_ENDED'", Integer.class, a)).as("'promised payment ended' events").isEqualTo(n);
    assertThat(doubleCharges(jdbc)).as("ledger keys recorded twice").isZero();
    if (instances) {
      assertThat(open(jdbc, set)).isZero();
      assertThat(incidents(jdbc)).as("incidents of promises").isEmpty();
      assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and STATE_ ="
          + " 'COMPLETED' and cast(BUSINESS_KEY_ as unsigned) between ? and ?", Integer.class,
          PromisedPaymentProcess.PROCESS_KEY, set.firstPromise(), set.lastPromise())).as("instances completed")
          .isEqualTo(n);
      assertThat(endedThrough(jdbc, set, PromisedPaymentProcess.Elements.ACCOUNT_BLOCKED))
          .as("instances ended at \"Account blocked\"").isEqualTo(set.negative());
    }
  }

  /**
   * Ledger keys of promises recorded more than once: the database's unique key forbids it, so this guards the
   * schema (a dropped or changed constraint) as much as the code.
   */
  public static int doubleCharges(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from (select idempotency_key from ledger_entry where idempotency_key"
        + " like 'promise:%' group by idempotency_key having count(*) > 1) d", Integer.class);
  }

  /**
   * The incidents of promised-payment instances. (Only theirs: other tests in the same JVM move the engine's clock,
   * so another process's timer on a shared database may fail for reasons of its own, such as a mail server that the
   * cluster's nodes do not have.)
   */
  public static List<java.util.Map<String, Object>> incidents(JdbcTemplate jdbc) {
    return jdbc.queryForList("select i.ACTIVITY_ID_, i.INCIDENT_MSG_, e.BUSINESS_KEY_ from ACT_RU_INCIDENT i join"
        + " ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_ left join ACT_RU_EXECUTION e on e.ID_ = i.PROC_INST_ID_"
        + " where d.KEY_ = ?", PromisedPaymentProcess.PROCESS_KEY);
  }

  /** How many of the set's instances ended through this element (history). */
  public static int endedThrough(JdbcTemplate jdbc, Seeded set, String activityId) {
    return jdbc.queryForObject("select count(*) from ACT_HI_ACTINST a join ACT_HI_PROCINST p on p.ID_ ="
        + " a.PROC_INST_ID_ where a.ACT_ID_ = ? and p.PROC_DEF_KEY_ = ? and cast(p.BUSINESS_KEY_ as unsigned)"
        + " between ? and ?", Integer.class, activityId, PromisedPaymentProcess.PROCESS_KEY, set.firstPromise(),
        set.lastPromise());
  }
}
