package com.resellerhub.billing.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An account's order of a plan. It records who created it and through which API, and, separately, the manager who
 * approved it when it needed postpay approval (PP-4): the creator never changes.
 *
 * <p>JPA writes an order a person places, approves or declines ({@link OrderService}); the platform's term orders and
 * the bulk provisioning of paid orders are written by {@link OrderRows}, in transactions that change no order through
 * JPA, bumping {@code version} there so a JPA copy loaded before fails its optimistic check.
 */
@Entity
@Table(name = "customer_order")
public class Order {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Column(name = "plan_id", nullable = false)
  private Long planId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OrderType type;

  @Column(nullable = false)
  private boolean trial;

  /** The order needed a manager's postpay approval when it was placed (PP-2). */
  @Column(name = "needs_approval", nullable = false)
  private boolean needsApproval;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OrderStatus status;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal price;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "created_via", nullable = false, length = 16)
  private OrderChannel createdVia;

  @Column(name = "approved_by", length = 64)
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "cancel_reason", length = 1000)
  private String cancelReason;

  /** Cancelled because the account's postpay permission was declined (masked in the customer API, PP-5). */
  @Column(name = "cancelled_by_decline", nullable = false)
  private boolean cancelledByDecline;

  @Column(name = "subscription_id")
  private Long subscriptionId;

  /**
   * RENEWAL: the first day of the term it pays (the renewed subscription's expiry); PROLONGATION: the first day of
   * the instalment it pays (the subscription's paid-until date). Null for NEW orders.
   */
  @Column(name = "period_start")
  private LocalDate periodStart;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "provisioned_at")
  private Instant provisionedAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Version
  private long version;

  protected Order() {}

  Order(Long accountId, Long planId, OrderType type, boolean trial, boolean needsApproval, BigDecimal price,
      String currency, String createdBy, OrderChannel createdVia, Instant createdAt) {
    this.accountId = accountId;
    this.planId = planId;
    this.type = type;
    this.trial = trial;
    this.needsApproval = needsApproval;
    this.status = OrderStatus.PENDING_APPROVAL;
    this.price = price;
    this.currency = currency;
    this.createdBy = createdBy;
    this.createdVia = createdVia;
    this.createdAt = createdAt;
  }

  void provisioned(Long subscriptionId, Instant at) {
    this.status = OrderStatus.PROVISIONED;
    this.subscriptionId = subscriptionId;
    this.provisionedAt = at;
  }

  void approvedBy(String approver, Instant at) {
    this.approvedBy = approver;
    this.approvedAt = at;
  }

  void cancelled(String reason, boolean byDecline, Instant at) {
    this.status = OrderStatus.CANCELLED;
    this.cancelReason = reason;
    this.cancelledByDecline = byDecline;
    this.cancelledAt = at;
  }

  void awaitingPayment() {
    this.status = OrderStatus.AWAITING_PAYMENT;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public Long getPlanId() {
    return planId;
  }

  public OrderType getType() {
    return type;
  }

  public boolean isTrial() {
    return trial;
  }

  public boolean isNeedsApproval() {
    return needsApproval;
  }

  public OrderStatus getStatus() {
    return status;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public String getCurrency() {
    return currency;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public OrderChannel getCreatedVia() {
    return createdVia;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public Instant getApprovedAt() {
    return approvedAt;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public boolean isCancelledByDecline() {
    return cancelledByDecline;
  }

  public Long getSubscriptionId() {
    return subscriptionId;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getProvisionedAt() {
    return provisionedAt;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }
}
