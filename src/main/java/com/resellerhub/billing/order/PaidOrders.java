package com.resellerhub.billing.order;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.catalog.PlanTerms;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.subscription.SubscriptionService.NewSubscription;
import com.resellerhub.billing.subscription.SubscriptionService.State;
import com.resellerhub.billing.subscription.SubscriptionService.TermChange;
import com.resellerhub.billing.subscription.SubscriptionStatus;
import com.resellerhub.billing.subscription.SubscriptionTerms;
import com.resellerhub.billing.order.OrderRows.Locked;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisions the orders of payments that were just paid, hundreds at a time, with plain JDBC ({@link OrderRows}) in
 * the caller's transaction: the orders' rows are locked and read in one statement, the subscriptions' rows in
 * another, then one batch updates the subscriptions, one the orders and one writes the event log. The callers (the
 * billing runs, a payment's completion) change no order or subscription through JPA in that transaction, so there is
 * nothing to flush first.
 *
 * <p>Only AWAITING_PAYMENT orders change (anything else is left alone, so a repeat does nothing):
 * <ul>
 *   <li>NEW: opens the subscription ({@link SubscriptionService#openAll}), as provisioning always did;</li>
 *   <li>RENEWAL: the subscription's next term: {@code termStartsOn} = the old expiry, {@code expiresOn} = the end of
 *       the next term ({@link SubscriptionTerms#nextTermEnd}), {@code paidUntil} = the end of the new term's first
 *       instalment (the new expiry for a plan paid at once; instalments and terms both count from the subscription's
 *       start); PAYMENT_OVERDUE becomes ACTIVE;</li>
 *   <li>PROLONGATION: {@code paidUntil} advances by one instalment, never past {@code expiresOn}; PAYMENT_OVERDUE
 *       becomes ACTIVE.</li>
 * </ul>
 * A renewal applies only while the subscription still expires on the order's {@code periodStart}, a prolongation
 * only while it is paid until the order's {@code periodStart}: an order that no longer fits its subscription (which
 * the unique term of each order should make impossible) is provisioned without changing the subscription, and a
 * warning is logged.
 */
@Component
class PaidOrders {

  private static final Logger log = LoggerFactory.getLogger(PaidOrders.class);

  private final OrderRows rows;
  private final PlanService plans;
  private final SubscriptionService subscriptions;
  private final AccountEventLog eventLog;
  private final Clock clock;

  PaidOrders(OrderRows rows, PlanService plans, SubscriptionService subscriptions, AccountEventLog eventLog,
      Clock clock) {
    this.rows = rows;
    this.plans = plans;
    this.subscriptions = subscriptions;
    this.eventLog = eventLog;
    this.clock = clock;
  }

  @Transactional
  public int provisionAll(Collection<Long> orderIds) {
    List<Long> ids = orderIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    if (ids.isEmpty()) {
      return 0;
    }
    List<Locked> awaiting = rows.lock(ids).stream().filter(r -> r.status() == OrderStatus.AWAITING_PAYMENT)
        .toList();
    if (awaiting.isEmpty()) {
      return 0;
    }
    Map<Long, PlanTerms> planById = plans.termsOf(awaiting.stream().map(Locked::planId).distinct().toList());

    Map<Long, String> details = new HashMap<>();
    Map<Long, Long> subscriptionOf = new HashMap<>();
    openNew(awaiting, planById, details, subscriptionOf);
    extend(awaiting, planById, details, subscriptionOf);

    int provisioned = markProvisioned(awaiting, subscriptionOf);
    eventLog.recordAll(awaiting.stream().map(r -> new AccountEventLog.Entry(r.accountId(),
        AccountEventType.ORDER_PROVISIONED, r.actor(), true, details.get(r.id()))).toList());
    log.debug("{} paid orders provisioned", provisioned);
    return provisioned;
  }

  /**
   * AWAITING_PAYMENT becomes PROVISIONED: NEW orders with their new subscription's id (one batch), the others, which
   * name their subscription already, in one {@code UPDATE ... WHERE id IN (...)} per 500.
   */
  private int markProvisioned(List<Locked> awaiting, Map<Long, Long> subscriptionOf) {
    Map<Long, Long> opened = new LinkedHashMap<>();
    awaiting.stream().filter(r -> r.type() == OrderType.NEW)
        .forEach(r -> opened.put(r.id(), subscriptionOf.get(r.id())));
    List<Long> extending = awaiting.stream().filter(r -> r.type() != OrderType.NEW).map(Locked::id).toList();
    Instant now = clock.instant();
    return rows.provisionedWithSubscriptions(opened, now) + rows.provisioned(extending, now);
  }

  /** NEW orders open their subscription. */
  private void openNew(List<Locked> awaiting, Map<Long, PlanTerms> planById, Map<Long, String> details,
      Map<Long, Long> subscriptionOf) {
    List<NewSubscription> opening = new ArrayList<>();
    for (Locked r : awaiting) {
      if (r.type() == OrderType.NEW) {
        PlanTerms plan = planById.get(r.planId());
        opening.add(new NewSubscription(r.accountId(), r.planId(), r.id(), r.trial(), plan.periodOf(r.trial()),
            plan.instalment(), !plan.isPostpaid(), plan.gracePeriodDays()));
      }
    }
    Map<Long, State> opened = subscriptions.openAll(opening);
    for (Map.Entry<Long, State> e : opened.entrySet()) {
      subscriptionOf.put(e.getKey(), e.getValue().id());
      details.put(e.getKey(), "Order " + e.getKey() + " provisioned: subscription " + e.getValue().id() + " until "
          + e.getValue().expiresOn());
    }
  }

  /** RENEWAL and PROLONGATION orders move their subscription's dates, in the order of the periods they pay. */
  private void extend(List<Locked> awaiting, Map<Long, PlanTerms> planById, Map<Long, String> details,
      Map<Long, Long> subscriptionOf) {
    List<Locked> extending = awaiting.stream().filter(r -> r.type() != OrderType.NEW)
        .sorted(Comparator.comparing((Locked r) -> r.subscriptionId() == null ? 0L : r.subscriptionId())
            .thenComparing(r -> r.periodStart() == null ? LocalDate.MIN : r.periodStart())
            .thenComparing(Locked::id))
        .toList();
    if (extending.isEmpty()) {
      return;
    }
    Map<Long, State> locked = subscriptions.lockAll(extending.stream().map(Locked::subscriptionId)
        .filter(Objects::nonNull).toList());
    Map<Long, State> current = new LinkedHashMap<>(locked);
    for (Locked r : extending) {
      subscriptionOf.put(r.id(), r.subscriptionId());
      State s = r.subscriptionId() == null ? null : current.get(r.subscriptionId());
      PlanTerms plan = planById.get(r.planId());
      State next = s == null ? null : r.type() == OrderType.RENEWAL ? renewed(s, r, plan) : prolonged(s, r, plan);
      if (next == null) {
        log.warn("{} order {} no longer fits subscription {} ({}); provisioned without changing it", r.type(),
            r.id(), r.subscriptionId(), s);
        details.put(r.id(), "Order " + r.id() + " provisioned; subscription " + r.subscriptionId()
            + " was not changed: it no longer starts the paid period on " + r.periodStart());
        continue;
      }
      current.put(s.id(), next);
      String back = s.status() != next.status() ? "; back to " + next.status() : "";
      details.put(r.id(), r.type() == OrderType.RENEWAL
          ? "Order " + r.id() + " provisioned: subscription " + s.id() + " renewed until " + next.expiresOn()
              + " (paid until " + next.paidUntil() + ")" + back
          : "Order " + r.id() + " provisioned: subscription " + s.id() + " paid until " + next.paidUntil() + back);
    }
    List<TermChange> changes = new ArrayList<>();
    for (State s : current.values()) {
      State before = locked.get(s.id());
      if (!s.equals(before)) {
        changes.add(new TermChange(s.id(), before.expiresOn(), s.termStartsOn(), s.expiresOn(), s.paidUntil(),
            s.status()));
      }
    }
    subscriptions.applyAll(changes);
  }

  private static State renewed(State s, Locked r, PlanTerms plan) {
    if (!s.expiresOn().equals(r.periodStart())) {
      return null;
    }
    LocalDate termStart = s.expiresOn();
    LocalDate expires = SubscriptionTerms.nextTermEnd(s.startsOn(), plan.period(), termStart);
    LocalDate paidUntil = SubscriptionTerms.instalmentEnd(s.startsOn(), plan.instalment(), termStart, expires);
    return new State(s.id(), s.accountId(), s.planId(), s.trial(), reactivated(s.status()), s.startsOn(), termStart,
        expires, paidUntil, s.autoRenew(), s.gracePeriodDays());
  }

  private static State prolonged(State s, Locked r, PlanTerms plan) {
    if (s.paidUntil() == null || !s.paidUntil().equals(r.periodStart()) || !s.paidUntil().isBefore(s.expiresOn())) {
      return null;
    }
    LocalDate paidUntil = SubscriptionTerms.instalmentEnd(s.startsOn(), plan.instalment(), s.paidUntil(),
        s.expiresOn());
    return new State(s.id(), s.accountId(), s.planId(), s.trial(), reactivated(s.status()), s.startsOn(),
        s.termStartsOn(), s.expiresOn(), paidUntil, s.autoRenew(), s.gracePeriodDays());
  }

  private static SubscriptionStatus reactivated(SubscriptionStatus status) {
    return status == SubscriptionStatus.PAYMENT_OVERDUE ? SubscriptionStatus.ACTIVE : status;
  }
}
