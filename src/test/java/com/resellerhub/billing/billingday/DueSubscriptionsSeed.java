package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.catalog.NewPlan;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.support.BulkAccounts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscriptions due on one day with nothing created for them yet (issue 16): N accounts, one subscription each, no
 * order and no payment, so the billing day's own creation step makes their renewals and prolongations. On the even
 * accounts (counted from the first) an auto-renewing monthly plan of 10.00 expiring on day E, on the odd ones an
 * annual plan paid monthly (10.00 an instalment), paid until E; every account holds 10.00, every tenth only 5.00.
 * {@link #checkCreated} and {@link #checkSettled} prove the outcome of the days E − 1 and E. Used by
 * {@link BillingDayScaleBenchmark} and {@link BillingDayCreationStepsIT}.
 */
final class DueSubscriptionsSeed {

  static final BigDecimal PRICE = new BigDecimal("10.0000");

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final long monthly;
  private final long annual;

  DueSubscriptionsSeed(JdbcTemplate jdbc, PlanService plans) {
    this.jdbc = jdbc;
    this.dataSource = jdbc.getDataSource();
    this.monthly = plan(plans, "bench-scale-monthly", "P1M", null, PRICE);
    this.annual = plan(plans, "bench-scale-annual", "P1Y", "P1M", PRICE.multiply(BigDecimal.valueOf(12)));
  }

  /** The accounts of one seed, their count and the day E. */
  record Cohort(String prefix, long first, long last, int n, LocalDate expiry) {

    int poor() {
      int poor = 0;
      for (long a = first; a <= last; a++) {
        if ((a - first) % 10 == 9) {
          poor++;
        }
      }
      return poor;
    }

    int paid() {
      return n - poor();
    }
  }

  private long plan(PlanService plans, String code, String period, String instalment, BigDecimal price) {
    List<Long> existing = jdbc.queryForList("select id from plan where code = ?", Long.class, code);
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    return plans.create(new NewPlan(code, code, BillingModel.PREPAY, price, null, period, false, null, false,
        instalment, 0)).getId();
  }

  /**
   * N accounts of the set with their ledgers (10.00, every tenth 5.00), a NEW order each, provisioned a while ago, and
   * its subscription: on the even accounts monthly, auto-renewing, expiring on {@code expiry}; on the odd ones annual,
   * paid monthly, paid until {@code expiry}. Set-based inserts in one transaction; nothing else.
   */
  Cohort seed(String prefix, int n, LocalDate expiry) throws Exception {
    LocalDateTime now = LocalDateTime.now();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      BulkAccounts.Range range = BulkAccounts.insert(c, prefix, n, now.toInstant(ZoneOffset.UTC));
      long first = range.first();
      long last = range.last();
      update(c, "insert into ledger_account (account_id, currency, balance, credit_limit, updated_at) select id,"
          + " 'EUR', case when mod(id - ?, 10) = 9 then 5 else 10 end, 0, ? from account where id between ? and ?",
          first, now, first, last);
      update(c, "insert into customer_order (account_id, plan_id, type, trial, needs_approval, status, price,"
          + " currency, created_by, created_via, created_at, provisioned_at, version, cancelled_by_decline)"
          + " select id, case when mod(id - ?, 2) = 0 then ? else ? end, 'NEW', false, false, 'PROVISIONED', 10,"
          + " 'EUR', ?, 'OPERATOR_API', ?, ?, 0, false from account where id between ? and ?",
          first, monthly, annual, prefix, now.minusMonths(6), now.minusMonths(6), first, last);
      update(c, "insert into subscription (account_id, plan_id, order_id, trial, status, starts_on, term_starts_on,"
          + " expires_on, paid_until, auto_renew, grace_period_days, created_at, version) select o.account_id,"
          + " o.plan_id, o.id, false, 'ACTIVE', case when o.plan_id = ? then ? else ? end,"
          + " case when o.plan_id = ? then ? else ? end, case when o.plan_id = ? then ? else ? end, ?, true, 0, ?, 0"
          + " from customer_order o where o.account_id between ? and ? and o.created_by = ?",
          monthly, expiry.minusMonths(1), expiry.minusMonths(6), monthly, expiry.minusMonths(1),
          expiry.minusMonths(6), monthly, expiry, expiry.plusMonths(6), expiry, now.minusMonths(6), first, last,
          prefix);
      update(c, "update customer_order o join subscription s on s.order_id = o.id set o.subscription_id = s.id"
          + " where o.account_id between ? and ? and o.created_by = ?", first, last, prefix);
      c.commit();
      return new Cohort(prefix, first, last, n, expiry);
    }
  }

  private static void update(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private int count(String sql, Cohort set, Object... more) {
    Object[] args = new Object[2 + more.length];
    args[0] = set.first();
    args[1] = set.last();
    System.arraycopy(more, 0, args, 2, more.length);
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  /** The creation made one order and one payment awaiting payment per subscription, expiring on the expiry day. */
  void checkCreated(Cohort set) {
    assertThat(count("select count(*) from customer_order where account_id between ? and ? and type = 'RENEWAL'"
        + " and status = 'AWAITING_PAYMENT' and period_start = ?", set, set.expiry()))
        .as("renewals of %s", set.prefix()).isEqualTo((set.n() + 1) / 2);
    assertThat(count("select count(*) from customer_order where account_id between ? and ? and type ="
        + " 'PROLONGATION' and status = 'AWAITING_PAYMENT' and period_start = ?", set, set.expiry()))
        .as("prolongations of %s", set.prefix()).isEqualTo(set.n() / 2);
    assertThat(count("select count(*) from payment p join payment_order po on po.payment_id = p.id where"
        + " p.account_id between ? and ? and p.type = 'ORDER' and p.status = 'AWAITING_PAYMENT' and p.expires_on = ?",
        set, set.expiry())).as("one payment per order of %s", set.prefix()).isEqualTo(set.n());
    assertThat(count("select count(*) from payment_event e join payment p on p.id = e.payment_id where"
        + " p.account_id between ? and ? and e.kind = 'CREATED'", set)).as("history of %s", set.prefix())
        .isEqualTo(set.n());
  }

  /** Every payment paid once or still open with its reason; balances and subscriptions as the payments say. */
  void checkSettled(Cohort set) {
    int paid = count("select count(*) from payment where account_id between ? and ? and status ="
        + " 'PAID_FROM_BALANCE'", set);
    int open = count("select count(*) from payment where account_id between ? and ? and status ="
        + " 'AWAITING_PAYMENT'", set);
    int debits = count("select count(*) from ledger_entry where account_id between ? and ? and type ="
        + " 'PAYMENT_DEBIT'", set);
    int skipNotes = count("select count(distinct e.payment_id) from payment_event e join payment p on p.id ="
        + " e.payment_id where p.account_id between ? and ? and e.kind = 'AUTO_DEBIT_SKIPPED'", set);
    int wrongBalances = count("select count(*) from ledger_account l where l.account_id between ? and ? and"
        + " l.balance <> (select coalesce(sum(e.amount), 0) from ledger_entry e where e.account_id = l.account_id)"
        + " + case when mod(l.account_id - ?, 10) = 9 then 5 else 10 end", set, set.first());
    int renewed = count("select count(*) from subscription where account_id between ? and ? and expires_on = ?"
        + " and paid_until = ? and term_starts_on = ?", set, set.expiry().plusMonths(1), set.expiry().plusMonths(1),
        set.expiry());
    int prolonged = count("select count(*) from subscription where account_id between ? and ? and expires_on = ?"
        + " and paid_until = ?", set, set.expiry().plusMonths(6), set.expiry().plusMonths(1));
    assertThat(paid).as("paid in %s", set.prefix()).isEqualTo(set.paid());
    assertThat(open).as("not paid in %s", set.prefix()).isEqualTo(set.poor());
    assertThat(debits).as("one debit per paid payment in %s", set.prefix()).isEqualTo(set.paid());
    assertThat(skipNotes).as("every unpaid payment says why (%s)", set.prefix()).isEqualTo(set.poor());
    assertThat(wrongBalances).as("balances equal the opening balance plus their entries").isZero();
    assertThat(renewed + prolonged).as("every paid term extended (%s)", set.prefix()).isEqualTo(set.paid());
  }
}
