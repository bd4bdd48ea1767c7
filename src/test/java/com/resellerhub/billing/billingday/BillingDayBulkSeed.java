package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.BulkAccounts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The billing-day benchmarks' data (issue 6, issue 16): N payments awaiting payment that expire on one date, 5 per
 * account, created with set-based and batched inserts in one transaction: on half of the accounts ORDER payments of
 * RENEWAL orders of auto-renewing monthly subscriptions expiring that day, on the other half postpay act payments; all
 * of 10.00; every tenth account has too little balance for its payments, so some are not paid. {@link #check} then
 * proves every outcome. Used by {@link BillingDayBenchmark} (one node) and the two-node job-executor benchmark.
 */
public final class BillingDayBulkSeed {

  private static final BigDecimal AMOUNT = new BigDecimal("10.0000");
  private static final int PER_ACCOUNT = 5;

  private BillingDayBulkSeed() {}

  /** What a set of accounts and payments should end as. */
  public record Expected(long firstAccount, long lastAccount, int accounts, int paid, int notPaid) {}

  /**
   * N act payments of 10.00 expiring on {@code day} over N/5 new accounts with ledgers: 50.00 each (all five paid), or
   * 25.00 for every tenth account (two paid, three not).
   */
  public static Expected create(JdbcTemplate jdbc, int n, LocalDate day, String prefix) throws Exception {
    int accounts = Math.max(2, n / PER_ACCOUNT);
    LocalDateTime now = LocalDateTime.now();
    long first;
    long last;
    try (Connection c = jdbc.getDataSource().getConnection()) {
      c.setAutoCommit(false);
      BulkAccounts.Range range = BulkAccounts.insert(c, prefix, accounts, now.toInstant(ZoneOffset.UTC));
      first = range.first();
      last = range.last();
      try (PreparedStatement ledger = c.prepareStatement("insert into ledger_account (account_id, currency, balance,"
          + " credit_limit, updated_at) values (?, 'EUR', ?, 0, ?)");
          PreparedStatement payment = c.prepareStatement("insert into payment (account_id, type, model, status,"
              + " amount, currency, due_date, expires_on, created_by, created_at) values (?, 'ACT', 'POSTPAY',"
              + " 'AWAITING_PAYMENT', ?, 'EUR', ?, ?, 'benchmark', ?)")) {
        for (long account = first; account <= last; account++) {
          boolean poor = (account - first) % 10 == 9;
          ledger.setLong(1, account);
          ledger.setBigDecimal(2, poor ? new BigDecimal("25.0000") : new BigDecimal("50.0000"));
          ledger.setObject(3, now);
          ledger.addBatch();
          if ((account - first) % 2 == 1) {
            for (int p = 0; p < PER_ACCOUNT; p++) {
              payment.setLong(1, account);
              payment.setBigDecimal(2, AMOUNT);
              payment.setObject(3, day.minusDays(1));
              payment.setObject(4, day);
              payment.setObject(5, now);
              payment.addBatch();
            }
          }
          if ((account - first) % 2000 == 1999) {
            ledger.executeBatch();
            payment.executeBatch();
          }
        }
        ledger.executeBatch();
        payment.executeBatch();
      }
      renewals(jdbc, c, prefix, first, day, now);
      c.commit();
    }
    int poorAccounts = 0;
    for (long a = first; a <= last; a++) {
      if ((a - first) % 10 == 9) {
        poorAccounts++;
      }
    }
    int notPaid = poorAccounts * 3;
    int payments = accounts * PER_ACCOUNT;
    return new Expected(first, last, accounts, payments - notPaid, notPaid);
  }

  /**
   * On the even accounts (counted from the first): five auto-renewing monthly subscriptions each, a month old and
   * expiring on {@code day}, with their RENEWAL orders (created three days before) and their ORDER payments of 10.00
   * due and expiring on {@code day}: set-based inserts.
   */
  private static void renewals(JdbcTemplate jdbc, Connection c, String prefix, long first, LocalDate day,
      LocalDateTime now) throws Exception {
    long plan = jdbc.queryForObject("select id from plan where billing_model = 'PREPAY' and billing_period = 'P1M'"
        + " and instalment_period is null order by id limit 1", Long.class);
    String numbers = "(select 1 n union all select 2 union all select 3 union all select 4 union all select 5) k";
    try (PreparedStatement ps = c.prepareStatement("insert into customer_order (account_id, plan_id, type, trial,"
        + " needs_approval, status, price, currency, created_by, created_via, created_at, provisioned_at, version,"
        + " cancelled_by_decline) select a.id, ?, 'NEW', false, false, 'PROVISIONED', 10, 'EUR', ?, 'OPERATOR_API', ?, ?,"
        + " 0, false from account a cross join " + numbers + " where a.name like ? and mod(a.id - ?, 2) = 0")) {
      ps.setLong(1, plan);
      ps.setString(2, prefix + "-new");
      ps.setObject(3, now.minusMonths(1));
      ps.setObject(4, now.minusMonths(1));
      ps.setString(5, prefix + "-%");
      ps.setLong(6, first);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("insert into subscription (account_id, plan_id, order_id, trial,"
        + " status, starts_on, expires_on, paid_until, auto_renew, grace_period_days, created_at, version,"
        + " term_starts_on) select o.account_id, o.plan_id, o.id, false, 'ACTIVE', ?, ?, ?, true, 0, ?, 0, ?"
        + " from customer_order o where o.created_by = ?")) {
      ps.setObject(1, day.minusMonths(1));
      ps.setObject(2, day);
      ps.setObject(3, day);
      ps.setObject(4, now.minusMonths(1));
      ps.setObject(5, day.minusMonths(1));
      ps.setString(6, prefix + "-new");
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("update customer_order o join subscription s on s.order_id = o.id"
        + " set o.subscription_id = s.id where o.created_by = ?")) {
      ps.setString(1, prefix + "-new");
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("insert into customer_order (account_id, plan_id, type, trial,"
        + " needs_approval, status, price, currency, created_by, created_via, created_at, version,"
        + " cancelled_by_decline, subscription_id, period_start) select s.account_id, s.plan_id, 'RENEWAL', false,"
        + " false, 'AWAITING_PAYMENT', 10, 'EUR', ?, 'OPERATOR_API', ?, 0, false, s.id, s.expires_on"
        + " from subscription s join customer_order o on o.id = s.order_id where o.created_by = ?")) {
      ps.setString(1, prefix + "-renewal");
      ps.setObject(2, day.minusDays(3).atTime(2, 0));
      ps.setString(3, prefix + "-new");
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("insert into payment (account_id, type, model, status, amount,"
        + " currency, due_date, expires_on, created_by, created_at) select o.account_id, 'ORDER', 'PREPAY',"
        + " 'AWAITING_PAYMENT', 10, 'EUR', ?, ?, concat('bench-r', o.id), ? from customer_order o"
        + " where o.created_by = ?")) {
      ps.setObject(1, day);
      ps.setObject(2, day);
      ps.setObject(3, day.minusDays(3).atTime(2, 0));
      ps.setString(4, prefix + "-renewal");
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("insert into payment_order (payment_id, order_id) select p.id,"
        + " o.id from payment p join customer_order o on o.id = cast(substring(p.created_by, 8) as unsigned)"
        + " where p.created_by like 'bench-r%' and o.created_by = ?")) {
      ps.setString(1, prefix + "-renewal");
      ps.executeUpdate();
    }
  }

  /** Every payment of the set settled as expected on {@code day}, exactly one debit each, balances equal to their ledgers. */
  public static void check(JdbcTemplate jdbc, Expected set, LocalDate day) {
    Integer paid = jdbc.queryForObject("select count(*) from payment where account_id between ? and ?"
        + " and status = 'PAID_FROM_BALANCE'", Integer.class, set.firstAccount(), set.lastAccount());
    Integer open = jdbc.queryForObject("select count(*) from payment where account_id between ? and ?"
        + " and status in ('AWAITING_PAYMENT', 'OVERDUE')", Integer.class, set.firstAccount(), set.lastAccount());
    Integer debits = jdbc.queryForObject("select count(*) from ledger_entry where account_id between ? and ?"
        + " and type = 'PAYMENT_DEBIT'", Integer.class, set.firstAccount(), set.lastAccount());
    Integer skipNotes = jdbc.queryForObject("select count(distinct e.payment_id) from payment_event e join payment p"
        + " on p.id = e.payment_id where p.account_id between ? and ? and e.kind = 'AUTO_DEBIT_SKIPPED'",
        Integer.class, set.firstAccount(), set.lastAccount());
    Integer wrongBalances = jdbc.queryForObject("select count(*) from ledger_account l where l.account_id between ?"
        + " and ? and l.balance <> (select coalesce(sum(e.amount), 0) from ledger_entry e where e.account_id ="
        + " l.account_id) + case when (l.account_id - ?) % 10 = 9 then 25 else 50 end", Integer.class,
        set.firstAccount(), set.lastAccount(), set.firstAccount());
    assertThat(paid).as("paid on %s", day).isEqualTo(set.paid());
    assertThat(open).as("not paid on %s", day).isEqualTo(set.notPaid());
    assertThat(debits).as("one debit per paid payment on %s", day).isEqualTo(set.paid());
    assertThat(skipNotes).as("every unpaid payment says why (%s)", day).isEqualTo(set.notPaid());
    assertThat(wrongBalances).as("balances equal the opening balance plus their entries").isZero();
    Integer renewedSubscriptions = jdbc.queryForObject("select count(*) from subscription where account_id between ?"
        + " and ? and expires_on = ? and status = 'ACTIVE'", Integer.class, set.firstAccount(), set.lastAccount(),
        day.plusMonths(1));
    Integer paidRenewals = jdbc.queryForObject("select count(*) from payment where account_id between ? and ?"
        + " and type = 'ORDER' and status = 'PAID_FROM_BALANCE'", Integer.class, set.firstAccount(),
        set.lastAccount());
    assertThat(renewedSubscriptions).as("every paid renewal renewed its subscription (%s)", day).isEqualTo(paidRenewals)
        .isPositive();
    assertThat(doubleDebits(jdbc)).isZero();
  }

  /** Payments debited more than once, in the whole database. */
  public static int doubleDebits(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from (select reference_id from ledger_entry where type ="
        + " 'PAYMENT_DEBIT' and reference_type = 'PAYMENT' group by reference_id having count(*) > 1) d",
        Integer.class);
  }
}
