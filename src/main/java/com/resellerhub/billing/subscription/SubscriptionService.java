package com.resellerhub.billing.subscription;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates subscriptions for provisioned orders and changes their status and dates.
 *
 * <p>Every subscription is created by {@link SubscriptionRows} (one by {@link #open}, many by {@link #openAll}); the
 * bulk operations ({@link #openAll}, {@link #lockAll}, {@link #applyAll}, {@link #markPaymentOverdue}) and the billing
 * day's reads work with plain JDBC in the caller's transaction, so that provisioning hundreds of paid orders or marking
 * thousands of payments overdue takes a handful of statements. A single subscription's status
 * ({@link #changeStatus}) is changed through JPA. Both keep the optimistic {@code version}, so a JPA copy loaded
 * elsewhere fails its check rather than overwriting a bulk change.
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

  /**
   * What the billing day looks for among the commercial subscriptions that are ACTIVE, DELIVERED or PAYMENT_OVERDUE:
   * of the prepaid plans, those renewing automatically that expire in {@code [renewalFrom, renewalTo]} and those
   * paid until a day in {@code [prolongationFrom, prolongationTo]} before their expiry; of the postpaid plans, those
   * whose term ended on or before {@code closedBy}.
   */
  public record DueWindows(List<Long> prepaidPlanIds, LocalDate renewalFrom, LocalDate renewalTo,
      LocalDate prolongationFrom, LocalDate prolongationTo, List<Long> postpaidPlanIds, LocalDate closedBy) {

    public DueWindows {
      prepaidPlanIds = List.copyOf(prepaidPlanIds);
      postpaidPlanIds = List.copyOf(postpaidPlanIds);
    }
  }

  private final SubscriptionRepository subscriptions;
  private final SubscriptionRows rows;
  private final SubscriptionEventRepository history;
  private final ApplicationEventPublisher events;
  private final AccountEventLog eventLog;
  private final Clock clock;

  public SubscriptionService(SubscriptionRepository subscriptions, SubscriptionRows rows,
      SubscriptionEventRepository history, AccountEventLog eventLog, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.history = history;
    this.subscriptions = subscriptions;
    this.rows = rows;
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
      openAll(List.of(request));
      return subscriptions.findByOrderId(request.orderId()).orElseThrow();
    });
  }

  static SubscriptionTerms.Opening opening(NewSubscription request, LocalDate today) {
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
    Map<Long, State> existing = rows.byOrder(requests.stream().map(NewSubscription::orderId).toList());
    List<NewSubscription> missing = requests.stream().filter(r -> !existing.containsKey(r.orderId())).toList();
    if (!missing.isEmpty()) {
      rows.insert(missing, LocalDate.now(clock), clock.instant());
    }
    Map<Long, State> created = rows.byOrder(missing.stream().map(NewSubscription::orderId).toList());
    rows.events(created.entrySet().stream().map(e -> new SubscriptionRows.NewEvent(e.getValue().id(),
        SubscriptionEventKind.CREATED, null, e.getValue().status(), (e.getValue().trial() ? "Trial" : "Commercial")
            + " subscription opened by order " + e.getKey() + ", expires " + e.getValue().expiresOn(),
        AccountEventLog.SYSTEM)).toList(), clock.instant());
    Map<Long, State> all = new HashMap<>(existing);
    all.putAll(created);
    return all;
  }

  /**
   * Locks the subscriptions' rows ({@code SELECT ... FOR UPDATE}, in id order) and reads them, in the caller's
   * transaction.
   */
  @Transactional
  public Map<Long, State> lockAll(Collection<Long> ids) {
    return rows.byId(sorted(ids), true);
  }

  /** The subscriptions with these ids as they are now (no lock), in id order; unknown ids are left out. */
  @Transactional(readOnly = true)
  public Map<Long, State> statesOf(Collection<Long> ids) {
    return rows.byId(sorted(ids), false);
  }

  private static List<Long> sorted(Collection<Long> ids) {
    return ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
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
    List<SubscriptionRows.NewEvent> entries = new ArrayList<>();
    for (Map.Entry<Values, List<Long>> group : groups.entrySet()) {
      Values v = group.getKey();
      Map<Long, SubscriptionStatus> changed = rows.changeTerms(group.getValue(), v.expectedExpiresOn(),
          v.termStartsOn(), v.expiresOn(), v.paidUntil(), v.status());
      boolean renewed = !v.expiresOn().equals(v.expectedExpiresOn());
      changed.forEach((id, from) -> entries.add(new SubscriptionRows.NewEvent(id,
          renewed ? SubscriptionEventKind.RENEWED : SubscriptionEventKind.PROLONGED, from,
          v.status() == null ? from : v.status(), (renewed ? "Renewed until " + v.expiresOn() : "Prolonged")
              + (v.paidUntil() == null ? "" : ", paid until " + v.paidUntil()), AccountEventLog.SYSTEM)));
      applied += changed.size();
    }
    rows.events(entries, clock.instant());
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
    rows.changeStatus(candidates.stream().map(State::id).toList(), SubscriptionStatus.PAYMENT_OVERDUE);
    rows.events(candidates.stream().map(s -> new SubscriptionRows.NewEvent(s.id(),
        SubscriptionEventKind.PAYMENT_OVERDUE, s.status(), SubscriptionStatus.PAYMENT_OVERDUE,
        whyBySubscription.get(s.id()), AccountEventLog.SYSTEM)).toList(), clock.instant());
    List<AccountEventLog.Entry> entries = new ArrayList<>();
    for (State s : candidates) {
      entries.add(new AccountEventLog.Entry(s.accountId(), AccountEventType.SUBSCRIPTION_PAYMENT_OVERDUE,
          AccountEventLog.SYSTEM, true, "Subscription " + s.id() + " is PAYMENT_OVERDUE (was " + s.status() + "): "
              + whyBySubscription.get(s.id())));
    }
    eventLog.recordAll(entries);
    return candidates.stream().map(State::id).toList();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The billing day's reads (plain JDBC, page by page)

  /** The next page of accounts (ids above {@code afterAccountId}, ascending) with a subscription {@code windows} find. */
  @Transactional(readOnly = true)
  public List<Long> accountsWithTermsDue(DueWindows windows, long afterAccountId, int limit) {
    return rows.accountsWithTermsDue(windows, afterAccountId, limit);
  }

  /** The accounts' prepaid subscriptions renewing in the window, in account and id order. */
  @Transactional(readOnly = true)
  public List<State> renewalsDue(List<Long> accountIds, DueWindows windows) {
    return rows.renewalsDue(accountIds, windows);
  }

  /** The accounts' prepaid subscriptions whose paid-until date is in the window, in account and id order. */
  @Transactional(readOnly = true)
  public List<State> prolongationsDue(List<Long> accountIds, DueWindows windows) {
    return rows.prolongationsDue(accountIds, windows);
  }

  /** The accounts' postpaid subscriptions whose term closed by {@code windows.closedBy()}, in account and id order. */
  @Transactional(readOnly = true)
  public List<State> closedTerms(List<Long> accountIds, DueWindows windows) {
    return rows.closedTerms(accountIds, windows);
  }

  @Transactional(readOnly = true)
  public Subscription get(Long id) {
    return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("Subscription", id));
  }

  @Transactional(readOnly = true)
  public List<Subscription> ofAccount(Long accountId) {
    return subscriptions.findByAccountIdOrderByIdDesc(accountId);
  }

  /** The subscriptions of many accounts, in one query. */
  @Transactional(readOnly = true)
  public List<Subscription> ofAccounts(Collection<Long> accountIds) {
    return subscriptions.findByAccountIdInOrderById(accountIds);
  }

  /** The account's subscription, or 404 when it is another account's (SUB-1). */
  @Transactional(readOnly = true)
  public Subscription getOfAccount(Long accountId, Long id) {
    return subscriptions.findById(id).filter(s -> s.getAccountId().equals(accountId))
        .orElseThrow(() -> new NotFoundException("Subscription", id));
  }

  /** Subscriptions, newest first, optionally of one status and one plan (SUB-1). */
  @Transactional(readOnly = true)
  public Page<Subscription> search(SubscriptionStatus status, Long planId, Pageable pageable) {
    return subscriptions.search(status, planId, pageable);
  }

  /** How many subscriptions have this status (the operator's gauges). */
  @Transactional(readOnly = true)
  public long countWithStatus(SubscriptionStatus status) {
    return subscriptions.countByStatus(status);
  }

  /** A subscription's history, oldest first (SUB-1). */
  @Transactional(readOnly = true)
  public List<SubscriptionEvent> history(Long id) {
    return history.findBySubscriptionIdOrderByIdAsc(id);
  }

  /**
   * A status change with its actor and reason, in the subscription's history (SUSPENDED, RESUMED when it goes back to
   * ACTIVE from SUSPENDED, TERMINATED). The same status again changes nothing.
   */
  @Transactional
  public Subscription changeStatus(Long id, SubscriptionStatus status, String actor, String reason) {
    Subscription subscription = get(id);
    SubscriptionStatus from = subscription.getStatus();
    if (from == status) {
      return subscription;
    }
    subscription.changeStatus(status);
    SubscriptionEventKind kind = switch (status) {
      case SUSPENDED -> SubscriptionEventKind.SUSPENDED;
      case TERMINATED -> SubscriptionEventKind.TERMINATED;
      case ACTIVE -> from == SubscriptionStatus.SUSPENDED ? SubscriptionEventKind.RESUMED
          : SubscriptionEventKind.STATUS_CHANGED;
      default -> SubscriptionEventKind.STATUS_CHANGED;
    };
    rows.events(List.of(new SubscriptionRows.NewEvent(id, kind, from, status, reason, actor)), clock.instant());
    return subscription;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // SUB-3: the lifecycle of an unpaid term (the collections process decides when; these are the changes)

  /**
   * SUB-3: a payment of these subscriptions stayed unpaid past the grace period. Each that is PAYMENT_OVERDUE, ACTIVE
   * or DELIVERED becomes SUSPENDED, marked as an unpaid suspension; one already SUSPENDED by an account's block is
   * marked too (lifting the block will not resume it while unpaid). Returns the ids that changed. Idempotent.
   */
  @Transactional
  public List<Long> suspendUnpaid(Collection<Long> ids, String why) {
    List<Long> changed = new ArrayList<>();
    for (Long id : sorted(ids)) {
      Subscription s = subscriptions.lockById(id).orElse(null);
      if (s == null || s.isUnpaidSuspension()) {
        continue;
      }
      SubscriptionStatus from = s.getStatus();
      if (from == SubscriptionStatus.PAYMENT_OVERDUE || from == SubscriptionStatus.ACTIVE
          || from == SubscriptionStatus.DELIVERED || from == SubscriptionStatus.SUSPENDED) {
        s.changeStatus(SubscriptionStatus.SUSPENDED);
        s.unpaidSuspension(true);
        changed(s, SubscriptionEventKind.SUSPENDED, from, "Subscription " + id + " SUSPENDED: " + why,
            AccountEventLog.SYSTEM, false);
        changed.add(id);
      }
    }
    return changed;
  }

  /**
   * SUB-3: the payment stayed unpaid through the suspension: each of these subscriptions still suspended for it (or
   * still PAYMENT_OVERDUE) is TERMINATED; its open renewal and prolongation orders are cancelled with their payments
   * ({@link SubscriptionRenewalStopped}). Returns the ids that ended. Idempotent.
   */
  @Transactional
  public List<Long> terminateUnpaid(Collection<Long> ids, String why) {
    return endUnpaid(ids, s -> true, why);
  }


  /**
   * SUB-3: the payment of these subscriptions' term was cancelled and nothing else pays it: each still
   * PAYMENT_OVERDUE or suspended for it whose term has ended (expiry on or before {@code today}) is TERMINATED.
   * Returns the ids that ended. Idempotent.
   */
  @Transactional
  public List<Long> endUnpaidTerms(Collection<Long> ids, LocalDate today, String why) {
    return endUnpaid(ids, s -> !s.getExpiresOn().isAfter(today), why);
  }

  /** TERMINATED, each of these still unpaid (suspended for a payment or PAYMENT_OVERDUE) that {@code also} accepts. */
  private List<Long> endUnpaid(Collection<Long> ids, java.util.function.Predicate<Subscription> also, String why) {
    List<Long> ended = new ArrayList<>();
    for (Long id : sorted(ids)) {
      Subscription s = subscriptions.lockById(id).orElse(null);
      if (s == null || s.getStatus() == SubscriptionStatus.TERMINATED
          || !(s.isUnpaidSuspension() || s.getStatus() == SubscriptionStatus.PAYMENT_OVERDUE) || !also.test(s)) {
        continue;
      }
      s.unpaidSuspension(false);
      end(s, AccountEventLog.SYSTEM, why);
      ended.add(id);
    }
    return ended;
  }


  /**
   * SUB-3: the payment was paid (or settled otherwise) before termination: each of these subscriptions suspended for
   * it resumes (ACTIVE), unless {@code stillBlocked} (then it stays SUSPENDED for the block only); one still
   * PAYMENT_OVERDUE becomes ACTIVE. Returns the ids that changed. Idempotent.
   */
  @Transactional
  public List<Long> resumePaid(Collection<Long> ids, boolean stillBlocked, String why) {
    List<Long> changed = new ArrayList<>();
    for (Long id : sorted(ids)) {
      Subscription s = subscriptions.lockById(id).orElse(null);
      if (s == null || s.getStatus() == SubscriptionStatus.TERMINATED) {
        continue;
      }
      SubscriptionStatus from = s.getStatus();
      if (s.isUnpaidSuspension()) {
        s.unpaidSuspension(false);
        if (stillBlocked) {
          rows.events(List.of(new SubscriptionRows.NewEvent(id, SubscriptionEventKind.STATUS_CHANGED, from, from,
              why + "; it stays SUSPENDED while the account is blocked", AccountEventLog.SYSTEM)), clock.instant());
          changed.add(id);
          continue;
        }
        s.changeStatus(SubscriptionStatus.ACTIVE);
        changed(s, SubscriptionEventKind.RESUMED, from, "Subscription " + id + " RESUMED: " + why,
            AccountEventLog.SYSTEM, false);
        changed.add(id);
      } else if (from == SubscriptionStatus.PAYMENT_OVERDUE) {
        // paid, but a block of the account (another cause) still holds it
        SubscriptionStatus to = stillBlocked ? SubscriptionStatus.SUSPENDED : SubscriptionStatus.ACTIVE;
        s.changeStatus(to);
        changed(s, stillBlocked ? SubscriptionEventKind.SUSPENDED : SubscriptionEventKind.STATUS_CHANGED, from,
            "Subscription " + id + " " + to + ": " + why + (stillBlocked ? "; the account is blocked" : ""),
            AccountEventLog.SYSTEM, false);
        changed.add(id);
      }
    }
    return changed;
  }

  /**
   * SUB-2: turns automatic renewal on or off (a subscription that does not renew gets no renewal order). A trial
   * never renews, and a terminated subscription changes no more (422 naming {@code autoRenew}). The same value
   * again changes nothing. Recorded in the subscription's history and the account's event log.
   */
  @Transactional
  public Subscription setAutoRenew(Long accountId, Long id, boolean autoRenew, String actor) {
    Subscription subscription = lockOfAccount(accountId, id);
    if (subscription.isAutoRenew() == autoRenew) {
      return subscription;
    }
    if (autoRenew && subscription.isTrial()) {
      throw new BusinessRuleException("SUB-2", "autoRenew", "A trial subscription does not renew automatically;"
          + " order the commercial plan instead");
    }
    if (subscription.getStatus() == SubscriptionStatus.TERMINATED) {
      throw new BusinessRuleException("SUB-2", "autoRenew", "Subscription " + id + " is TERMINATED");
    }
    if (autoRenew && subscription.getCancelledAt() != null) {
      throw new BusinessRuleException("SUB-2", "autoRenew", "Subscription " + id + " was cancelled; it ends with"
          + " its term on " + subscription.getExpiresOn());
    }
    subscription.autoRenew(autoRenew);
    String what = "Automatic renewal " + (autoRenew ? "on" : "off") + " for subscription " + id + " (expires "
        + subscription.getExpiresOn() + ")";
    changed(subscription, autoRenew ? SubscriptionEventKind.AUTO_RENEW_ON : SubscriptionEventKind.AUTO_RENEW_OFF,
        subscription.getStatus(), what, actor, !autoRenew);
    return subscription;
  }

  /**
   * SUB-2: cancels at the end of the term: no more renewal (an open renewal order is cancelled with its payment),
   * and the subscription ends ({@code TERMINATED}) on its expiry date, when the billing day runs. Cancelling again
   * changes nothing; a terminated one cannot be cancelled (422).
   */
  @Transactional
  public Subscription cancelAtTermEnd(Long accountId, Long id, String actor) {
    Subscription subscription = lockOfAccount(accountId, id);
    if (subscription.getCancelledAt() != null) {
      return subscription;
    }
    if (subscription.getStatus() == SubscriptionStatus.TERMINATED) {
      throw new BusinessRuleException("SUB-2", "id", "Subscription " + id + " is TERMINATED already");
    }
    subscription.cancel(actor, clock.instant());
    changed(subscription, SubscriptionEventKind.CANCELLED, subscription.getStatus(), "Subscription " + id
        + " cancelled: it ends with its term on " + subscription.getExpiresOn(), actor, true);
    return subscription;
  }

  /** SUB-2: a manager ends a subscription now, with a reason; its open term orders are cancelled with payments. */
  @Transactional
  public Subscription terminate(Long id, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleException("SUB-2", "reason", "reason is required to terminate a subscription");
    }
    Subscription subscription = subscriptions.lockById(id).orElseThrow(() -> new NotFoundException("Subscription",
        id));
    if (subscription.getStatus() == SubscriptionStatus.TERMINATED) {
      return subscription;
    }
    end(subscription, actor, "Terminated by " + actor + ": " + reason);
    return subscription;
  }

  /**
   * The billing day: a cancelled subscription whose term ended (expiry on or before {@code today}) becomes
   * TERMINATED. Returns how many ended. Idempotent.
   */
  @Transactional
  public int endCancelledTerms(LocalDate today) {
    List<Subscription> ended = subscriptions.cancelledAndExpired(today);
    ended.forEach(s -> end(s, AccountEventLog.SYSTEM, "The term ended on " + s.getExpiresOn()
        + " after its cancellation"));
    return ended.size();
  }

  private void end(Subscription subscription, String actor, String reason) {
    SubscriptionStatus from = subscription.getStatus();
    subscription.changeStatus(SubscriptionStatus.TERMINATED);
    subscription.autoRenew(false);
    changed(subscription, SubscriptionEventKind.TERMINATED, from, "Subscription " + subscription.getId()
        + " TERMINATED: " + reason, actor, true);
  }

  /**
   * A customer-visible change of one subscription (SUB-1, SUB-2): its history entry, the account's event log and,
   * when it renews no more, {@link SubscriptionRenewalStopped} for its open term orders.
   */
  private void changed(Subscription subscription, SubscriptionEventKind kind, SubscriptionStatus from, String what,
      String actor, boolean renewalStopped) {
    rows.events(List.of(new SubscriptionRows.NewEvent(subscription.getId(), kind, from, subscription.getStatus(),
        what, actor)), clock.instant());
    eventLog.record(subscription.getAccountId(), AccountEventType.SUBSCRIPTION_CHANGED, actor, true,
        what + " (by " + actor + ")");
    if (renewalStopped) {
      events.publishEvent(new SubscriptionRenewalStopped(subscription.getId(), subscription.getAccountId(),
          subscription.getStatus() == SubscriptionStatus.TERMINATED, actor, what));
    }
  }

  private Subscription lockOfAccount(Long accountId, Long id) {
    return subscriptions.lockById(id).filter(s -> s.getAccountId().equals(accountId))
        .orElseThrow(() -> new NotFoundException("Subscription", id));
  }
}
