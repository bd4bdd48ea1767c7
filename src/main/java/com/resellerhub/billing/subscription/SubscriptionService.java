package com.resellerhub.billing.subscription;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.platform.Jdbc;
import com.resellerhub.billing.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates subscriptions for provisioned orders and changes their status and dates.
 *
 * <p>The bulk operations ({@link #openAll}, {@link #lockAll}, {@link #applyAll}, {@link #markPaymentOverdue}) work
 * with plain JDBC in the caller's transaction, so that provisioning hundreds of paid orders or marking thousands of
 * payments overdue takes a handful of statements. They bump {@code version}, so a JPA copy loaded elsewhere fails
 * its optimistic check rather than overwriting them.
 */
@Service
public class SubscriptionService {

  /**
   * What a provisioned order asks for. {@code period} is the plan's period, or the trial's length for a trial;
   * {@code instalment} the plan's instalment (null or the period when paid at once).
   */
  public record NewSubscription(Long accountId, Long planId, Long orderId, boolean trial, Period period,
      Period instalment, boolean prepaid, int gracePeriodDays) {}

  /** A subscription as the bulk operations read it. */
  public record State(long id, long accountId, long planId, boolean trial, SubscriptionStatus status,
      LocalDate startsOn, LocalDate termStartsOn, LocalDate expiresOn, LocalDate paidUntil, boolean autoRenew,
      int gracePeriodDays) {}

  /**
   * New dates and status (null: unchanged) of a subscription, applied only while it still expires on
   * {@code expectedExpiresOn} (the value the change was computed from).
   */
  public record TermChange(long id, LocalDate expectedExpiresOn, LocalDate termStartsOn, LocalDate expiresOn,
      LocalDate paidUntil, SubscriptionStatus status) {}

  private static final String COLUMNS = "id, account_id, plan_id, trial, status, starts_on, term_starts_on,"
      + " expires_on, paid_until, auto_renew, grace_period_days";

  private final SubscriptionRepository subscriptions;
  private final JdbcTemplate jdbc;
  private final AccountEventLog eventLog;
  private final Clock clock;

  public SubscriptionService(SubscriptionRepository subscriptions, JdbcTemplate jdbc, AccountEventLog eventLog,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.jdbc = jdbc;
    this.eventLog = eventLog;
    this.clock = clock;
  }

  /**
   * Opens an ACTIVE subscription starting today (UTC) and expiring after its period. A commercial subscription renews
   * automatically; a trial does not. A prepaid commercial one is paid for its first instalment (the whole period when
   * the plan is paid at once). Idempotent per order.
   */
  @Transactional
  public Subscription open(NewSubscription request) {
    return subscriptions.findByOrderId(request.orderId()).orElseGet(() -> {
      SubscriptionTerms.Opening dates = opening(request, LocalDate.now(clock));
      return subscriptions.save(new Subscription(request.accountId(), request.planId(), request.orderId(),
          request.trial(), dates.startsOn(), dates.expiresOn(), dates.paidUntil(), !request.trial(),
          request.gracePeriodDays(), clock.instant()));
    });
  }

  private static SubscriptionTerms.Opening opening(NewSubscription request, LocalDate today) {
    return SubscriptionTerms.opening(today, request.period(), request.trial() ? null : request.instalment(),
        request.prepaid() && !request.trial());
  }

  /**
   * {@link #open} for many orders at once (plain JDBC, one batch): returns the subscription of every order, the ones
   * that already had one included (idempotent per order).
   */
  @Transactional
  public Map<Long, State> openAll(List<NewSubscription> requests) {
    if (requests.isEmpty()) {
      return Map.of();
    }
    Map<Long, State> existing = byOrder(requests.stream().map(NewSubscription::orderId).toList());
    List<NewSubscription> missing = requests.stream().filter(r -> !existing.containsKey(r.orderId())).toList();
    if (!missing.isEmpty()) {
      LocalDate today = LocalDate.now(clock);
      LocalDateTime now = Jdbc.utc(clock.instant());
      jdbc.batchUpdate("INSERT INTO subscription (account_id, plan_id, order_id, trial, status, starts_on,"
              + " term_starts_on, expires_on, paid_until, auto_renew, grace_period_days, created_at, version)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", missing, missing.size(), (ps, r) -> {
                SubscriptionTerms.Opening dates = opening(r, today);
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
                ps.setObject(12, now);
              });
    }
    Map<Long, State> all = new HashMap<>(existing);
    all.putAll(byOrder(missing.stream().map(NewSubscription::orderId).toList()));
    return all;
  }

  private Map<Long, State> byOrder(List<Long> orderIds) {
    Map<Long, State> byOrder = new HashMap<>();
    for (List<Long> chunk : Jdbc.chunks(orderIds)) {
      jdbc.query("SELECT order_id, " + COLUMNS + " FROM subscription WHERE order_id IN ("
          + Jdbc.placeholders(chunk.size()) + ")", rs -> {
            byOrder.put(rs.getLong("order_id"), state(rs));
          }, chunk.toArray());
    }
    return byOrder;
  }

  /**
   * Locks the subscriptions' rows ({@code SELECT ... FOR UPDATE}, in id order) and reads them, in the caller's
   * transaction.
   */
  @Transactional
  public Map<Long, State> lockAll(Collection<Long> ids) {
    Map<Long, State> states = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(ids.stream().distinct().sorted().toList())) {
      jdbc.query("SELECT " + COLUMNS + " FROM subscription WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") ORDER BY id FOR UPDATE", rs -> {
            State state = state(rs);
            states.put(state.id(), state);
          }, chunk.toArray());
    }
    return states;
  }

  /**
   * Applies new dates and statuses; returns how many were applied (see {@link TermChange}). Changes with the same
   * values (typically: the subscriptions renewed on one day) are one {@code UPDATE ... WHERE id IN (...)} each, so a
   * batch of hundreds takes a few statements.
   */
  @Transactional
  public int applyAll(List<TermChange> changes) {
    record Values(LocalDate expectedExpiresOn, LocalDate termStartsOn, LocalDate expiresOn, LocalDate paidUntil,
        SubscriptionStatus status) {}
    Map<Values, List<Long>> groups = new LinkedHashMap<>();
    for (TermChange c : changes) {
      groups.computeIfAbsent(new Values(c.expectedExpiresOn(), c.termStartsOn(), c.expiresOn(), c.paidUntil(),
          c.status()), k -> new ArrayList<>()).add(c.id());
    }
    int applied = 0;
    for (Map.Entry<Values, List<Long>> group : groups.entrySet()) {
      Values v = group.getKey();
      for (List<Long> chunk : Jdbc.chunks(group.getValue())) {
        applied += jdbc.update("UPDATE subscription SET term_starts_on = ?, expires_on = ?, paid_until = ?,"
            + " status = COALESCE(?, status), version = version + 1 WHERE id IN (" + Jdbc.placeholders(chunk.size())
            + ") AND expires_on = ?", ps -> {
              int i = 1;
              ps.setObject(i++, v.termStartsOn());
              ps.setObject(i++, v.expiresOn());
              Jdbc.setDate(ps, i++, v.paidUntil());
              if (v.status() == null) {
                ps.setNull(i++, java.sql.Types.VARCHAR);
              } else {
                ps.setString(i++, v.status().name());
              }
              for (Long id : chunk) {
                ps.setLong(i++, id);
              }
              ps.setObject(i, v.expectedExpiresOn());
            });
      }
    }
    return applied;
  }

  /**
   * PAY-5: the payment of a renewal or prolongation of these subscriptions expired unpaid. Each that is ACTIVE or
   * DELIVERED becomes PAYMENT_OVERDUE, with an entry in its account's event log naming {@code why}; others are left
   * as they are. Returns the ids that changed.
   */
  @Transactional
  public List<Long> markPaymentOverdue(Map<Long, String> whyBySubscription) {
    if (whyBySubscription.isEmpty()) {
      return List.of();
    }
    List<State> candidates = lockAll(whyBySubscription.keySet()).values().stream()
        .filter(s -> s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.DELIVERED)
        .toList();
    if (candidates.isEmpty()) {
      return List.of();
    }
    jdbc.batchUpdate("UPDATE subscription SET status = ?, version = version + 1 WHERE id = ?", candidates,
        candidates.size(), (ps, s) -> {
          ps.setString(1, SubscriptionStatus.PAYMENT_OVERDUE.name());
          ps.setLong(2, s.id());
        });
    List<AccountEventLog.Entry> entries = new ArrayList<>();
    for (State s : candidates) {
      entries.add(new AccountEventLog.Entry(s.accountId(), AccountEventType.SUBSCRIPTION_PAYMENT_OVERDUE,
          AccountEventLog.SYSTEM, true, "Subscription " + s.id() + " is PAYMENT_OVERDUE (was " + s.status() + "): "
              + whyBySubscription.get(s.id())));
    }
    eventLog.recordAll(entries);
    return candidates.stream().map(State::id).toList();
  }

  private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new State(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("plan_id"), rs.getBoolean("trial"),
        SubscriptionStatus.valueOf(rs.getString("status")), Jdbc.date(rs, "starts_on"),
        Jdbc.date(rs, "term_starts_on"), Jdbc.date(rs, "expires_on"), Jdbc.date(rs, "paid_until"),
        rs.getBoolean("auto_renew"), rs.getInt("grace_period_days"));
  }

  @Transactional(readOnly = true)
  public Subscription get(Long id) {
    return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("Subscription", id));
  }

  @Transactional(readOnly = true)
  public List<Subscription> ofAccount(Long accountId) {
    return subscriptions.findByAccountIdOrderByIdDesc(accountId);
  }

  @Transactional
  public Subscription changeStatus(Long id, SubscriptionStatus status) {
    Subscription subscription = get(id);
    subscription.changeStatus(status);
    return subscription;
  }
}
