package com.resellerhub.billing.billingday;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * The billing day's work done with plain JDBC, the benchmarks' reference (issue 6, issue 16): no process engine, no
 * rules objects, no JPA, the same rows written. {@link #create} makes the renewal and prolongation orders with their
 * payments, {@link #settle} debits the expiring payments; both over ranges of whole accounts, one transaction each, on
 * a pool of threads.
 */
final class PlainJdbcBillingDay {

  private PlainJdbcBillingDay() {}

  /**
   * The creation step in plain JDBC for the accounts {@code firstAccount..lastAccount}, pages of
   * {@code accountsPerPage} accounts, one transaction each: lock the page's accounts, read their subscriptions due on
   * {@code today} (renewals expiring within the lead, prolongations paid until within it) and their existing term
   * orders, then insert the orders AWAITING_PAYMENT with their ORDER_PLACED entries, one ORDER payment each with its
   * {@code payment_order} row, CREATED history and PAYMENT_CREATED entry: the rows the engine's creation step writes.
   * The rules' outcome is known in advance ({@code price} for every order, the payment due and expiring on the period's
   * first day, no grace days). Returns the orders created.
   */
  static int create(DataSource dataSource, LocalDate today, long firstAccount, long lastAccount, int accountsPerPage,
      int threads, BigDecimal price, int leadDays) throws Exception {
    List<Callable<Integer>> pages = new ArrayList<>();
    for (long a = firstAccount; a <= lastAccount; a += accountsPerPage) {
      long from = a;
      long to = Math.min(lastAccount, a + accountsPerPage - 1);
      pages.add(() -> createPage(dataSource, today, from, to, price, leadDays));
    }
    return runAll(pages, threads);
  }

  private static int createPage(DataSource dataSource, LocalDate today, long from, long to, BigDecimal price,
      int leadDays) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      LocalDateTime now = LocalDateTime.now();
      try (PreparedStatement ps = c.prepareStatement("select id from account where id between ? and ? order by id"
          + " for update")) {
        ps.setLong(1, from);
        ps.setLong(2, to);
        ps.executeQuery().close();
      }
      // [subscription, account, plan, type (0 renewal, 1 prolongation)] and the first day of the period each pays
      List<long[]> due = new ArrayList<>();
      List<LocalDate> periodStarts = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select id, account_id, plan_id, expires_on, paid_until,"
          + " auto_renew from subscription where account_id between ? and ? and trial = false"
          + " and status in ('ACTIVE', 'DELIVERED', 'PAYMENT_OVERDUE')"
          + " and ((auto_renew = true and expires_on between ? and ?) or (paid_until < expires_on and paid_until"
          + " between ? and ?)) order by account_id, id")) {
        ps.setLong(1, from);
        ps.setLong(2, to);
        ps.setObject(3, today.plusDays(1));
        ps.setObject(4, today.plusDays(leadDays));
        ps.setObject(5, today);
        ps.setObject(6, today.plusDays(leadDays));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            LocalDate expires = rs.getObject(4, LocalDate.class);
            LocalDate paidUntil = rs.getObject(5, LocalDate.class);
            boolean prolongation = paidUntil != null && paidUntil.isBefore(expires);
            due.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), prolongation ? 1 : 0});
            periodStarts.add(prolongation ? paidUntil : expires);
          }
        }
      }
      Set<String> existing = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("select subscription_id, type, period_start from customer_order"
          + " where account_id between ? and ? and type in ('RENEWAL', 'PROLONGATION')")) {
        ps.setLong(1, from);
        ps.setLong(2, to);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            existing.add(rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getObject(3, LocalDate.class));
          }
        }
      }
      List<Integer> toCreate = new ArrayList<>();
      for (int i = 0; i < due.size(); i++) {
        String type = due.get(i)[3] == 1 ? "PROLONGATION" : "RENEWAL";
        if (!existing.contains(due.get(i)[0] + "/" + type + "/" + periodStarts.get(i))) {
          toCreate.add(i);
        }
      }
      if (toCreate.isEmpty()) {
        c.commit();
        return 0;
      }
      List<Long> orderIds = new ArrayList<>();
      try (PreparedStatement order = c.prepareStatement("insert into customer_order (account_id, plan_id, type,"
          + " trial, needs_approval, status, price, currency, created_by, created_via, cancelled_by_decline,"
          + " subscription_id, period_start, created_at, version) values (?, ?, ?, false, false, 'AWAITING_PAYMENT',"
          + " ?, 'EUR', 'system', 'SYSTEM', false, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
        for (int i : toCreate) {
          long[] s = due.get(i);
          order.setLong(1, s[1]);
          order.setLong(2, s[2]);
          order.setString(3, s[3] == 1 ? "PROLONGATION" : "RENEWAL");
          order.setBigDecimal(4, price);
          order.setLong(5, s[0]);
          order.setObject(6, periodStarts.get(i));
          order.setObject(7, now);
          order.addBatch();
        }
        orderIds.addAll(executeReturningIds(order));
      }
      List<Long> paymentIds = new ArrayList<>();
      try (PreparedStatement payment = c.prepareStatement("insert into payment (account_id, type, model, status,"
          + " amount, currency, due_date, expires_on, created_by, created_at) values (?, 'ORDER', 'PREPAY',"
          + " 'AWAITING_PAYMENT', ?, 'EUR', ?, ?, 'system', ?)", Statement.RETURN_GENERATED_KEYS)) {
        for (int i : toCreate) {
          payment.setLong(1, due.get(i)[1]);
          payment.setBigDecimal(2, price);
          payment.setObject(3, periodStarts.get(i));
          payment.setObject(4, periodStarts.get(i));
          payment.setObject(5, now);
          payment.addBatch();
        }
        paymentIds.addAll(executeReturningIds(payment));
      }
      try (PreparedStatement link = c.prepareStatement("insert into payment_order (payment_id, order_id)"
          + " values (?, ?)");
          PreparedStatement history = c.prepareStatement("insert into payment_event (payment_id, kind, from_status,"
              + " to_status, detail, actor, occurred_at) values (?, 'CREATED', null, 'AWAITING_PAYMENT', ?, 'system',"
              + " ?)");
          PreparedStatement accountEvent = c.prepareStatement("insert into account_event (account_id, type, actor,"
              + " occurred_at, customer_visible, detail) values (?, ?, 'system', ?, true, ?)")) {
        for (int k = 0; k < toCreate.size(); k++) {
          long[] s = due.get(toCreate.get(k));
          LocalDate start = periodStarts.get(toCreate.get(k));
          link.setLong(1, paymentIds.get(k));
          link.setLong(2, orderIds.get(k));
          link.addBatch();
          history.setLong(1, paymentIds.get(k));
          history.setString(2, "ORDER payment for order " + orderIds.get(k) + ", due " + start);
          history.setObject(3, now);
          history.addBatch();
          accountEvent.setLong(1, s[1]);
          accountEvent.setString(2, "ORDER_PLACED");
          accountEvent.setObject(3, now);
          accountEvent.setString(4, (s[3] == 1 ? "Prolongation" : "Renewal") + " order " + orderIds.get(k)
              + " of subscription " + s[0] + " from " + start + ": " + price + " EUR");
          accountEvent.addBatch();
          accountEvent.setLong(1, s[1]);
          accountEvent.setString(2, "PAYMENT_CREATED");
          accountEvent.setObject(3, now);
          accountEvent.setString(4, "Payment " + paymentIds.get(k) + " (ORDER) of " + price + " EUR for order "
              + orderIds.get(k) + ", due " + start);
          accountEvent.addBatch();
        }
        link.executeBatch();
        history.executeBatch();
        accountEvent.executeBatch();
      }
      c.commit();
      return toCreate.size();
    }
  }

  /** Runs the statement's batch and returns the ids it generated, in batch order. */
  private static List<Long> executeReturningIds(PreparedStatement insert) throws java.sql.SQLException {
    insert.executeBatch();
    List<Long> ids = new ArrayList<>();
    try (ResultSet keys = insert.getGeneratedKeys()) {
      while (keys.next()) {
        ids.add(keys.getLong(1));
      }
    }
    return ids;
  }

  private static int runAll(List<Callable<Integer>> work, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (Callable<Integer> w : work) {
        done.add(pool.submit(w));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get();
      }
      return total;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The same debit work in plain JDBC: chunks of whole accounts of about chunk-size payments, {@code threads} threads,
   * each chunk in one transaction: lock the payments, lock the ledger rows, check the balance, insert the debits
   * (key payment:id), update the balances, set the payments PAID_FROM_BALANCE, write their history and, for the rest,
   * why they were not paid, one account event per account with paid payments, and for each paid renewal its order
   * PROVISIONED, its subscription a month longer and an account event: the rows the engine writes.
   */
  static int settle(DataSource dataSource, LocalDate day, long firstAccount, long lastAccount, int accountsPerChunk,
      int threads) throws Exception {
    List<long[]> chunks = new ArrayList<>();
    for (long a = firstAccount; a <= lastAccount; a += accountsPerChunk) {
      chunks.add(new long[] {a, Math.min(lastAccount, a + accountsPerChunk - 1)});
    }
    List<Callable<Integer>> work = new ArrayList<>();
    for (long[] chunk : chunks) {
      work.add(() -> settleChunk(dataSource, chunk[0], chunk[1], day));
    }
    return runAll(work, threads);
  }

  private static int settleChunk(DataSource dataSource, long firstAccount, long lastAccount, LocalDate day)
      throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      LocalDateTime now = LocalDateTime.now();
      List<long[]> payments = new ArrayList<>();
      Map<Long, BigDecimal> amounts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select id, account_id, amount from payment where status ="
          + " 'AWAITING_PAYMENT' and account_id between ? and ? and expires_on <= ? order by id for update")) {
        ps.setLong(1, firstAccount);
        ps.setLong(2, lastAccount);
        ps.setObject(3, day);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            payments.add(new long[] {rs.getLong(1), rs.getLong(2)});
            amounts.put(rs.getLong(1), rs.getBigDecimal(3));
          }
        }
      }
      // the renewal orders and subscriptions of those payments
      Map<Long, long[]> renewals = new HashMap<>();
      Map<Long, LocalDate> expiries = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select p.id, o.id, s.id, s.expires_on, o.type, s.paid_until from payment p"
          + " join payment_order po on po.payment_id = p.id join customer_order o on o.id = po.order_id"
          + " join subscription s on s.id = o.subscription_id where p.status = 'AWAITING_PAYMENT'"
          + " and p.account_id between ? and ? and p.expires_on <= ?")) {
        ps.setLong(1, firstAccount);
        ps.setLong(2, lastAccount);
        ps.setObject(3, day);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            boolean prolongation = "PROLONGATION".equals(rs.getString(5));
            renewals.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), prolongation ? 1 : 0});
            expiries.put(rs.getLong(3), rs.getObject(prolongation ? 6 : 4, LocalDate.class));
          }
        }
      }
      Map<Long, BigDecimal[]> ledgers = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select account_id, balance, credit_limit from ledger_account"
          + " where account_id between ? and ? order by account_id for update")) {
        ps.setLong(1, firstAccount);
        ps.setLong(2, lastAccount);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ledgers.put(rs.getLong(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
          }
        }
      }
      int paid = 0;
      try (PreparedStatement entry = c.prepareStatement("insert into ledger_entry (account_id, type, amount,"
          + " credit_limit_change, balance_after, credit_limit_after, idempotency_key, reference_type, reference_id,"
          + " description, actor, created_at) values (?, 'PAYMENT_DEBIT', ?, 0, ?, ?, ?, 'PAYMENT', ?, ?, 'system', ?)");
          PreparedStatement pay = c.prepareStatement("update payment set status = 'PAID_FROM_BALANCE', completed_with"
              + " = 'BALANCE', completed_by = 'system', completed_at = ? where id = ? and status = 'AWAITING_PAYMENT'");
          PreparedStatement event = c.prepareStatement("insert into payment_event (payment_id, kind, from_status,"
              + " to_status, method, detail, actor, occurred_at) values (?, ?, 'AWAITING_PAYMENT', ?, ?, ?, 'system', ?)");
          PreparedStatement balance = c.prepareStatement("update ledger_account set balance = ?, updated_at = ?"
              + " where account_id = ?");
          PreparedStatement accountEvent = c.prepareStatement("insert into account_event (account_id, type, actor,"
              + " occurred_at, customer_visible, detail) values (?, ?, 'system', ?, true, ?)");
          PreparedStatement order = c.prepareStatement("update customer_order set status = 'PROVISIONED',"
              + " provisioned_at = ?, version = version + 1 where id = ? and status = 'AWAITING_PAYMENT'");
          PreparedStatement subscription = c.prepareStatement("update subscription set term_starts_on = ?,"
              + " expires_on = ?, paid_until = ?, status = 'ACTIVE', version = version + 1 where id = ?");
          PreparedStatement prolong = c.prepareStatement("update subscription set paid_until = ?, status = 'ACTIVE',"
              + " version = version + 1 where id = ?")) {
        Map<Long, Integer> paidPerAccount = new HashMap<>();
        for (long[] p : payments) {
          BigDecimal[] ledger = ledgers.get(p[1]);
          BigDecimal amount = amounts.get(p[0]);
          if (ledger != null && ledger[0].add(ledger[1]).compareTo(amount) >= 0) {
            ledger[0] = ledger[0].subtract(amount);
            entry.setLong(1, p[1]);
            entry.setBigDecimal(2, amount.negate());
            entry.setBigDecimal(3, ledger[0]);
            entry.setBigDecimal(4, ledger[1]);
            entry.setString(5, "payment:" + p[0]);
            entry.setLong(6, p[0]);
            entry.setString(7, "Payment " + p[0] + " paid from the balance");
            entry.setObject(8, now);
            entry.addBatch();
            pay.setObject(1, now);
            pay.setLong(2, p[0]);
            pay.addBatch();
            event.setLong(1, p[0]);
            event.setString(2, "STATUS_CHANGED");
            event.setString(3, "PAID_FROM_BALANCE");
            event.setString(4, "BALANCE");
            event.setString(5, "Paid from the balance");
            event.setObject(6, now);
            event.addBatch();
            paidPerAccount.merge(p[1], 1, Integer::sum);
            long[] renewal = renewals.get(p[0]);
            if (renewal != null) {
              LocalDate expires = expiries.get(renewal[1]);
              order.setObject(1, now);
              order.setLong(2, renewal[0]);
              order.addBatch();
              if (renewal[2] == 1) {
                // a prolongation: paid a month further, the term as it was
                prolong.setObject(1, expires.plusMonths(1));
                prolong.setLong(2, renewal[1]);
                prolong.addBatch();
              } else {
                subscription.setObject(1, expires);
                subscription.setObject(2, expires.plusMonths(1));
                subscription.setObject(3, expires.plusMonths(1));
                subscription.setLong(4, renewal[1]);
                subscription.addBatch();
              }
              accountEvent.setLong(1, p[1]);
              accountEvent.setString(2, "ORDER_PROVISIONED");
              accountEvent.setObject(3, now);
              accountEvent.setString(4, "Order " + renewal[0] + " provisioned: subscription " + renewal[1] + " until "
                  + expires.plusMonths(1));
              accountEvent.addBatch();
            }
            paid++;
          } else {
            event.setLong(1, p[0]);
            event.setString(2, "AUTO_DEBIT_SKIPPED");
            event.setString(3, "AWAITING_PAYMENT");
            event.setString(4, null);
            event.setString(5, "INSUFFICIENT_BALANCE");
            event.setObject(6, now);
            event.addBatch();
          }
        }
        for (Map.Entry<Long, BigDecimal[]> l : ledgers.entrySet()) {
          balance.setBigDecimal(1, l.getValue()[0]);
          balance.setObject(2, now);
          balance.setLong(3, l.getKey());
          balance.addBatch();
        }
        for (Map.Entry<Long, Integer> a : paidPerAccount.entrySet()) {
          accountEvent.setLong(1, a.getKey());
          accountEvent.setString(2, "PAYMENT_COMPLETED");
          accountEvent.setObject(3, now);
          accountEvent.setString(4, a.getValue() + " payments paid from the balance");
          accountEvent.addBatch();
        }
        entry.executeBatch();
        balance.executeBatch();
        accountEvent.executeBatch();
        pay.executeBatch();
        order.executeBatch();
        subscription.executeBatch();
        prolong.executeBatch();
        event.executeBatch();
      }
      c.commit();
      return paid;
    }
  }
}
