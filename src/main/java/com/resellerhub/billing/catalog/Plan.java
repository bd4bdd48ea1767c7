package com.resellerhub.billing.catalog;

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
import java.time.Period;

/**
 * A tariff of a reseller: what a subscription costs per period, paid before (PREPAY) or after (POSTPAY), with or
 * without a trial. Created through {@link PlanService}, which validates it.
 */
@Entity
@Table(name = "plan")
public class Plan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  /** Stable, unique within the reseller: lower-case letters, digits and dashes. */
  @Column(nullable = false, length = 64)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "billing_model", nullable = false, length = 16)
  private BillingModel billingModel;

  /** Price per period, in {@link #currency}. */
  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal price;

  @Column(nullable = false, length = 3)
  private String currency;

  /** ISO-8601 period of one billing cycle, such as P1M or P1Y. */
  @Column(name = "billing_period", nullable = false, length = 16)
  private String period;

  /**
   * ISO-8601 period of one instalment when the period's price is paid in instalments (an annual plan paid monthly:
   * P1M); null when it is paid at once. See {@link Instalments}.
   */
  @Column(name = "instalment_period", length = 16)
  private String instalmentPeriod;

  /** Days a prepaid subscription keeps working after its paid-until date (copied to its subscriptions). */
  @Column(name = "grace_period_days", nullable = false)
  private int gracePeriodDays;

  @Column(name = "trial_available", nullable = false)
  private boolean trialAvailable;

  /** Length of the trial in days; set exactly when a trial is available. */
  @Column(name = "trial_days")
  private Integer trialDays;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  // Promised-payment options (PROM-3, PROM-6); see PromisedPaymentOptions.
  @Column(name = "promise_top_up_since_previous", nullable = false)
  private boolean promiseTopUpSincePrevious;

  @Column(name = "promise_once_per_month", nullable = false)
  private boolean promiseOncePerMonth;

  @Column(name = "promise_last_payment_days")
  private Integer promiseLastPaymentDays;

  @Column(name = "promise_last_charge_days")
  private Integer promiseLastChargeDays;

  @Column(name = "promise_max_per_month")
  private Integer promiseMaxPerMonth;

  @Column(name = "promise_new_account_days")
  private Integer promiseNewAccountDays;

  protected Plan() {}

  Plan(Long resellerId, String code, String name, BillingModel billingModel, BigDecimal price, String currency,
      Period period, boolean trialAvailable, Integer trialDays, boolean active, Instant createdAt) {
    this(resellerId, code, name, billingModel, price, currency, period, null, 0, trialAvailable, trialDays, active,
        createdAt);
  }

  Plan(Long resellerId, String code, String name, BillingModel billingModel, BigDecimal price, String currency,
      Period period, Period instalmentPeriod, int gracePeriodDays, boolean trialAvailable, Integer trialDays,
      boolean active, Instant createdAt) {
    this.instalmentPeriod = instalmentPeriod == null ? null : instalmentPeriod.toString();
    this.gracePeriodDays = gracePeriodDays;
    this.resellerId = resellerId;
    this.code = code;
    this.name = name;
    this.billingModel = billingModel;
    this.price = price;
    this.currency = currency;
    this.period = period.toString();
    this.trialAvailable = trialAvailable;
    this.trialDays = trialDays;
    this.active = active;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getResellerId() {
    return resellerId;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public BillingModel getBillingModel() {
    return billingModel;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public String getCurrency() {
    return currency;
  }

  public Period getPeriod() {
    return Period.parse(period);
  }

  /** The instalment: the plan's own period when the price is paid at once. */
  public Period getInstalmentPeriod() {
    return instalmentPeriod == null ? getPeriod() : Period.parse(instalmentPeriod);
  }

  /** How the price of a period is paid: at once or in instalments. */
  public Instalments getInstalments() {
    return new Instalments(getPeriod(), getInstalmentPeriod(), price);
  }

  public int getGracePeriodDays() {
    return gracePeriodDays;
  }

  public boolean isTrialAvailable() {
    return trialAvailable;
  }

  public Integer getTrialDays() {
    return trialDays;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public PromisedPaymentOptions getPromisedPaymentOptions() {
    return new PromisedPaymentOptions(promiseTopUpSincePrevious, promiseOncePerMonth, promiseLastPaymentDays,
        promiseLastChargeDays, promiseMaxPerMonth, promiseNewAccountDays);
  }

  void changePromisedPaymentOptions(PromisedPaymentOptions options) {
    this.promiseTopUpSincePrevious = options.requiresTopUpSincePrevious();
    this.promiseOncePerMonth = options.oncePerMonth();
    this.promiseLastPaymentDays = options.lastPaymentWithinDays();
    this.promiseLastChargeDays = options.lastChargeWithinDays();
    this.promiseMaxPerMonth = options.maxPerMonth();
    this.promiseNewAccountDays = options.newAccountGraceDays();
  }

  public boolean isPostpaid() {
    return billingModel == BillingModel.POSTPAY;
  }
}
