package com.resellerhub.billing.billingday;

import com.resellerhub.billing.billingday.BillingDayRules.Term;
import com.resellerhub.billing.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing day's reads: which accounts have work today, and their subscriptions due for a renewal, a
 * prolongation or an act. One read model over the subscription, plan, order and act tables (plain JDBC, never
 * loading entities), so thousands of subscriptions are read page by page; all writes go through the owning
 * features' services. The windows come from {@link BillingDayRules}; the rules are applied once more to every row.
 */
@Component
class BillingDayQueries {

  private static final String ACTIVE = "s.trial = FALSE AND s.status IN ('ACTIVE', 'DELIVERED', 'PAYMENT_OVERDUE')";

  private static final String RENEWAL = "p.billing_model = 'PREPAY' AND s.auto_renew = TRUE"
      + " AND s.expires_on >= ? AND s.expires_on <= ?"
      + " AND NOT EXISTS (SELECT 1 FROM customer_order o WHERE o.subscription_id = s.id AND o.type = 'RENEWAL'"
      + " AND o.period_start = s.expires_on)";

  private static final String PROLONGATION = "p.billing_model = 'PREPAY' AND s.paid_until IS NOT NULL"
      + " AND s.paid_until < s.expires_on AND s.paid_until >= ? AND s.paid_until <= ?"
      + " AND NOT EXISTS (SELECT 1 FROM customer_order o WHERE o.subscription_id = s.id AND o.type = 'PROLONGATION'"
      + " AND o.period_start = s.paid_until)";

  private static final String ACT = "p.billing_model = 'POSTPAY' AND p.price > 0 AND s.expires_on <= ?"
      + " AND NOT EXISTS (SELECT 1 FROM postpay_act_line l WHERE l.subscription_id = s.id"
      + " AND l.period_start = s.term_starts_on)";

  private static final String TERM_COLUMNS = "s.id, s.account_id, s.plan_id, s.starts_on, s.term_starts_on,"
      + " s.expires_on, s.paid_until, s.auto_renew, s.grace_period_days, p.price, p.currency, p.billing_period,"
      + " p.instalment_period";

  private final JdbcTemplate jdbc;

  BillingDayQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next page of accounts (ids above {@code afterAccountId}, ascending) with anything due today. */
  List<Long> accountsWithWork(LocalDate today, BillingDaySettings settings, long afterAccountId) {
    LocalDate[] renewal = BillingDayRules.renewalExpiries(today, settings.renewalLeadDays());
    LocalDate[] prolongation = BillingDayRules.prolongationPaidUntils(today, settings.prolongationLeadDays());
    return jdbc.queryForList("SELECT DISTINCT s.account_id FROM subscription s JOIN plan p ON p.id = s.plan_id"
            + " WHERE s.account_id > ? AND " + ACTIVE + " AND ((" + RENEWAL + ") OR (" + PROLONGATION + ") OR (" + ACT
            + ")) ORDER BY s.account_id LIMIT ?", Long.class, afterAccountId, renewal[0], renewal[1],
        prolongation[0], prolongation[1], today, settings.pageSize());
  }

  /**
   * Locks the accounts' rows in id order ({@code SELECT ... FOR UPDATE}): runs on several nodes, or twice at once,
   * work on one account one after another, and the second finds the first's orders and acts.
   */
  void lockAccounts(List<Long> accountIds) {
    for (List<Long> chunk : Jdbc.chunks(accountIds)) {
      jdbc.queryForList("SELECT id FROM account WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") ORDER BY id FOR UPDATE", Long.class, chunk.toArray());
    }
  }

  List<Term> renewals(List<Long> accountIds, LocalDate today, BillingDaySettings settings) {
    LocalDate[] window = BillingDayRules.renewalExpiries(today, settings.renewalLeadDays());
    return terms(RENEWAL, accountIds, window[0], window[1]);
  }

  List<Term> prolongations(List<Long> accountIds, LocalDate today, BillingDaySettings settings) {
    LocalDate[] window = BillingDayRules.prolongationPaidUntils(today, settings.prolongationLeadDays());
    return terms(PROLONGATION, accountIds, window[0], window[1]);
  }

  List<Term> closedPostpayTerms(List<Long> accountIds, LocalDate today) {
    return terms(ACT, accountIds, today);
  }

  private List<Term> terms(String condition, List<Long> accountIds, Object... conditionArgs) {
    List<Term> terms = new ArrayList<>();
    for (List<Long> chunk : Jdbc.chunks(accountIds)) {
      List<Object> args = new ArrayList<>(chunk);
      args.addAll(List.of(conditionArgs));
      terms.addAll(jdbc.query("SELECT " + TERM_COLUMNS + " FROM subscription s JOIN plan p ON p.id = s.plan_id"
          + " WHERE s.account_id IN (" + Jdbc.placeholders(chunk.size()) + ") AND " + ACTIVE + " AND " + condition
          + " ORDER BY s.account_id, s.id", (rs, n) -> term(rs), args.toArray()));
    }
    return terms;
  }

  private static Term term(ResultSet rs) throws SQLException {
    String instalment = rs.getString("instalment_period");
    return new Term(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("plan_id"), rs.getBigDecimal("price"),
        rs.getString("currency"), Period.parse(rs.getString("billing_period")),
        instalment == null ? null : Period.parse(instalment), Jdbc.date(rs, "starts_on"),
        Jdbc.date(rs, "term_starts_on"), Jdbc.date(rs, "expires_on"), Jdbc.date(rs, "paid_until"),
        rs.getBoolean("auto_renew"), rs.getInt("grace_period_days"));
  }
}
