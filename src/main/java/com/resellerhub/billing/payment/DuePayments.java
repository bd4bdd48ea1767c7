package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.catalog.BillingModel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments a billing day pays from the balance (PAY-4), in bulk: hundreds per transaction with batched statements
 * instead of one JPA entity each, so a day of 100,000 payments settles in about a minute. It selects and locks the
 * candidates of a range of accounts with the facts the rules need (their orders and subscriptions), and writes the
 * outcome: PAID_FROM_BALANCE with its history and account event, or the reason a payment was not paid in its history.
 * The money itself moves through the ledger's {@code BalanceService.debitAll}.
 */
@Service
public class DuePayments {

  /** How many payments wait to be paid on or before a date, per account (ascending account id). */
  public record AccountDue(long accountId, int payments) {}

  /** An order of a due payment, with its subscription (null fields when it has none). */
  public record DueOrder(long orderId, String type, Instant createdAt, Long subscriptionId,
      String subscriptionStatus, LocalDate subscriptionExpiresOn, boolean autoRenew, LocalDate paidUntil,
      int gracePeriodDays) {}

  /** A payment awaiting payment whose expiry date has come, locked until the transaction ends. */
  public record DuePayment(long id, long accountId, PaymentType type, BillingModel model, BigDecimal amount,
      String currency, LocalDate expiresOn, List<DueOrder> orders) {}

  /** A payment that was not paid and why (written to its history). */
  public record NotPaid(long paymentId, String reason) {}

