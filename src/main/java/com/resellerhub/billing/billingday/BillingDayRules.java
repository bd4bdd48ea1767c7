package com.resellerhub.billing.billingday;

import com.resellerhub.billing.catalog.Instalments;
import com.resellerhub.billing.order.OrderType;
import com.resellerhub.billing.subscription.SubscriptionTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the billing day creates for one subscription on one day, and how the new orders are paid. Pure: every date
 * rule is unit-tested without Spring; {@link BillingDayService} reads the facts and writes the result. The whole
 * reasoning is in {@code docs/billing-day.md}.
 *
 * <ul>
 *   <li><b>Renewal</b> (auto-renewing commercial PREPAY subscription): from {@code renewalLeadDays} before its expiry
 *       up to the day before it; the order pays the next term from {@code expiresOn}; its payment is due and expires
 *       on {@code expiresOn}. Never on the expiry day itself: PAY-4 pays a renewal only when it was created before
 *       the subscription's expiry.</li>
 *   <li><b>Prolongation</b> (a PREPAY subscription paid until before its expiry, i.e. in instalments): from
 *       {@code prolongationLeadDays} before its paid-until date up to that day ("automatically on that day" at the
 *       latest, PAY-4); the order pays the instalment from {@code paidUntil}; its payment is due on {@code paidUntil}
 *       and expires {@code gracePeriodDays} later.</li>
 *   <li><b>Act</b> (commercial POSTPAY subscription with a price): on and after its expiry date, the period from
 *       {@code termStartsOn} to the day before {@code expiresOn} is closed and billed; an auto-renewing subscription
 *       rolls into its next term. Periods missed (the run did not run for a while) are all billed, one act each.</li>
 *   <li><b>Payments</b>: the new orders of one account that fall due on the same date share one COMBINED payment
 *       (their sum, expiring on the earliest of their expiry dates); an order alone gets an ORDER payment.</li>
 * </ul>
 */
public final class BillingDayRules {

  /** A postpaid subscription is never billed for more closed periods than this in one run. */
  static final int MAX_PERIODS_PER_RUN = 400;

  private BillingDayRules() {}

  /** The facts of a subscription and its plan the rules decide on. */
  public record Term(long subscriptionId, long accountId, long planId, BigDecimal planPrice, String currency,
      Period period, Period instalment, LocalDate startsOn, LocalDate termStartsOn, LocalDate expiresOn,
      LocalDate paidUntil, boolean autoRenew, int gracePeriodDays) {

    public Term {
      Objects.requireNonNull(period, "period");
      instalment = instalment == null ? period : instalment;
    }

    Instalments instalments() {
      return new Instalments(period, instalment, planPrice);
    }
  }

  /** An order to create: its type, the first day of the period it pays, its price and its payment's dates. */
  public record PlannedOrder(Term term, OrderType type, LocalDate periodStart, BigDecimal price, LocalDate dueDate,
      LocalDate expiresOn) {}

  /** A created order that waits for a payment. */
  public record DueOrder(long orderId, long accountId, String currency, BigDecimal amount, LocalDate dueDate,
      LocalDate expiresOn) {}

  /** A payment to create: ORDER for one order, COMBINED for several. */
  public record PlannedPayment(long accountId, String currency, List<Long> orderIds, BigDecimal amount,
      LocalDate dueDate, LocalDate expiresOn) {

    public boolean combined() {
      return orderIds.size() > 1;
    }
  }

  /** A closed postpay period, first and last day included, and the subscription's term after it. */
  public record ClosedPeriod(LocalDate start, LocalDate end, LocalDate nextTermStartsOn, LocalDate nextExpiresOn) {}

  // -------------------------------------------------------------------------------------------------------------
  // Windows

  /** Whether today is a renewal day of a subscription expiring on {@code expiresOn}: [expiry − lead, expiry − 1]. */
  public static boolean renewalDue(LocalDate today, LocalDate expiresOn, int leadDays) {
    return !today.isBefore(expiresOn.minusDays(leadDays)) && today.isBefore(expiresOn);
  }

  /** The expiry dates {@link #renewalDue} accepts today: the first and last. */
  public static LocalDate[] renewalExpiries(LocalDate today, int leadDays) {
    return new LocalDate[] {today.plusDays(1), today.plusDays(leadDays)};
  }

  /**
   * Whether today is a prolongation day of a subscription paid until {@code paidUntil} (before its expiry):
   * [paid-until − lead, paid-until].
   */
  public static boolean prolongationDue(LocalDate today, LocalDate paidUntil, LocalDate expiresOn, int leadDays) {
    return paidUntil != null && paidUntil.isBefore(expiresOn) && !today.isAfter(paidUntil)
        && !today.isBefore(paidUntil.minusDays(leadDays));
  }

  /** The paid-until dates {@link #prolongationDue} accepts today: the first and last. */
  public static LocalDate[] prolongationPaidUntils(LocalDate today, int leadDays) {
    return new LocalDate[] {today, today.plusDays(leadDays)};
  }

