package com.resellerhub.billing.order;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders the platform creates itself for a subscription's next term (RENEWAL) or next instalment
 * (PROLONGATION), and what their expired payments do to the subscriptions (PAY-5). Plain JDBC ({@link OrderRows}) in
 * the caller's transaction, for the billing runs.
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

  private final OrderRows rows;
  private final SubscriptionService subscriptions;
  private final AccountEventLog eventLog;
  private final Clock clock;

  TermOrders(OrderRows rows, SubscriptionService subscriptions, AccountEventLog eventLog, Clock clock) {
    this.rows = rows;
    this.subscriptions = subscriptions;
    this.eventLog = eventLog;
    this.clock = clock;
  }

  /**
   * Creates the orders, AWAITING_PAYMENT, created by {@code system} through {@link OrderChannel#SYSTEM}, each with an
   * ORDER_PLACED entry in its account's event log: one batched insert of the orders, one of the entries. One that
   * already exists (same subscription, type and period start) is skipped: the result holds only the orders this call
   * created. The caller holds the accounts' locks, so what it reads as existing stays so; a writer that ignores the
   * locks and inserts the same order in between makes the batch fail on {@code uk_order_subscription_term}
   * ({@link org.springframework.dao.DuplicateKeyException}) and the caller's transaction create nothing.
   */
  @Transactional
  public List<Created> createAll(List<NewTermOrder> requests) {
    Set<OrderService.TermKey> existing = rows.termOrdersOf(requests.stream().map(NewTermOrder::subscriptionId)
        .distinct().toList());
    List<NewTermOrder> missing = new ArrayList<>();
    for (NewTermOrder r : requests) {
      // usual, not worth a line: a subscription stays in its lead window for days, and has its order after the first
      if (!existing.contains(new OrderService.TermKey(r.subscriptionId(), r.type(), r.periodStart()))) {
        missing.add(r);
      }
    }
    if (missing.size() < requests.size()) {
      log.debug("{} of {} term orders exist already; not created again", requests.size() - missing.size(),
          requests.size());
    }
    List<Long> ids = rows.insertTermOrders(missing, clock.instant());
    List<Created> created = new ArrayList<>(missing.size());
    for (int i = 0; i < missing.size(); i++) {
      created.add(new Created(missing.get(i), ids.get(i)));
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
    return what + ": " + Money.text(r.price()) + " " + r.currency() + (r.note() == null ? "" : " " + r.note());
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
    rows.subscriptionsOfTermOrders(whyByOrder.keySet()).forEach((order, subscription) ->
        whyBySubscription.merge(subscription, whyByOrder.get(order), (a, b) -> a + "; " + b));
    return subscriptions.markPaymentOverdue(whyBySubscription).size();
  }

  /** The subscriptions of the RENEWAL and PROLONGATION orders among these, ascending (collections, SUB-3). */
  @Transactional(readOnly = true)
  public java.util.List<Long> subscriptionsOf(java.util.Collection<Long> orderIds) {
    if (orderIds == null || orderIds.isEmpty()) {
      return java.util.List.of();
    }
    return rows.subscriptionsOfTermOrders(orderIds).values().stream().distinct().sorted().toList();
  }

  /** The subscription's renewal and prolongation orders waiting for their payment, oldest first (SUB-1). */
  @Transactional(readOnly = true)
  public java.util.List<Long> openOf(long subscriptionId) {
    return rows.openTermOrders(subscriptionId);
  }
}
