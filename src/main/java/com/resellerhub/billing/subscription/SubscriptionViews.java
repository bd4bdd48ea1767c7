package com.resellerhub.billing.subscription;

import com.resellerhub.billing.catalog.Plan;
import com.resellerhub.billing.catalog.PlanService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import com.resellerhub.billing.web.PageOf;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What customers and managers see of a subscription (SUB-1). */
@Component
public class SubscriptionViews {

  public record PlanRef(Long id, String code, String name) {}

  public record SubscriptionView(Long id, Long accountId, PlanRef plan, boolean trial, SubscriptionStatus status,
      LocalDate startsOn, LocalDate termStartsOn, LocalDate expiresOn, LocalDate paidUntil, boolean autoRenew,
      int gracePeriodDays, Instant createdAt, Instant cancelledAt, String cancelledBy,
      OpenPayments.OpenPayment openPayment) {}

  public record HistoryEntry(SubscriptionEventKind kind, SubscriptionStatus fromStatus, SubscriptionStatus toStatus,
      String detail, String actor, Instant occurredAt) {}

  public record SubscriptionDetail(SubscriptionView subscription, List<HistoryEntry> history) {}

  private final PlanService plans;
  private final SubscriptionService subscriptions;

  private final OpenPayments openPayments;

  SubscriptionViews(PlanService plans, SubscriptionService subscriptions, OpenPayments openPayments) {
    this.openPayments = openPayments;
    this.plans = plans;
    this.subscriptions = subscriptions;
  }

  @Transactional(readOnly = true)
  public SubscriptionView of(Subscription s) {
    PlanRef plan = plans.find(s.getPlanId()).map(SubscriptionViews::ref).orElse(new PlanRef(s.getPlanId(), null,
        null));
    return new SubscriptionView(s.getId(), s.getAccountId(), plan, s.isTrial(), s.getStatus(), s.getStartsOn(),
        s.getTermStartsOn(), s.getExpiresOn(), s.getPaidUntil(), s.isAutoRenew(), s.getGracePeriodDays(),
        s.getCreatedAt(), s.getCancelledAt(), s.getCancelledBy(), openPayments.of(s.getId()).orElse(null));
  }

  /**
   * The account's subscriptions, newest first, with their plans and open payments, read in one read-only transaction:
   * one connection and one commit for the list, and a plan shown on several lines read once.
   */
  @Transactional(readOnly = true)
  public List<SubscriptionView> ofAccount(long accountId) {
    return subscriptions.ofAccount(accountId).stream().map(this::of).toList();
  }

  /** A page of subscriptions shown in one read-only transaction, as {@link #ofAccount}. */
  @Transactional(readOnly = true)
  public PageOf<SubscriptionView> page(Page<Subscription> page) {
    return PageOf.of(page, this::of);
  }

  @Transactional(readOnly = true)
  public SubscriptionDetail detail(Subscription s) {
    return new SubscriptionDetail(of(s), subscriptions.history(s.getId()).stream().map(e -> new HistoryEntry(
        e.getKind(), e.getFromStatus(), e.getToStatus(), e.getDetail(), e.getActor(), e.getOccurredAt())).toList());
  }

  private static PlanRef ref(Plan p) {
    return new PlanRef(p.getId(), p.getCode(), p.getName());
  }
}
