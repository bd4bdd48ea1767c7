package com.resellerhub.billing.order;

import com.resellerhub.billing.account.PostpayPermissions;
import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.account.AccountStatus;
import com.resellerhub.billing.account.PostpayPermission;
import com.resellerhub.billing.catalog.Instalments;
import com.resellerhub.billing.catalog.Plan;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import com.resellerhub.billing.subscription.Subscription;
import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing and provisioning orders, and the postpay rules (PP-2..PP-9) for both APIs.
 *
 * <p>Placing an order locks the account row first, so concurrent orders of one account are decided one after
 * another: of 50 concurrent first orders of a NOT_VERIFIED account one goes PENDING_APPROVAL and starts the review,
 * the other 49 find the account UNDER_REVIEW and are refused (PP-6).
 *
 * <p>A person's order is written through JPA ({@link Order}); the platform's term orders and the provisioning of paid
 * orders in bulk through {@link OrderRows} ({@link TermOrders}, {@link #provisionPaidAll}).
 */
@Service
public class OrderService {

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  /** What to order: a plan, trial or commercial, by whom and through which API. */
  public record PlaceOrder(long accountId, long planId, boolean trial, String actor, OrderChannel channel) {}

  /** A RENEWAL or PROLONGATION order of a subscription for the period starting on {@code periodStart}. */
  public record TermKey(long subscriptionId, OrderType type, LocalDate periodStart) {}

  /** What the automatic debit's rules need of an order: its type, when it was placed and its subscription. */
  public record Summary(long id, OrderType type, Instant createdAt, Long subscriptionId) {}

  private final OrderRepository orders;
  private final AccountService accounts;
  private final AccountEventLog eventLog;
  private final PlanService plans;
  private final ResellerService resellers;
  private final SubscriptionService subscriptions;
  private final PostpayReviews reviews;
  private final OrderPayments payments;
  private final PaidOrders paidOrders;
  private final OrderRows rows;
  private final Clock clock;
  private final PostpayPermissions permissions;

  OrderService(OrderRepository orders, AccountService accounts, AccountEventLog eventLog, PlanService plans,
      ResellerService resellers, SubscriptionService subscriptions, PostpayReviews reviews, OrderPayments payments,
      PaidOrders paidOrders, OrderRows rows, Clock clock, PostpayPermissions permissions) {
    this.permissions = permissions;
    this.orders = orders;
    this.accounts = accounts;
    this.eventLog = eventLog;
    this.plans = plans;
    this.resellers = resellers;
    this.subscriptions = subscriptions;
    this.reviews = reviews;
    this.payments = payments;
    this.paidOrders = paidOrders;
    this.rows = rows;
    this.clock = clock;
  }

  @Transactional
  public Order place(PlaceOrder request) {
    Account account = accounts.lock(request.accountId());
    if (account.getStatus() != AccountStatus.ACTIVE) {
      throw new BusinessRuleException("account-not-active", "accountId",
          "Account " + account.getId() + " is " + account.getStatus() + " and cannot place orders");
    }
    accounts.requireTermsAccepted(account.getId());
    Plan plan = plans.find(request.planId()).filter(Plan::isActive)
        .filter(p -> p.getResellerId().equals(account.getResellerId()))
        .orElseThrow(() -> new BusinessRuleException("unknown-plan", "planId",
            "planId " + request.planId() + " is not an active plan"));
    if (request.trial() && !plan.isTrialAvailable()) {
      throw new BusinessRuleException("trial-not-available", "trial", "Plan " + plan.getCode() + " has no trial");
    }

    ResellerSettings settings = resellers.settings();
    boolean needsPermission = PostpayRule.needsPermission(settings.postpayApproval(),
        settings.postpayApprovalAppliesTo(), plan.getBillingModel(), request.trial());
    Order order = orders.save(new Order(account.getId(), plan.getId(), OrderType.NEW, request.trial(),
        needsPermission, request.trial() ? BigDecimal.ZERO.setScale(4) : firstInstalment(plan),
        plan.getCurrency(), request.actor(), request.channel(), clock.instant()));
    eventLog.record(account.getId(), AccountEventType.ORDER_PLACED, request.actor(), true,
        "Order " + order.getId() + ": " + plan.getName() + (request.trial() ? " (trial)" : "")
            + " via " + request.channel());

    if (needsPermission) {
      PostpayPermission permission = account.getPostpayPermission();
      switch (permission) {
        case APPROVED -> provision(order, plan);
        case NOT_VERIFIED -> {
          permissions.markUnderReview(account.getId(), request.actor(),
              "First postpaid order " + order.getId() + " waits for a manager's approval");
          reviews.requestReview(order);
          log.info("Order {} of account {} waits for postpay approval", order.getId(), account.getId());
        }
        case UNDER_REVIEW, DECLINED -> throw refusedWhileUnderReview(account, request.channel());
      }
    } else {
      provisionOrAwaitPayment(order, plan);
    }
    return order;
  }

  /**
   * PP-6. Through the customer API a DECLINED account reads as under review (PP-5), so the refusal says the same to
   * the customer; the operator API names the decline.
   */
  private static BusinessRuleException refusedWhileUnderReview(Account account, OrderChannel channel) {
    boolean declined = account.getPostpayPermission() == PostpayPermission.DECLINED;
    String detail = declined && channel == OrderChannel.OPERATOR_API
        ? "Account " + account.getId() + " was declined postpay permission; it cannot order postpaid subscriptions"
            + " that need permission. The decision is final: contact support"
        : "Account " + account.getId() + " is under review by a manager; postpaid subscriptions that need"
            + " permission can be ordered once the review is approved";
    return new BusinessRuleException("PP-6", "planId", detail);
  }

  /** PP-4: provisions every order of the account waiting for approval and records the approver. Idempotent. */
  @Transactional
  public List<Order> approvePending(long accountId, String approver) {
    List<Order> pending = orders.findByAccountIdAndStatusOrderByIdAsc(accountId, OrderStatus.PENDING_APPROVAL);
    for (Order order : pending) {
      order.approvedBy(approver, clock.instant());
      provision(order, plans.get(order.getPlanId()));
    }
    return pending;
  }

  /**
   * SUB-2: a subscription renews no more (or was terminated): its RENEWAL orders waiting for payment (and, when it
   * was terminated, its PROLONGATION orders) are cancelled with their payments. Idempotent.
   */
  @Transactional
  public List<Order> cancelTermOrders(long subscriptionId, boolean prolongationsToo, String actor, String reason) {
    List<OrderType> types = prolongationsToo ? List.of(OrderType.RENEWAL, OrderType.PROLONGATION)
        : List.of(OrderType.RENEWAL);
    List<Order> cancelled = orders.findBySubscriptionIdAndStatusAndTypeInOrderByIdAsc(subscriptionId,
        OrderStatus.AWAITING_PAYMENT, types);
    for (Order order : cancelled) {
      order.cancelled(reason, false, clock.instant());
      payments.cancelForOrder(order.getId(), actor, reason);
      eventLog.record(order.getAccountId(), AccountEventType.ORDER_CANCELLED, actor, true,
          "Order " + order.getId() + " (" + order.getType() + ") cancelled: " + reason);
    }
    return cancelled;
  }

  /** PP-5: cancels every order of the account waiting for approval with the decline's reason. Idempotent. */
  @Transactional
  public List<Order> cancelPending(long accountId, String decidedBy, String reason) {
    List<Order> pending = orders.findByAccountIdAndStatusOrderByIdAsc(accountId, OrderStatus.PENDING_APPROVAL);
    for (Order order : pending) {
      order.cancelled(reason, true, clock.instant());
      // The customer keeps seeing the order as waiting for review (PP-5): this entry is the operator's only.
      eventLog.record(accountId, AccountEventType.ORDER_CANCELLED, decidedBy, false,
          "Order " + order.getId() + " cancelled: postpay permission declined: " + reason);
    }
    return pending;
  }

  /**
   * A PREPAY commercial order with a price is provisioned when its payment is paid (it waits AWAITING_PAYMENT with an
   * ORDER payment); trials, free orders and postpaid orders are provisioned at once.
   */
  private void provisionOrAwaitPayment(Order order, Plan plan) {
    if (!plan.isPostpaid() && !order.isTrial() && order.getPrice().signum() > 0) {
      order.awaitingPayment();
      payments.requestPayment(order);
      log.info("Order {} of account {} waits for its payment", order.getId(), order.getAccountId());
    } else {
      provision(order, plan);
    }
  }

  /**
   * A new commercial order pays the plan's first instalment: the whole price when the plan is paid at once, else
   * one instalment (the subscription is then paid until the instalment's end and prolonged instalment by instalment).
   */
  static BigDecimal firstInstalment(Plan plan) {
    Instalments instalments = plan.getInstalments();
    return instalments.priceOf(instalments.count() == 1);
  }

  /** The length of a new subscription: the plan's period, or the trial's days. */
  private static Period periodOf(Plan plan, boolean trial) {
    return trial ? Period.ofDays(plan.getTrialDays() == null ? 30 : plan.getTrialDays()) : plan.getPeriod();
  }

  /**
   * Provisions the orders of a payment that was just paid, in the caller's transaction, fast (plain JDBC: a handful
   * of statements for hundreds of orders; it does not read payments at all). Only AWAITING_PAYMENT orders change:
   * <ul>
   *   <li>NEW: opens the subscription, as provisioning a free or approved order does;</li>
   *   <li>RENEWAL: the subscription's next term ({@code expiresOn} + one plan period, {@code paidUntil} = the new
   *       expiry, or the end of the new term's first instalment); PAYMENT_OVERDUE becomes ACTIVE;</li>
   *   <li>PROLONGATION: {@code paidUntil} advances by one instalment, never past {@code expiresOn}; PAYMENT_OVERDUE
   *       becomes ACTIVE.</li>
   * </ul>
   * Other orders are left alone, so calling it again changes nothing. Returns how many orders it provisioned.
   */
  @Transactional
  public int provisionPaidAll(Collection<Long> orderIds) {
    return paidOrders.provisionAll(orderIds);
  }

  private void provision(Order order, Plan plan) {
    Subscription subscription = subscriptions.open(new SubscriptionService.NewSubscription(order.getAccountId(),
        plan.getId(), order.getId(), order.isTrial(), periodOf(plan, order.isTrial()), plan.getInstalmentPeriod(),
        !plan.isPostpaid(), plan.getGracePeriodDays()));
    order.provisioned(subscription.getId(), clock.instant());
    eventLog.record(order.getAccountId(), AccountEventType.ORDER_PROVISIONED,
        order.getApprovedBy() != null ? order.getApprovedBy() : order.getCreatedBy(), true,
        "Order " + order.getId() + " provisioned: subscription " + subscription.getId() + " until "
            + subscription.getExpiresOn());
  }

  /** These orders' type, creation time and subscription, by id (ascending), read in bulk; unknown ids are left out. */
  @Transactional(readOnly = true)
  public Map<Long, Summary> summaries(Collection<Long> orderIds) {
    return rows.summaries(orderIds.stream().filter(Objects::nonNull).distinct().sorted().toList());
  }

  /** The account's NEW orders waiting for their payment, oldest first (PROM-6: a new account's first order). */
  @Transactional(readOnly = true)
  public List<Order> newOrdersAwaitingPayment(long accountId) {
    return orders.findByAccountIdAndStatusOrderByIdAsc(accountId, OrderStatus.AWAITING_PAYMENT).stream()
        .filter(o -> o.getType() == OrderType.NEW).toList();
  }

  @Transactional(readOnly = true)
  public Order get(long id) {
    return orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
  }

  /** The account's order, or 404 when it belongs to another account (a customer sees only its own). */
  @Transactional(readOnly = true)
  public Order getOfAccount(long accountId, long orderId) {
    return orders.findById(orderId).filter(o -> o.getAccountId() == accountId)
        .orElseThrow(() -> new NotFoundException("Order", orderId));
  }

  @Transactional(readOnly = true)
  public Page<Order> ofAccount(long accountId, Pageable pageable) {
    accounts.get(accountId);
    return orders.findByAccountIdOrderByIdDesc(accountId, pageable);
  }

  @Transactional(readOnly = true)
  public Page<Order> list(OrderStatus status, Pageable pageable) {
    return status == null ? orders.findAllByOrderByIdDesc(pageable) : orders.findByStatusOrderByIdDesc(status, pageable);
  }

}
