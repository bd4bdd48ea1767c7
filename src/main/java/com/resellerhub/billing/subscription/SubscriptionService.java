package com.resellerhub.billing.subscription;

import com.resellerhub.billing.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates subscriptions for provisioned orders and changes their status. */
@Service
public class SubscriptionService {

  /** What a provisioned order asks for. {@code period} is the plan's period, or the trial's length for a trial. */
  public record NewSubscription(Long accountId, Long planId, Long orderId, boolean trial, Period period,
      boolean prepaid, int gracePeriodDays) {}

  private final SubscriptionRepository subscriptions;
  private final Clock clock;

  public SubscriptionService(SubscriptionRepository subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /**
   * Opens an ACTIVE subscription starting today (UTC) and expiring after its period. A commercial subscription renews
   * automatically; a trial does not. A prepaid one is paid until its expiry. Idempotent per order.
   */
  @Transactional
  public Subscription open(NewSubscription request) {
    return subscriptions.findByOrderId(request.orderId()).orElseGet(() -> {
      LocalDate today = LocalDate.now(clock);
      LocalDate expires = today.plus(request.period());
      return subscriptions.save(new Subscription(request.accountId(), request.planId(), request.orderId(),
          request.trial(), today, expires, request.prepaid() && !request.trial() ? expires : null, !request.trial(),
          request.gracePeriodDays(), clock.instant()));
    });
  }

  @Transactional(readOnly = true)
  public Subscription get(Long id) {
    return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("Subscription", id));
  }

  @Transactional(readOnly = true)
  public List<Subscription> ofAccount(Long accountId) {
    return subscriptions.findByAccountIdOrderByIdDesc(accountId);
  }

  @Transactional
  public Subscription changeStatus(Long id, SubscriptionStatus status) {
    Subscription subscription = get(id);
    subscription.changeStatus(status);
    return subscription;
  }
}
