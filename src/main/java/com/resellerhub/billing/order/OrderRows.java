package com.resellerhub.billing.order;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.platform.Jdbc;
import com.resellerhub.billing.order.TermOrders.NewTermOrder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The plain SQL of {@code customer_order}, for the billing runs (hundreds of orders in the caller's transaction,
 * nothing loaded into JPA): the platform's own term orders, provisioning paid orders, and bulk reads.
 *
 * <p>Two writers, never of the same row in one transaction: JPA ({@link Order}) writes an order placed, approved,
 * declined or provisioned by a person's request ({@link OrderService}); this class writes the orders the platform
 * creates and the orders a paid payment provisions, in the billing runs and payment completions, which change no
 * order through JPA. Its only UPDATE ({@link #update}) bumps {@code version}, so a JPA copy loaded before fails its
 * optimistic check rather than overwriting the change.
 */
@Component
class OrderRows {

  /** An order as provisioning reads it (locked). */
  record Locked(long id, long accountId, long planId, OrderType type, boolean trial, OrderStatus status,
      Long subscriptionId, LocalDate periodStart, String createdBy, String approvedBy) {

    String actor() {
      return approvedBy != null ? approvedBy : createdBy;
    }
  }

  private final JdbcTemplate jdbc;

  OrderRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts term orders, AWAITING_PAYMENT, created by {@code system} through {@link OrderChannel#SYSTEM}, in one JDBC
   * batch (one multi-row INSERT per packet with {@code rewriteBatchedStatements}); returns their ids in the order of
   * {@code requests}. Throws {@link org.springframework.dao.DuplicateKeyException} when a subscription has one of them
   * already ({@code uk_order_subscription_term}): the caller's transaction then creates none of them.
   */
  List<Long> insertTermOrders(List<NewTermOrder> requests, Instant now) {
    if (requests.isEmpty()) {
      return List.of();
    }
    LocalDateTime at = Jdbc.utc(now);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO customer_order (account_id, plan_id, type, trial,"
        + " needs_approval, status, price, currency, created_by, created_via, cancelled_by_decline,"
        + " subscription_id, period_start, created_at, version)"
        + " VALUES (?, ?, ?, FALSE, FALSE, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 0)", new String[] {"id"}),
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            NewTermOrder r = requests.get(i);
            ps.setLong(1, r.accountId());
            ps.setLong(2, r.planId());
            ps.setString(3, r.type().name());
            ps.setString(4, OrderStatus.AWAITING_PAYMENT.name());
            ps.setBigDecimal(5, r.price());
            ps.setString(6, r.currency());
            ps.setString(7, AccountEventLog.SYSTEM);
            ps.setString(8, OrderChannel.SYSTEM.name());
            ps.setLong(9, r.subscriptionId());
            ps.setObject(10, r.periodStart());
            ps.setObject(11, at);
          }

          @Override
          public int getBatchSize() {
            return requests.size();
          }
        }, keys);
    return Jdbc.generatedIds(keys, requests.size());
  }

  /** Locks the orders' rows (sorted ids, {@code SELECT ... FOR UPDATE}) and reads them. */
  List<Locked> lock(List<Long> sortedIds) {
    List<Locked> rows = new ArrayList<>();
    for (List<Long> chunk : Jdbc.chunks(sortedIds)) {
      rows.addAll(jdbc.query("SELECT id, account_id, plan_id, type, trial, status, subscription_id, period_start,"
          + " created_by, approved_by FROM customer_order WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") ORDER BY id FOR UPDATE", (rs, n) -> new Locked(rs.getLong("id"), rs.getLong("account_id"),
          rs.getLong("plan_id"), OrderType.valueOf(rs.getString("type")), rs.getBoolean("trial"),
          OrderStatus.valueOf(rs.getString("status")), Jdbc.longOrNull(rs, "subscription_id"),
          Jdbc.date(rs, "period_start"), rs.getString("created_by"), rs.getString("approved_by")),
          chunk.toArray()));
    }
    return rows;
  }

  /** AWAITING_PAYMENT becomes PROVISIONED with the new subscription of each NEW order; returns how many changed. */
  int provisionedWithSubscriptions(Map<Long, Long> subscriptionByOrder, Instant now) {
    if (subscriptionByOrder.isEmpty()) {
      return 0;
    }
    List<Map.Entry<Long, Long>> rows = List.copyOf(subscriptionByOrder.entrySet());
    LocalDateTime at = Jdbc.utc(now);
    return Jdbc.total(jdbc.batchUpdate(update("status = ?, subscription_id = ?, provisioned_at = ?",
        "id = ? AND status = ?"), rows, rows.size(), (ps, e) -> {
          ps.setString(1, OrderStatus.PROVISIONED.name());
          ps.setLong(2, e.getValue());
          ps.setObject(3, at);
          ps.setLong(4, e.getKey());
          ps.setString(5, OrderStatus.AWAITING_PAYMENT.name());
        }));
  }

  /** AWAITING_PAYMENT becomes PROVISIONED (orders that name their subscription already); returns how many changed. */
  int provisioned(List<Long> orderIds, Instant now) {
    int changed = 0;
    for (List<Long> chunk : Jdbc.chunks(orderIds)) {
      List<Object> args = new ArrayList<>();
      args.add(OrderStatus.PROVISIONED.name());
      args.add(Jdbc.utc(now));
      args.addAll(chunk);
      args.add(OrderStatus.AWAITING_PAYMENT.name());
      changed += jdbc.update(update("status = ?, provisioned_at = ?", "id IN (" + Jdbc.placeholders(chunk.size())
          + ") AND status = ?"), args.toArray());
    }
    return changed;
  }

  /** Every UPDATE of an order: bumps {@code version} as Hibernate's optimistic check expects. */
  private static String update(String set, String where) {
    return "UPDATE customer_order SET " + set + ", version = version + 1 WHERE " + where;
  }

  /** The subscription of each of these orders that is a RENEWAL or PROLONGATION, by order id (ascending). */
  Map<Long, Long> subscriptionsOfTermOrders(Collection<Long> orderIds) {
    Map<Long, Long> subscriptionByOrder = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(orderIds)) {
      jdbc.query("SELECT id, subscription_id FROM customer_order WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") AND type IN ('RENEWAL', 'PROLONGATION') AND subscription_id IS NOT NULL ORDER BY id", rs -> {
            subscriptionByOrder.put(rs.getLong("id"), rs.getLong("subscription_id"));
          }, chunk.toArray());
    }
    return subscriptionByOrder;
  }

  /** The term orders (any status) of these subscriptions. */
  Set<OrderService.TermKey> termOrdersOf(Collection<Long> subscriptionIds) {
    Set<OrderService.TermKey> keys = new LinkedHashSet<>();
    for (List<Long> chunk : Jdbc.chunks(subscriptionIds)) {
      jdbc.query("SELECT subscription_id, type, period_start FROM customer_order WHERE subscription_id IN ("
          + Jdbc.placeholders(chunk.size()) + ") AND type IN ('RENEWAL', 'PROLONGATION')", rs -> {
            keys.add(new OrderService.TermKey(rs.getLong("subscription_id"), OrderType.valueOf(rs.getString("type")),
                Jdbc.date(rs, "period_start")));
          }, chunk.toArray());
    }
    return keys;
  }

  /** The subscription's RENEWAL and PROLONGATION orders waiting for their payment, oldest first. */
  List<Long> openTermOrders(long subscriptionId) {
    return jdbc.queryForList("SELECT id FROM customer_order WHERE subscription_id = ? AND type IN ('RENEWAL',"
        + " 'PROLONGATION') AND status = 'AWAITING_PAYMENT' ORDER BY id", Long.class, subscriptionId);
  }

  /** These orders' type, creation time and subscription, by id (ascending). */
  Map<Long, OrderService.Summary> summaries(Collection<Long> orderIds) {
    Map<Long, OrderService.Summary> byId = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(orderIds)) {
      jdbc.query("SELECT id, type, created_at, subscription_id FROM customer_order WHERE id IN ("
          + Jdbc.placeholders(chunk.size()) + ") ORDER BY id", rs -> {
            LocalDateTime created = rs.getObject("created_at", LocalDateTime.class);
            byId.put(rs.getLong("id"), new OrderService.Summary(rs.getLong("id"),
                OrderType.valueOf(rs.getString("type")), created.toInstant(ZoneOffset.UTC),
                Jdbc.longOrNull(rs, "subscription_id")));
          }, chunk.toArray());
    }
    return byId;
  }
}
