package com.resellerhub.billing.operations;

import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.subscription.SubscriptionStatus;
import com.resellerhub.billing.account.AccountBulk;
import com.resellerhub.billing.payment.OverduePayments;
import com.resellerhub.billing.promise.PromiseFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import com.resellerhub.billing.order.PostpayReviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gauges an operator watches (OPS-4), served by {@code /actuator/prometheus}:
 * <table>
 *   <caption>gauges</caption>
 *   <tr><td>{@code billing_incidents_open}</td><td>open incidents of the process engine</td></tr>
 *   <tr><td>{@code billing_jobs_executable}</td><td>jobs due, not suspended and with retries left (timers, async steps)</td></tr>
 *   <tr><td>{@code billing_approval_tasks_open}</td><td>open "Review postpay permission" tasks</td></tr>
 *   <tr><td>{@code billing_payments_overdue}</td><td>rows of {@code payment} with status OVERDUE</td></tr>
 *   <tr><td>{@code billing_promised_payments_active}</td><td>rows of {@code promised_payment} with status
 *       ACTIVE</td></tr>
 *   <tr><td>{@code billing_accounts_blocked}</td><td>accounts with status BLOCKED</td></tr>
 *   <tr><td>{@code billing_subscriptions_suspended}, {@code billing_subscriptions_terminated}</td><td>subscriptions
 *       with that status</td></tr>
 *   <tr><td>{@code billing_payments_overdue_amount}</td><td>the sum of the OVERDUE payments</td></tr>
 *   <tr><td>{@code billing_collections_open}, {@code billing_collections_reviews_open}</td><td>payments in
 *       collections, and open "Review overdue account" reviews</td></tr>
 * </table>
 * Each value is computed by one COUNT query (of the engine, or of the owning feature's service) and kept for {@code billing.metrics.cache-ttl} (default 5 s), so a
 * scrape costs at most eleven cheap queries however often it comes.
 */
@Component
public class OperationsMetrics {

  private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

  public OperationsMetrics(MeterRegistry registry, RuntimeService runtime, ManagementService management,
      PostpayReviews reviews, OverduePayments payments, PromiseFigures promises, AccountBulk accounts,
      MetricsSettings settings, SubscriptionService subscriptions,
      com.resellerhub.billing.payment.PaymentCollections overdue,
      com.resellerhub.billing.collection.CollectionService collections) {
    Duration ttl = settings.cacheTtl();
    gauge(registry, "billing.incidents.open", "Open incidents of the process engine", ttl,
        () -> runtime.createIncidentQuery().count());
    gauge(registry, "billing.jobs.executable",
        "Jobs of the process engine that are due, not suspended and have retries left", ttl,
        () -> management.createJobQuery().executable().active().count());
    gauge(registry, "billing.approval.tasks.open", "Open 'Review postpay permission' tasks", ttl,
        reviews::openCount);
    gauge(registry, "billing.payments.overdue", "Payments with status OVERDUE",
        ttl, payments::overdueCount);
    gauge(registry, "billing.promised.payments.active",
        "Promised payments with status ACTIVE", ttl,
        promises::activeCount);
    gauge(registry, "billing.accounts.blocked", "Accounts with status BLOCKED", ttl,
        accounts::blockedCount);
    gauge(registry, "billing.subscriptions.suspended", "Subscriptions with status SUSPENDED", ttl,
        () -> subscriptions.countWithStatus(SubscriptionStatus.SUSPENDED));
    gauge(registry, "billing.subscriptions.terminated", "Subscriptions with status TERMINATED", ttl,
        () -> subscriptions.countWithStatus(SubscriptionStatus.TERMINATED));
    gauge(registry, "billing.payments.overdue.amount", "The sum of the payments with status OVERDUE, in the"
        + " reseller's currency", ttl, () -> overdue.overdueTotal().doubleValue());
    gauge(registry, "billing.collections.open", "Payments in collections (reminders and steps running)", ttl,
        collections::openCount);
    gauge(registry, "billing.collections.reviews.open", "Open 'Review overdue account' reviews", ttl,
        collections::openReviews);
  }

  private static void gauge(MeterRegistry registry, String name, String description, Duration ttl,
      Supplier<? extends Number> count) {
    Gauge.builder(name, new Cached(count, ttl)).description(description).strongReference(true).register(registry);
  }

  /** A value computed at most once per time-to-live; the last value is kept when computing it fails. */
  static final class Cached implements Supplier<Number> {
    private final Supplier<? extends Number> source;
    private final long ttlNanos;
    private Number value = 0;
    private long computedAt;
    private boolean computed;

    Cached(Supplier<? extends Number> source, Duration ttl) {
      this.source = source;
      this.ttlNanos = ttl.toNanos();
    }

    @Override
    public synchronized Number get() {
      long now = System.nanoTime();
      if (!computed || now - computedAt >= ttlNanos) {
        try {
          value = source.get();
        } catch (RuntimeException e) {
          log.warn("Gauge value could not be computed, keeping {}: {}", value, e.toString());
        }
        computedAt = now;
        computed = true;
      }
      return value;
    }
  }
}
