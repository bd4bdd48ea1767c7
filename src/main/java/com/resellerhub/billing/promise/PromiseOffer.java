package com.resellerhub.billing.promise;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A promised-payment offer (PROM-1): amount (0 = computed from the plan's price), days, connection fee, commission
 * percent, charge method, whether customers may take it themselves, and the plans it is limited to (none = all).
 */
@Entity
@Table(name = "promised_payment_offer")
public class PromiseOffer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(name = "duration_days", nullable = false)
  private int durationDays;

  @Column(name = "connection_fee", nullable = false, precision = 19, scale = 4)
  private BigDecimal connectionFee;

  @Column(name = "commission_percent", nullable = false, precision = 9, scale = 4)
  private BigDecimal commissionPercent;

  @Enumerated(EnumType.STRING)
  @Column(name = "charge_method", nullable = false, length = 16)
  private ChargeMethod chargeMethod;

  @Column(name = "customer_available", nullable = false)
  private boolean customerAvailable;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "promised_payment_offer_plan", joinColumns = @JoinColumn(name = "offer_id"))
  @Column(name = "plan_id")
  private Set<Long> planIds = new TreeSet<>();

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected PromiseOffer() {}

  PromiseOffer(Long resellerId, String createdBy, Instant createdAt) {
    this.resellerId = resellerId;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void change(String name, BigDecimal amount, int durationDays, BigDecimal connectionFee,
      BigDecimal commissionPercent, ChargeMethod chargeMethod, boolean customerAvailable, Set<Long> planIds) {
    this.name = name;
    this.amount = amount;
    this.durationDays = durationDays;
    this.connectionFee = connectionFee;
    this.commissionPercent = commissionPercent;
    this.chargeMethod = chargeMethod;
    this.customerAvailable = customerAvailable;
    this.planIds.clear();
    this.planIds.addAll(planIds);
  }

  public Long getId() {
    return id;
  }

  public Long getResellerId() {
    return resellerId;
  }

  public String getName() {
    return name;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  /** Whether the amount is computed when taken (amount 0). */
  public boolean isComputed() {
    return amount.signum() == 0;
  }

  public int getDurationDays() {
    return durationDays;
  }

  public BigDecimal getConnectionFee() {
    return connectionFee;
  }

  public BigDecimal getCommissionPercent() {
    return commissionPercent;
  }

  public ChargeMethod getChargeMethod() {
    return chargeMethod;
  }

  public boolean isCustomerAvailable() {
    return customerAvailable;
  }

  public Set<Long> getPlanIds() {
    return Set.copyOf(planIds);
  }

  /** Whether an account on this plan (null: none) may use the offer. */
  public boolean allowsPlan(Long planId) {
    return planIds.isEmpty() || (planId != null && planIds.contains(planId));
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