  private static final String STATUS = PaymentStatus.AWAITING_PAYMENT.name();

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public DuePayments(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Accounts with payments awaiting payment that expire on or before {@code date}, with their counts. */
  @Transactional(readOnly = true)
  public List<AccountDue> countByAccount(LocalDate date) {
    return jdbc.query("select account_id, count(*) from payment where status = ? and expires_on <= ?"
        + " group by account_id order by account_id",
        (rs, i) -> new AccountDue(rs.getLong(1), rs.getInt(2)), STATUS, date);
  }

  /**
   * Locks and returns the payments of the accounts with ids in {@code (afterAccountId, lastAccountId]} that await
   * payment and expire on or before {@code date}. The candidates are read without a lock, then locked by primary key in
   * id order ({@code SELECT ... WHERE id IN (...) FOR UPDATE}) and kept only if they still await payment: the same lock
   * order as a manual completion (payment row, then ledger row), and no lock on the status index that a completion's
   * update needs, so the two never deadlock; a completion running at the same moment finishes first (the payment is
   * then dropped) or waits.
   */
  @Transactional
  public List<DuePayment> lockDue(long afterAccountId, long lastAccountId, LocalDate date) {
    List<Long> candidates = jdbc.queryForList("select id from payment where status = ? and account_id > ?"
        + " and account_id <= ? and expires_on <= ? order by id", Long.class, STATUS, afterAccountId, lastAccountId,
        date);
    Map<Long, DuePayment> due = new LinkedHashMap<>();
    for (int from = 0; from < candidates.size(); from += IN_LIST) {
      List<Long> part = candidates.subList(from, Math.min(candidates.size(), from + IN_LIST));
      jdbc.query("select id, account_id, type, model, amount, currency, expires_on, status from payment where id in ("
          + placeholders(part.size()) + ") order by id for update", rs -> {
            LocalDate expires = localDate(rs, 7);
            if (STATUS.equals(rs.getString(8)) && expires != null && !expires.isAfter(date)) {
              due.put(rs.getLong(1), new DuePayment(rs.getLong(1), rs.getLong(2),
                  PaymentType.valueOf(rs.getString(3)), BillingModel.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                  rs.getString(6), expires, new ArrayList<>()));
            }
          }, part.toArray());
    }
    List<Long> locked = List.copyOf(due.keySet());
    for (int from = 0; from < locked.size(); from += IN_LIST) {
      List<Long> part = locked.subList(from, Math.min(locked.size(), from + IN_LIST));
      jdbc.query("select po.payment_id, o.id, o.type, o.created_at, s.id, s.status, s.expires_on, s.auto_renew,"
          + " s.paid_until, s.grace_period_days from payment_order po join customer_order o on o.id = po.order_id"
          + " left join subscription s on s.id = o.subscription_id where po.payment_id in ("
          + placeholders(part.size()) + ") order by po.payment_id, o.id", rs -> {
            LocalDateTime created = rs.getObject(4, LocalDateTime.class);
            Long subscription = rs.getObject(5) == null ? null : rs.getLong(5);
            due.get(rs.getLong(1)).orders().add(new DueOrder(rs.getLong(2), rs.getString(3),
                created.toInstant(ZoneOffset.UTC), subscription, rs.getString(6), localDate(rs, 7), rs.getBoolean(8),
                localDate(rs, 9), rs.getInt(10)));
          }, part.toArray());
    }
    return List.copyOf(due.values());
  }

  private static final int IN_LIST = 500;

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /**
   * The payments were paid from the balance (their debits are recorded in the same transaction): PAID_FROM_BALANCE and
   * a history entry each, and one entry per account in the account's event log naming them. A payment that is no longer awaiting payment fails the whole batch.
   */
  @Transactional
  public void paidFromBalance(List<DuePayment> paid, String actor, String detail) {
    if (paid.isEmpty()) {
      return;
    }
    LocalDateTime at = now();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> history = new ArrayList<>();
    Map<Long, List<DuePayment>> byAccount = new LinkedHashMap<>();
    for (DuePayment payment : paid) {
      updates.add(new Object[] {PaymentStatus.PAID_FROM_BALANCE.name(), CompletionRules.BALANCE, actor, at,
          payment.id(), STATUS});
      history.add(new Object[] {payment.id(), PaymentEventKind.STATUS_CHANGED.name(), STATUS,
          PaymentStatus.PAID_FROM_BALANCE.name(), CompletionRules.BALANCE, detail, actor, at});
      byAccount.computeIfAbsent(payment.accountId(), a -> new ArrayList<>()).add(payment);
    }
    // one entry per account and day in the account's event log (the payments' own histories have one each)
    List<Object[]> accountEvents = new ArrayList<>();
    byAccount.forEach((account, payments) -> {
      BigDecimal total = payments.stream().map(DuePayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      String ids = payments.stream().map(p -> String.valueOf(p.id())).collect(java.util.stream.Collectors.joining(", "));
      String text = (payments.size() == 1 ? "Payment " + ids : "Payments " + ids)
          + " PAID_FROM_BALANCE automatically on the expiry date: " + total.toPlainString() + " "
          + payments.get(0).currency();
      accountEvents.add(new Object[] {account, AccountEventType.PAYMENT_COMPLETED.name(), actor, at, true,
          text.length() <= 1000 ? text : text.substring(0, 997) + "..."});
    });
    int[][] counts = jdbc.batchUpdate("update payment set status = ?, completed_with = ?, completed_by = ?,"
        + " completed_at = ? where id = ? and status = ?", updates, updates.size(),
        (ps, row) -> setAll(ps, row));
    for (int[] batch : counts) {
      for (int count : batch) {
        if (count == 0) {
          throw new IllegalStateException("A payment changed while it was being paid automatically; the chunk is"
              + " retried");
        }
      }
    }
    insertHistory(history);
    jdbc.batchUpdate("insert into account_event (account_id, type, actor, occurred_at, customer_visible, detail)"
        + " values (?, ?, ?, ?, ?, ?)", accountEvents);
  }

  /** PAY-4: why each payment was not paid, in its history (the payment stays AWAITING_PAYMENT). */
  @Transactional
  public void notPaid(List<NotPaid> notPaid, String actor) {
    if (notPaid.isEmpty()) {
      return;
    }
    LocalDateTime at = now();
    List<Object[]> history = new ArrayList<>();
    for (NotPaid payment : notPaid) {
      history.add(new Object[] {payment.paymentId(), PaymentEventKind.AUTO_DEBIT_SKIPPED.name(), STATUS, STATUS, null,
          payment.reason(), actor, at});
    }
    insertHistory(history);
  }

  private void insertHistory(List<Object[]> rows) {
    jdbc.batchUpdate("insert into payment_event (payment_id, kind, from_status, to_status, method, detail, actor,"
        + " occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  private static void setAll(java.sql.PreparedStatement ps, Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      ps.setObject(i + 1, row[i]);
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  /** The actor of the automatic debit's entries. */
  public static final String ACTOR = AccountEventLog.SYSTEM;
}
