package com.resellerhub.billing.subscription;

import com.resellerhub.billing.platform.Text;
import com.resellerhub.billing.platform.Jdbc;
import com.resellerhub.billing.subscription.SubscriptionService.NewSubscription;
import com.resellerhub.billing.subscription.SubscriptionService.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * The plain SQL of {@code subscription}, behind {@link SubscriptionService}: every new row (one or hundreds), the
 * bulk changes of dates and status, and the billing runs' reads. JPA ({@link Subscription}) reads rows and writes
 * only a single subscription's status ({@link SubscriptionService#changeStatus}); both keep the optimistic
 * {@code version}: Hibernate for the entity, {@link #update} (the only UPDATE here) for the SQL, so a JPA copy loaded
 * before a bulk change fails its check rather than overwriting it.
 */
@Component
class SubscriptionRows {

  private static final String COLUMNS = "id, account_id, plan_id, trial, status, starts_on, term_starts_on,"
      + " expires_on, paid_until, auto_renew, grace_period_days";

  /** The statuses of a subscription the billing day bills (a commercial one, not suspended, cancelled or over). */
  private static final String BILLED = "trial = FALSE AND status IN ('ACTIVE', 'DELIVERED', 'PAYMENT_OVERDUE')";

  private final JdbcTemplate jdbc;

  SubscriptionRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts ACTIVE subscriptions opened on {@code today}, each with the dates of its request. */
  void insert(List<NewSubscription> requests, LocalDate today, Instant now) {
    jdbc.batchUpdate("INSERT INTO subscription (account_id, plan_id, order_id, trial, status, starts_on,"
        + " term_starts_on, expires_on, paid_until, auto_renew, grace_period_days, created_at, version)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", requests, requests.size(), (ps, r) -> {
          SubscriptionTerms.Opening dates = SubscriptionService.opening(r, today);
          ps.setLong(1, r.accountId());
          ps.setLong(2, r.planId());
          ps.setLong(3, r.orderId());
          ps.setBoolean(4, r.trial());
          ps.setString(5, SubscriptionStatus.ACTIVE.name());
          ps.setObject(6, dates.startsOn());
          ps.setObject(7, dates.startsOn());
          ps.setObject(8, dates.expiresOn());
          Jdbc.setDate(ps, 9, dates.paidUntil());
          ps.setBoolean(10, !r.trial());
          ps.setInt(11, r.gracePeriodDays());
          ps.setObject(12, Jdbc.utc(now));
        });
  }

  /** The subscriptions of these orders, by order id. */
  Map<Long, State> byOrder(Collection<Long> orderIds) {
    Map<Long, State> byOrder = new HashMap<>();
    for (List<Long> chunk : Jdbc.chunks(orderIds)) {
      jdbc.query("SELECT order_id, " + COLUMNS + " FROM subscription WHERE order_id IN ("
          + Jdbc.placeholders(chunk.size()) + ")", rs -> {
            byOrder.put(rs.getLong("order_id"), state(rs));
          }, chunk.toArray());
    }
    return byOrder;
  }

  /** The subscriptions with these ids (sorted, distinct), in id order; {@code lock}: {@code FOR UPDATE}. */
  Map<Long, State> byId(List<Long> sortedIds, boolean lock) {
    Map<Long, State> states = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(sortedIds)) {
      jdbc.query("SELECT " + COLUMNS + " FROM subscription WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") ORDER BY id" + (lock ? " FOR UPDATE" : ""), rs -> {
            State state = state(rs);
            states.put(state.id(), state);
          }, chunk.toArray());
    }
    return states;
  }

  /**
   * Sets new dates and (unless null) status on the subscriptions that still expire on {@code expectedExpiresOn};
   * returns the ids that changed, with their status before.
   */
  Map<Long, SubscriptionStatus> changeTerms(List<Long> ids, LocalDate expectedExpiresOn, LocalDate termStartsOn,
      LocalDate expiresOn, LocalDate paidUntil, SubscriptionStatus status) {
    Map<Long, SubscriptionStatus> changed = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(ids)) {
      List<Object> select = new ArrayList<>(chunk);
      select.add(expectedExpiresOn);
      Map<Long, SubscriptionStatus> matching = new LinkedHashMap<>();
      jdbc.query("SELECT id, status FROM subscription WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") AND expires_on = ? ORDER BY id", rs -> {
            matching.put(rs.getLong(1), SubscriptionStatus.valueOf(rs.getString(2)));
          }, select.toArray());
      List<Object> args = new ArrayList<>();
      args.add(termStartsOn);
      args.add(expiresOn);
      args.add(new SqlParameterValue(Types.DATE, paidUntil));
      args.add(new SqlParameterValue(Types.VARCHAR, status == null ? null : status.name()));
      args.addAll(chunk);
      args.add(expectedExpiresOn);
      jdbc.update(update("term_starts_on = ?, expires_on = ?, paid_until = ?,"
          + " status = COALESCE(?, status)", "id IN (" + Jdbc.placeholders(chunk.size()) + ") AND expires_on = ?"),
          args.toArray());
      changed.putAll(matching);
    }
    return changed;
  }

  /** An entry of a subscription's history to write. */
  record NewEvent(long subscriptionId, SubscriptionEventKind kind, SubscriptionStatus from, SubscriptionStatus to,
      String detail, String actor) {}

  /** Appends history entries (one JDBC batch), all at {@code now}: the one writer of {@code subscription_event}. */
  void events(List<NewEvent> events, Instant now) {
    if (events.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("INSERT INTO subscription_event (subscription_id, kind, from_status, to_status, detail, actor,"
        + " occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)", events, events.size(), (ps, e) -> {
          ps.setLong(1, e.subscriptionId());
          ps.setString(2, e.kind().name());
          ps.setString(3, e.from() == null ? null : e.from().name());
          ps.setString(4, e.to() == null ? null : e.to().name());
          ps.setString(5, Text.shorten(e.detail(), 500));
          ps.setString(6, e.actor());
          ps.setObject(7, Jdbc.utc(now));
        });
  }

  /** Sets the status of these subscriptions; returns how many changed. */
  int changeStatus(List<Long> ids, SubscriptionStatus status) {
    int changed = 0;
    for (List<Long> chunk : Jdbc.chunks(ids)) {
      List<Object> args = new ArrayList<>();
      args.add(status.name());
      args.addAll(chunk);
      changed += jdbc.update(update("status = ?", "id IN (" + Jdbc.placeholders(chunk.size()) + ")"),
          args.toArray());
    }
    return changed;
  }

  /** Every UPDATE of a subscription: bumps {@code version} as Hibernate's optimistic check expects. */
  private static String update(String set, String where) {
    return "UPDATE subscription SET " + set + ", version = version + 1 WHERE " + where;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The billing day's reads: billed subscriptions of the given plans

  /**
   * The next page of accounts (ids above {@code afterAccountId}, ascending) with a billed subscription that may be
   * due: of a prepaid plan, renewing automatically and expiring in {@code [renewalFrom, renewalTo]}, or paid until a
   * day in {@code [prolongationFrom, prolongationTo]} before its expiry; or of a postpaid plan and expired on or
   * before {@code closedBy}.
   */
  List<Long> accountsWithTermsDue(SubscriptionService.DueWindows w, long afterAccountId, int limit) {
    List<Object> args = new ArrayList<>();
    args.add(afterAccountId);
    List<String> any = new ArrayList<>();
    if (!w.prepaidPlanIds().isEmpty()) {
      any.add(renewal(w, args));
      any.add(prolongation(w, args));
    }
    if (!w.postpaidPlanIds().isEmpty()) {
      any.add(closed(w, args));
    }
    if (any.isEmpty()) {
      return List.of();
    }
    args.add(limit);
    return jdbc.queryForList("SELECT DISTINCT account_id FROM subscription WHERE account_id > ? AND " + BILLED
        + " AND ((" + String.join(") OR (", any) + ")) ORDER BY account_id LIMIT ?", Long.class, args.toArray());
  }

  /** What {@link #accountsWithTermsDue} found of these accounts, by kind, in account and id order. */
  List<State> renewalsDue(List<Long> accountIds, SubscriptionService.DueWindows w) {
    return w.prepaidPlanIds().isEmpty() ? List.of() : due(accountIds, args -> renewal(w, args));
  }

  List<State> prolongationsDue(List<Long> accountIds, SubscriptionService.DueWindows w) {
    return w.prepaidPlanIds().isEmpty() ? List.of() : due(accountIds, args -> prolongation(w, args));
  }

  List<State> closedTerms(List<Long> accountIds, SubscriptionService.DueWindows w) {
    return w.postpaidPlanIds().isEmpty() ? List.of() : due(accountIds, args -> closed(w, args));
  }

  private List<State> due(List<Long> accountIds, java.util.function.Function<List<Object>, String> condition) {
    List<State> states = new ArrayList<>();
    for (List<Long> chunk : Jdbc.chunks(accountIds)) {
      List<Object> args = new ArrayList<>(chunk);
      String where = condition.apply(args);
      states.addAll(jdbc.query("SELECT " + COLUMNS + " FROM subscription WHERE account_id IN ("
          + Jdbc.placeholders(chunk.size()) + ") AND " + BILLED + " AND " + where + " ORDER BY account_id, id",
          (rs, n) -> state(rs), args.toArray()));
    }
    return states;
  }

  private static String renewal(SubscriptionService.DueWindows w, List<Object> args) {
    args.addAll(w.prepaidPlanIds());
    args.add(w.renewalFrom());
    args.add(w.renewalTo());
    return "plan_id IN (" + Jdbc.placeholders(w.prepaidPlanIds().size()) + ") AND auto_renew = TRUE"
        + " AND expires_on >= ? AND expires_on <= ?";
  }

  private static String prolongation(SubscriptionService.DueWindows w, List<Object> args) {
    args.addAll(w.prepaidPlanIds());
    args.add(w.prolongationFrom());
    args.add(w.prolongationTo());
    return "plan_id IN (" + Jdbc.placeholders(w.prepaidPlanIds().size()) + ") AND paid_until IS NOT NULL"
        + " AND paid_until < expires_on AND paid_until >= ? AND paid_until <= ?";
  }

  private static String closed(SubscriptionService.DueWindows w, List<Object> args) {
    args.addAll(w.postpaidPlanIds());
    args.add(w.closedBy());
    return "plan_id IN (" + Jdbc.placeholders(w.postpaidPlanIds().size()) + ") AND expires_on <= ?";
  }

  private static State state(ResultSet rs) throws SQLException {
    return new State(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("plan_id"), rs.getBoolean("trial"),
        SubscriptionStatus.valueOf(rs.getString("status")), Jdbc.date(rs, "starts_on"),
        Jdbc.date(rs, "term_starts_on"), Jdbc.date(rs, "expires_on"), Jdbc.date(rs, "paid_until"),
        rs.getBoolean("auto_renew"), rs.getInt("grace_period_days"));
  }
}
