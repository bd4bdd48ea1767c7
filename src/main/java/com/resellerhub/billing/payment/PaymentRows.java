package com.resellerhub.billing.payment;

import com.resellerhub.billing.platform.Text;
import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.payment.BillingPayments.ActLine;
import com.resellerhub.billing.payment.DuePayments.AccountDue;
import com.resellerhub.billing.payment.DuePayments.DuePayment;
import com.resellerhub.billing.platform.Jdbc;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The payment feature's plain SQL, for the billing runs (many rows in the caller's transaction, nothing loaded into
 * JPA): the payments, acts and act lines the billing day creates, the automatic debit's reads and its
 * PAID_FROM_BALANCE, the overdue marking (PAY-5), and every history entry written in bulk.
 *
 * <p>{@code payment} (with {@code payment_order}) and {@code postpay_act} have two writers, never of the same row in
 * one transaction: JPA ({@link Payment}, {@link PostpayAct}) for a single payment a person or the ERP acts on
 * ({@link PaymentService}, {@link PaymentCompletion}, each under the payment's row lock), and this class for the
 * billing runs, which change no payment through JPA. Neither entity has a {@code version}: the row lock and the
 * status required by every UPDATE here keep a concurrent change from being overwritten. {@code payment_event} is
 * append-only (JPA inserts one entry, {@link #events} many). {@code postpay_act_line} is written only here.
 */
@Component
class PaymentRows {

  /** A history entry to write; {@code method} is the completion's method, or null. */
  record NewEvent(long paymentId, PaymentEventKind kind, PaymentStatus from, PaymentStatus to, String method,
      String detail, String actor) {

    NewEvent(long paymentId, PaymentEventKind kind, PaymentStatus from, PaymentStatus to, String detail,
        String actor) {
      this(paymentId, kind, from, to, null, detail, actor);
    }
  }

  /** A payment that became OVERDUE. */
  record Expired(long id, long accountId, LocalDate expiresOn) {}

  private static final String AWAITING = PaymentStatus.AWAITING_PAYMENT.name();

  private final JdbcTemplate jdbc;

  PaymentRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Payments, acts and history the billing day creates

  /** Inserts the AWAITING_PAYMENT POSTPAY payment of an act; returns its id. */
  long insertActPayment(long accountId, BigDecimal amount, String currency, LocalDate dueDate, LocalDate expiresOn,
      long actId, String createdBy, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO payment (account_id, type, model, status, amount,"
          + " currency, due_date, expires_on, act_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS);
      ps.setLong(1, accountId);
      ps.setString(2, PaymentType.ACT.name());
      ps.setString(3, BillingModel.POSTPAY.name());
      ps.setString(4, AWAITING);
      ps.setBigDecimal(5, amount);
      ps.setString(6, currency);
      Jdbc.setDate(ps, 7, dueDate);
      Jdbc.setDate(ps, 8, expiresOn);
      ps.setLong(9, actId);
      ps.setString(10, createdBy);
      ps.setObject(11, Jdbc.utc(now));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** A PREPAY payment of orders for {@link #insertForOrders}. */
  record NewOrderPayment(long accountId, PaymentType type, BigDecimal amount, String currency, LocalDate dueDate,
      LocalDate expiresOn, List<Long> orderIds) {}

  /**
   * Inserts PREPAY payments of orders, AWAITING_PAYMENT, in one JDBC batch, and their {@code payment_order} rows in
   * another; returns their ids in the order of {@code payments}.
   */
  List<Long> insertForOrders(List<NewOrderPayment> payments, String createdBy, Instant now) {
    if (payments.isEmpty()) {
      return List.of();
    }
    LocalDateTime at = Jdbc.utc(now);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO payment (account_id, type, model, status, amount,"
        + " currency, due_date, expires_on, act_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
        new String[] {"id"}), new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
            NewOrderPayment p = payments.get(i);
            ps.setLong(1, p.accountId());
            ps.setString(2, p.type().name());
            ps.setString(3, BillingModel.PREPAY.name());
            ps.setString(4, AWAITING);
            ps.setBigDecimal(5, p.amount());
            ps.setString(6, p.currency());
            Jdbc.setDate(ps, 7, p.dueDate());
            Jdbc.setDate(ps, 8, p.expiresOn());
            ps.setString(9, createdBy);
            ps.setObject(10, at);
          }

          @Override
          public int getBatchSize() {
            return payments.size();
          }
        }, keys);
    List<Long> ids = Jdbc.generatedIds(keys, payments.size());
    List<long[]> links = new ArrayList<>();
    for (int i = 0; i < payments.size(); i++) {
      for (long orderId : payments.get(i).orderIds()) {
        links.add(new long[] {ids.get(i), orderId});
      }
    }
    jdbc.batchUpdate("INSERT INTO payment_order (payment_id, order_id) VALUES (?, ?)", links, links.size(),
        (ps, link) -> {
          ps.setLong(1, link[0]);
          ps.setLong(2, link[1]);
        });
    return ids;
  }

  /** The one insert of history entries in bulk, all at {@code now}; a detail over 1000 characters is shortened. */
  void events(List<NewEvent> events, Instant now) {
    if (events.isEmpty()) {
      return;
    }
    LocalDateTime at = Jdbc.utc(now);
    jdbc.batchUpdate("INSERT INTO payment_event (payment_id, kind, from_status, to_status, method, detail, actor,"
        + " occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events, events.size(), (ps, e) -> {
          ps.setLong(1, e.paymentId());
          ps.setString(2, e.kind().name());
          ps.setString(3, e.from() == null ? null : e.from().name());
          ps.setString(4, e.to() == null ? null : e.to().name());
          ps.setString(5, e.method());
          ps.setString(6, Text.shorten(e.detail(), 1000));
          ps.setString(7, e.actor());
          ps.setObject(8, at);
        });
  }

  /** Inserts the act of a closed period; returns its id. */
  long insertAct(long accountId, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, String currency,
      boolean invoicedExternally, String createdBy, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO postpay_act (account_id, period_start, period_end,"
          + " amount, currency, invoiced_externally, erp_confirmed, created_by, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)", Statement.RETURN_GENERATED_KEYS);
      ps.setLong(1, accountId);
      ps.setObject(2, periodStart);
      ps.setObject(3, periodEnd);
      ps.setBigDecimal(4, amount);
      ps.setString(5, currency);
      ps.setBoolean(6, invoicedExternally);
      ps.setString(7, createdBy);
      ps.setObject(8, Jdbc.utc(now));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** The account's act of exactly this period, if it has one. */
  Optional<Long> actOf(long accountId, LocalDate periodStart, LocalDate periodEnd) {
    return jdbc.queryForList("SELECT id FROM postpay_act WHERE account_id = ? AND period_start = ? AND period_end = ?",
        Long.class, accountId, periodStart, periodEnd).stream().findFirst();
  }

  /** Records the subscriptions' period against the act: their amount, or zero when not {@code billed}. */
  void insertActLines(long actId, LocalDate periodStart, LocalDate periodEnd, List<ActLine> lines, boolean billed) {
    List<ActLine> all = new ArrayList<>(lines);
    jdbc.batchUpdate("INSERT INTO postpay_act_line (subscription_id, period_start, period_end, act_id, amount)"
        + " VALUES (?, ?, ?, ?, ?)", all, all.size(), (ps, line) -> {
          ps.setLong(1, line.subscriptionId());
          ps.setObject(2, periodStart);
          ps.setObject(3, periodEnd);
          ps.setLong(4, actId);
          ps.setBigDecimal(5, billed ? Money.of(line.amount()) : Money.of(BigDecimal.ZERO));
        });
  }

  /** The periods of these subscriptions that an act line records. */
  Set<BillingPayments.BilledPeriod> billedPeriods(Collection<Long> subscriptionIds) {
    Set<BillingPayments.BilledPeriod> billed = new LinkedHashSet<>();
    for (List<Long> chunk : Jdbc.chunks(subscriptionIds)) {
      jdbc.query("SELECT subscription_id, period_start FROM postpay_act_line WHERE subscription_id IN ("
          + Jdbc.placeholders(chunk.size()) + ")", rs -> {
            billed.add(new BillingPayments.BilledPeriod(rs.getLong("subscription_id"), Jdbc.date(rs, "period_start")));
          }, chunk.toArray());
    }
    return billed;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The automatic debit (PAY-4)

  /** Accounts with payments awaiting payment that expire on or before {@code date}, with their counts. */
  List<AccountDue> countAwaitingByAccount(LocalDate date) {
    return jdbc.query("SELECT account_id, COUNT(*) FROM payment WHERE status = ? AND expires_on <= ?"
        + " GROUP BY account_id ORDER BY account_id",
        (rs, i) -> new AccountDue(rs.getLong(1), rs.getInt(2)), AWAITING, date);
  }

  /**
   * The payments of the accounts in {@code (afterAccountId, lastAccountId]} awaiting payment and expiring on or
   * before {@code date}: the candidates read without a lock, then locked by primary key in id order and kept only if
   * they still await payment and expire by then. Their orders are left empty.
   */
  List<DuePayment> lockDue(long afterAccountId, long lastAccountId, LocalDate date) {
    List<Long> candidates = jdbc.queryForList("SELECT id FROM payment WHERE status = ? AND account_id > ?"
        + " AND account_id <= ? AND expires_on <= ? ORDER BY id", Long.class, AWAITING, afterAccountId, lastAccountId,
        date);
    List<DuePayment> due = new ArrayList<>();
    for (List<Long> chunk : Jdbc.chunks(candidates)) {
      jdbc.query("SELECT id, account_id, type, model, amount, currency, due_date, expires_on, charge_moved_days,"
          + " status FROM payment WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ") ORDER BY id FOR UPDATE", rs -> {
            LocalDate expires = Jdbc.date(rs, "expires_on");
            if (AWAITING.equals(rs.getString("status")) && expires != null && !expires.isAfter(date)) {
              due.add(new DuePayment(rs.getLong("id"), rs.getLong("account_id"),
                  PaymentType.valueOf(rs.getString("type")), BillingModel.valueOf(rs.getString("model")),
                  rs.getBigDecimal("amount"), rs.getString("currency"), Jdbc.date(rs, "due_date"), expires,
                  rs.getInt("charge_moved_days"), new ArrayList<>()));
            }
          }, chunk.toArray());
    }
    return due;
  }

  /**
   * AWAITING_PAYMENT becomes {@code status}, completed with {@code method} by {@code actor}; a payment that no longer
   * awaits payment fails the whole batch.
   */
  void completeAll(List<Long> paymentIds, PaymentStatus status, String method, String actor, Instant now) {
    LocalDateTime at = Jdbc.utc(now);
    int[][] counts = jdbc.batchUpdate("UPDATE payment SET status = ?, completed_with = ?, completed_by = ?,"
        + " completed_at = ? WHERE id = ? AND status = ?", paymentIds, paymentIds.size(), (ps, id) -> {
          ps.setString(1, status.name());
          ps.setString(2, method);
          ps.setString(3, actor);
          ps.setObject(4, at);
          ps.setLong(5, id);
          ps.setString(6, AWAITING);
        });
    for (int[] batch : counts) {
      for (int count : batch) {
        if (count == 0) {
          throw new IllegalStateException("A payment changed while it was being paid automatically; the chunk is"
              + " retried");
        }
      }
    }
  }

  /**
   * SUB-4: the charge dates of these AWAITING_PAYMENT payments move (due date and expiry date), and the days they
   * moved by are kept; a payment that no longer awaits payment fails the whole batch.
   */
  void moveChargeDates(List<DuePayments.Moved> moved) {
    int[][] counts = jdbc.batchUpdate("UPDATE payment SET due_date = ?, expires_on = ?, charge_moved_days = ?"
        + " WHERE id = ? AND status = ?", moved, moved.size(), (ps, m) -> {
          ps.setObject(1, m.dueDate());
          ps.setObject(2, m.expiresOn());
          ps.setInt(3, m.days());
          ps.setLong(4, m.paymentId());
          ps.setString(5, AWAITING);
        });
    for (int[] batch : counts) {
      for (int count : batch) {
        if (count == 0) {
          throw new IllegalStateException("A payment changed while its charge date was being moved; the chunk is"
              + " retried");
        }
      }
    }
  }

  /** The orders of these payments (ascending order ids), by payment id (ascending). */
  Map<Long, List<Long>> ordersOf(Collection<Long> paymentIds) {
    Map<Long, List<Long>> byPayment = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(paymentIds.stream().sorted().toList())) {
      jdbc.query("SELECT payment_id, order_id FROM payment_order WHERE payment_id IN ("
          + Jdbc.placeholders(chunk.size()) + ") ORDER BY payment_id, order_id", rs -> {
            byPayment.computeIfAbsent(rs.getLong("payment_id"), p -> new ArrayList<>()).add(rs.getLong("order_id"));
          }, chunk.toArray());
    }
    return byPayment;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Overdue (PAY-5)

  /** Locks the next page of AWAITING_PAYMENT payments (ids above {@code afterId}) that expired before {@code today}. */
  List<Expired> lockExpired(LocalDate today, long afterId, int limit) {
    return jdbc.query("SELECT id, account_id, expires_on FROM payment WHERE status = ?"
        + " AND expires_on < ? AND id > ? ORDER BY id LIMIT ? FOR UPDATE", (rs, n) -> new Expired(rs.getLong("id"),
        rs.getLong("account_id"), Jdbc.date(rs, "expires_on")), AWAITING, today, afterId, limit);
  }

  /** Those of the payments still AWAITING_PAYMENT become OVERDUE; returns them. */
  List<Expired> markOverdue(List<Expired> page) {
    int[][] counts = jdbc.batchUpdate("UPDATE payment SET status = ? WHERE id = ? AND status = ?", page,
        page.size(), (ps, p) -> {
          ps.setString(1, PaymentStatus.OVERDUE.name());
          ps.setLong(2, p.id());
          ps.setString(3, AWAITING);
        });
    List<Expired> changed = new ArrayList<>();
    int i = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        if (count != 0) {
          changed.add(page.get(i));
        }
        i++;
      }
    }
    return changed;
  }

  long countWithStatus(PaymentStatus status) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE status = ?", Long.class, status.name());
    return count == null ? 0 : count;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Collections (SUB-3, COL-1..3)

  /** The sum of the account's OVERDUE payments. */
  java.math.BigDecimal overdueTotal(long accountId) {
    java.math.BigDecimal total = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE account_id = ?"
        + " AND status = ?", java.math.BigDecimal.class, accountId, PaymentStatus.OVERDUE.name());
    return total == null ? java.math.BigDecimal.ZERO : total;
  }

  /** The sum of every OVERDUE payment (the operator's gauge). */
  java.math.BigDecimal overdueTotal() {
    java.math.BigDecimal total = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE status = ?",
        java.math.BigDecimal.class, PaymentStatus.OVERDUE.name());
    return total == null ? java.math.BigDecimal.ZERO : total;
  }

  /**
   * The account's payments of subscriptions' terms (renewals, prolongations, acts) that are due: OVERDUE, or awaiting
   * payment and expiring on or before {@code today}; oldest expiry first.
   */
  List<Long> dueTermPaymentsOf(long accountId, LocalDate today) {
    return jdbc.queryForList("SELECT p.id FROM payment p WHERE p.account_id = ? AND p.type <> 'TOP_UP' AND (p.status = ?"
        + " OR (p.status = ? AND p.expires_on <= ?)) ORDER BY p.expires_on, p.id", Long.class, accountId,
        PaymentStatus.OVERDUE.name(), AWAITING, today);
  }

  /** The account's OVERDUE payments, oldest expiry first. */
  List<Long> overdueOf(long accountId) {
    return jdbc.queryForList("SELECT id FROM payment WHERE account_id = ? AND status = ? ORDER BY expires_on, id",
        Long.class, accountId, PaymentStatus.OVERDUE.name());
  }

  /** The subscriptions an act bills. */
  List<Long> actSubscriptions(long actId) {
    return jdbc.queryForList("SELECT DISTINCT subscription_id FROM postpay_act_line WHERE act_id = ?"
        + " ORDER BY subscription_id", Long.class, actId);
  }

  /**
   * Payments that collections may start for on {@code today}: OVERDUE ones, and those AWAITING_PAYMENT that expire on
   * or before {@code remindFrom}; never top-ups. Ids above {@code afterId}, ascending.
   */
  List<Long> collectable(LocalDate remindFrom, long afterId, int limit) {
    return jdbc.queryForList("SELECT id FROM payment WHERE type <> 'TOP_UP' AND id > ? AND (status = ?"
        + " OR (status = ? AND expires_on <= ?)) ORDER BY id LIMIT ?", Long.class, afterId,
        PaymentStatus.OVERDUE.name(), AWAITING, remindFrom, limit);
  }

  /** The oldest open payment of an act that bills the subscription, or null. */
  Long openActPaymentOf(long subscriptionId) {
    List<Long> ids = jdbc.queryForList("SELECT p.id FROM payment p JOIN postpay_act_line l ON l.act_id = p.act_id"
        + " WHERE l.subscription_id = ? AND p.status IN (?, ?) ORDER BY p.expires_on, p.id LIMIT 1", Long.class,
        subscriptionId, AWAITING, PaymentStatus.OVERDUE.name());
    return ids.isEmpty() ? null : ids.get(0);
  }
}