  /** Whether the postpaid term ending before {@code expiresOn} is closed today: on or after the expiry date. */
  public static boolean periodClosed(LocalDate today, LocalDate expiresOn) {
    return !expiresOn.isAfter(today);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Orders

  /**
   * The renewal of the subscription, when today is one of its renewal days: it pays the next term from
   * {@code expiresOn}, at the plan's price (its first instalment when the plan is paid in instalments); due and
   * expiring on {@code expiresOn}.
   */
  public static Optional<PlannedOrder> renewal(LocalDate today, Term t, int leadDays) {
    if (!t.autoRenew() || !renewalDue(today, t.expiresOn(), leadDays)) {
      return Optional.empty();
    }
    Instalments instalments = t.instalments();
    return Optional.of(new PlannedOrder(t, OrderType.RENEWAL, t.expiresOn(),
        instalments.priceOf(instalments.count() == 1), t.expiresOn(), t.expiresOn()));
  }

  /**
   * The prolongation of the subscription, when today is one of its prolongation days: it pays the instalment from
   * {@code paidUntil} (the last instalment of the term takes the rounding remainder); due on {@code paidUntil},
   * expiring {@code gracePeriodDays} later.
   */
  public static Optional<PlannedOrder> prolongation(LocalDate today, Term t, int leadDays) {
    if (!prolongationDue(today, t.paidUntil(), t.expiresOn(), leadDays)) {
      return Optional.empty();
    }
    boolean last = SubscriptionTerms.isLastInstalment(t.startsOn(), t.instalment(), t.paidUntil(), t.expiresOn());
    return Optional.of(new PlannedOrder(t, OrderType.PROLONGATION, t.paidUntil(), t.instalments().priceOf(last),
        t.paidUntil(), t.paidUntil().plusDays(Math.max(0, t.gracePeriodDays()))));
  }

  /**
   * The closed periods of a postpaid subscription not billed yet, oldest first: the current term when it has ended
   * by today, and, for an auto-renewing subscription, each following term that has ended too (at most
   * {@link #MAX_PERIODS_PER_RUN}).
   */
  public static List<ClosedPeriod> closedPeriods(LocalDate today, Term t) {
    List<ClosedPeriod> closed = new ArrayList<>();
    LocalDate start = t.termStartsOn();
    LocalDate expires = t.expiresOn();
    while (periodClosed(today, expires) && closed.size() < MAX_PERIODS_PER_RUN) {
      LocalDate nextStart = t.autoRenew() ? expires : start;
      LocalDate nextExpires = t.autoRenew() ? SubscriptionTerms.nextTermEnd(t.startsOn(), t.period(), expires)
          : expires;
      closed.add(new ClosedPeriod(start, expires.minusDays(1), nextStart, nextExpires));
      if (!t.autoRenew()) {
        break;
      }
      start = nextStart;
      expires = nextExpires;
    }
    return closed;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Charge dates moved by a promised payment (SUB-4)

  /** A promised payment of the account that has not ended: the day it was taken, the day its days end, its days. */
  public record RunningPromise(long promiseId, LocalDate firstDay, LocalDate lastDay, int days) {}

  /**
   * SUB-4: the promise that moves the charge of a renewal or prolongation payment whose charge date (its expiry date,
   * when the automatic debit takes it) is {@code chargeDate}: the newest of the account's promises not ended whose
   * first day ≤ {@code chargeDate} ≤ last day, both included. None when the payment is not a subscription's term
   * payment (every order a RENEWAL or PROLONGATION), or its charge date was moved before: a payment moves once.
   */
  public static Optional<RunningPromise> chargeMovedBy(LocalDate chargeDate, boolean termPayment,
      int movedBeforeDays, List<RunningPromise> running) {
    if (!termPayment || movedBeforeDays > 0 || chargeDate == null) {
      return Optional.empty();
    }
    return running.stream().filter(p -> p.days() > 0 && !chargeDate.isBefore(p.firstDay())
        && !chargeDate.isAfter(p.lastDay())).max(java.util.Comparator.comparingLong(RunningPromise::promiseId));
  }

  /** The dates of a moved charge: the due date and the expiry date, each {@code days} later (a null stays null). */
  public static LocalDate[] movedCharge(LocalDate dueDate, LocalDate expiresOn, int days) {
    return new LocalDate[] {dueDate == null ? null : dueDate.plusDays(days), expiresOn.plusDays(days)};
  }

  // -------------------------------------------------------------------------------------------------------------
  // Payments

  /**
   * The payments of the orders: per account, the orders falling due on the same date share one payment (COMBINED
   * when there are several) of their sum, expiring on the earliest of their expiry dates, so each order is still paid
   * by its own expiry date (the automatic debit pays on the payment's expiry date). Order of the result: by account,
   * then due date, as the orders came.
   */
  public static List<PlannedPayment> payments(List<DueOrder> orders) {
    Map<List<Object>, List<DueOrder>> groups = new LinkedHashMap<>();
    for (DueOrder o : orders) {
      groups.computeIfAbsent(List.of(o.accountId(), o.dueDate(), o.currency()), k -> new ArrayList<>()).add(o);
    }
    List<PlannedPayment> payments = new ArrayList<>();
    for (List<DueOrder> group : groups.values()) {
      DueOrder first = group.get(0);
      BigDecimal sum = group.stream().map(DueOrder::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      LocalDate expires = group.stream().map(DueOrder::expiresOn).min(LocalDate::compareTo).orElseThrow();
      payments.add(new PlannedPayment(first.accountId(), first.currency(),
          group.stream().map(DueOrder::orderId).sorted().toList(), sum, first.dueDate(), expires));
    }
    payments.sort(java.util.Comparator.comparingLong(PlannedPayment::accountId)
        .thenComparing(PlannedPayment::dueDate));
    return payments;
  }
}
