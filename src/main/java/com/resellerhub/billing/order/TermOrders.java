package com.resellerhub.billing.order;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.platform.Jdbc;
import com.resellerhub.billing.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders the platform creates itself for a subscription's next term (RENEWAL) or next instalment
 * (PROLONGATION), and what their expired payments do to the subscriptions (PAY-5). Plain JDBC in the caller's
 * transaction, for the billing runs.
 *
 * <p>Each such order names its subscription and the first day of the period it pays ({@code periodStart}); the
 * database holds one order per subscription, type and period start ({@code uk_order_subscription_term}), so an order
 * is never created twice: a second attempt is skipped.
 */
@Service
public class TermOrders {

  private static final Logger log = LoggerFactory.getLogger(TermOrders.class);

  /** A RENEWAL or PROLONGATION order to create, AWAITING_PAYMENT; {@code note} ends its event-log entry. */
  public record NewTermOrder(long accountId, long planId, long subscriptionId, OrderType type, LocalDate periodStart,
      BigDecimal price, String currency, String note) {

    public NewTermOrder {
      if (type == OrderType.NEW) {
        throw new IllegalArgumentException("A term order renews or prolongs a subscription");
      }
    }
  }

  /** An order that was created, with its id. */
  public record Created(NewTermOrder request, long orderId) {}

  private final JdbcTemplate jdbc;
  private final SubscriptionService subscriptions;
  private final AccountEventLog eventLog;
  private final Clock clock;

  public TermOrders(JdbcTemplate jdbc, SubscriptionService subscriptions, AccountEventLog eventLog, Clock clock) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
    this.eventLog = eventLog;
    this.clock = clock;
  }

  /**
   * Creates the orders, AWAITING_PAYMENT, created by {@code system} through {@link OrderChannel#SYSTEM}, each with an
   * ORDER_PLACED entry in its account's event log. One that already exists (same subscription, type and period
   * start) is skipped: the result holds only the orders this call created.
   */
  @Transactional
  public List<Created> createAll(List<NewTermOrder> requests) {
    List<Created> created = new ArrayList<>();
    LocalDateTime now = Jdbc.utc(clock.instant());
    for (NewTermOrder r : requests) {
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      try {
        jdbc.update(con -> {
          PreparedStatement ps = con.prepareStatement("INSERT INTO customer_order (account_id, plan_id, type, trial,"
              + " needs_approval, status, price, currency, created_by, created_via, cancelled_by_decline,"
              + " subscription_id, period_start, created_at, version)"
              + " VALUES (?, ?, ?, FALSE, FALSE, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS);
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
          ps.setObject(11, now);
          return ps;
        }, key);
      } catch (DuplicateKeyException e) {
        log.info("{} order of subscription {} for {} exists already; not created again", r.type(),
            r.subscriptionId(), r.periodStart());
        continue;
      }
      created.add(new Created(r, key.getKey().longValue()));
    }
    eventLog.recordAll(created.stream().map(c -> new AccountEventLog.Entry(c.request().accountId(),
        AccountEventType.ORDER_PLACED, AccountEventLog.SYSTEM, true, describe(c))).toList());
    return created;
  }

  private static String describe(Created c) {
    NewTermOrder r = c.request();
    String what = r.type() == OrderType.RENEWAL ? "Renewal order " + c.orderId() + " of subscription "
        + r.subscriptionId() + " for the term from " + r.periodStart()
        : "Prolongation order " + c.orderId() + " of subscription " + r.subscriptionId() + " for the instalment from "
            + r.periodStart();
    return what + ": " + r.price().toPlainString() + " " + r.currency() + (r.note() == null ? "" : " " + r.note());
  }

  /**
   * PAY-5: the payments of these orders expired unpaid ({@code why}: which payment). The subscriptions of the
   * RENEWAL and PROLONGATION orders among them go PAYMENT_OVERDUE when ACTIVE or DELIVERED
   * ({@link SubscriptionService#markPaymentOverdue}); NEW orders have no subscription yet. Returns how many
   * subscriptions changed.
   */
  @Transactional
  public int paymentsOverdue(Map<Long, String> whyByOrder) {
    if (whyByOrder.isEmpty()) {
      return 0;
    }
    Map<Long, String> whyBySubscription = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(whyByOrder.keySet())) {
      jdbc.query("SELECT id, subscription_id FROM customer_order WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") AND type IN ('RENEWAL', 'PROLONGATION') AND subscription_id IS NOT NULL ORDER BY id", rs -> {
            whyBySubscription.merge(rs.getLong("subscription_id"), whyByOrder.get(rs.getLong("id")),
                (a, b) -> a + "; " + b);
          }, chunk.toArray());
    }
    return subscriptions.markPaymentOverdue(whyBySubscription).size();
  }
}
