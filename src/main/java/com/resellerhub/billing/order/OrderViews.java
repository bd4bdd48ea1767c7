package com.resellerhub.billing.order;

import com.resellerhub.billing.catalog.Plan;
import com.resellerhub.billing.catalog.PlanService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import com.resellerhub.billing.web.PageOf;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the APIs show of an order. The customer API masks a decline (PP-5). */
@Component
public class OrderViews {

  public record OrderView(Long id, Long accountId, Long planId, String planName, OrderType type, boolean trial,
      OrderStatus status, BigDecimal price, String currency, String createdBy, OrderChannel createdVia,
      String approvedBy, Instant approvedAt, String cancelReason, Long subscriptionId,
      LocalDate periodStart, Instant createdAt, Instant provisionedAt, Instant cancelledAt) {}

  public record CustomerOrderView(Long id, Long planId, String planName, OrderType type, boolean trial,
      OrderStatus status, BigDecimal price, String currency, Long subscriptionId, LocalDate periodStart,
      Instant createdAt, Instant provisionedAt) {}


  private final PlanService plans;

  public OrderViews(PlanService plans) {
    this.plans = plans;
  }

  public OrderView operator(Order o) {
    return operator(o, planName(o));
  }

  /**
   * A page of orders for an operator, shown in one read-only transaction: a plan on several lines is read once (by
   * primary key, from the transaction's persistence context), not in a transaction per line.
   */
  @Transactional(readOnly = true)
  public PageOf<OrderView> operatorPage(Page<Order> page) {
    return PageOf.of(page, this::operator);
  }

  /** A page of the customer's orders, shown in one read-only transaction as {@link #operatorPage}. */
  @Transactional(readOnly = true)
  public PageOf<CustomerOrderView> customerPage(Page<Order> page) {
    return PageOf.of(page, this::customer);
  }

  private OrderView operator(Order o, String planName) {
    return new OrderView(o.getId(), o.getAccountId(), o.getPlanId(), planName, o.getType(), o.isTrial(),
        o.getStatus(), o.getPrice(), o.getCurrency(), o.getCreatedBy(), o.getCreatedVia(), o.getApprovedBy(),
        o.getApprovedAt(), o.getCancelReason(), o.getSubscriptionId(), o.getPeriodStart(), o.getCreatedAt(),
        o.getProvisionedAt(), o.getCancelledAt());
  }

  /** An order cancelled by a postpay decline still reads as waiting for approval (PP-5). */
  public CustomerOrderView customer(Order o) {
    return customer(o, planName(o));
  }

  private CustomerOrderView customer(Order o, String planName) {
    OrderStatus status = o.isCancelledByDecline() ? OrderStatus.PENDING_APPROVAL : o.getStatus();
    return new CustomerOrderView(o.getId(), o.getPlanId(), planName, o.getType(), o.isTrial(), status,
        o.getPrice(), o.getCurrency(), o.getSubscriptionId(), o.getPeriodStart(), o.getCreatedAt(),
        o.getProvisionedAt());
  }

  private String planName(Order o) {
    return plans.find(o.getPlanId()).map(Plan::getName).orElse(null);
  }
}
