package com.resellerhub.billing.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan an account uses, created by a provisioned order: trial or commercial, with its dates. {@code expiresOn} is
 * the end of the current term (one plan period, starting on {@code termStartsOn}); {@code paidUntil} the date up to
 * which it is paid (PREPAY; before {@code expiresOn} while a plan paid in instalments has instalments left), used by
 * prolongation orders (PAY-4); {@code gracePeriodDays} how long it keeps working after {@code paidUntil}. Date rules:
 * {@link SubscriptionTerms}.
 *
 * <p>Written by {@link SubscriptionRows} (every new row, and the bulk changes of renewals, prolongations, the billing
 * day and PAY-5, bumping {@code version} there); JPA reads it and changes only a single subscription's status
 * ({@link SubscriptionService#changeStatus}), checked by {@code version}.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Column(name = "plan_id", nullable = false)
  private Long planId;

  @Column(name = "order_id", nullable = false)
  private Long orderId;

  @Column(nullable = false)
  private boolean trial;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SubscriptionStatus status;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  /** The first day of the current term (the day after the previous term's last day). */
  @Column(name = "term_starts_on", nullable = false)
  private LocalDate termStartsOn;

  @Column(name = "expires_on", nullable = false)
  private LocalDate expiresOn;

  @Column(name = "paid_until")
  private LocalDate paidUntil;

  @Column(name = "auto_renew", nullable = false)
  private boolean autoRenew;

  @Column(name = "grace_period_days", nullable = false)
  private int gracePeriodDays;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancelled_by", length = 64)
  private String cancelledBy;

  /** SUB-3: suspended because a payment stayed unpaid (paying resumes it; lifting an account's block does not). */
  @Column(name = "unpaid_suspension", nullable = false)
  private boolean unpaidSuspension;

  @Version
  private long version;

  protected Subscription() {}

  void changeStatus(SubscriptionStatus status) {
    this.status = status;
  }

  void unpaidSuspension(boolean unpaid) {
    this.unpaidSuspension = unpaid;
  }

  public boolean isUnpaidSuspension() {
    return unpaidSuspension;
  }

  void autoRenew(boolean autoRenew) {
    this.autoRenew = autoRenew;
  }

  /** Cancelled at the end of the term: renews no more. */
  void cancel(String actor, Instant at) {
    this.autoRenew = false;
    this.cancelledBy = actor;
    this.cancelledAt = at;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public String getCancelledBy() {
    return cancelledBy;
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

  public Long getOrderId() {
    return orderId;
  }

  public boolean isTrial() {
    return trial;
  }

  public SubscriptionStatus getStatus() {
    return status;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getTermStartsOn() {
    return termStartsOn;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public LocalDate getPaidUntil() {
    return paidUntil;
  }

  public boolean isAutoRenew() {
    return autoRenew;
  }

  public int getGracePeriodDays() {
    return gracePeriodDays;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
