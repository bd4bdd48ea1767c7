package com.resellerhub.billing.promise;

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

/**
 * One promised payment of an account (PROM-2..PROM-6): the terms copied from the offer when taken, its dates, the
 * money received since it was taken, the commission charged, and whether it ended with the balance below zero.
 */
@Entity
@Table(name = "promised_payment")
public class PromisedPayment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Column(name = "offer_id")
  private Long offerId;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  /** The amount was computed (offer amount 0): no commission (PROM-4). */
  @Column(nullable = false)
  private boolean computed;

  @Column(name = "duration_days", nullable = false)
  private int durationDays;

  @Column(name = "connection_fee", nullable = false, precision = 19, scale = 4)
  private BigDecimal connectionFee;

  @Column(name = "commission_percent", nullable = false, precision = 9, scale = 4)
  private BigDecimal commissionPercent;

  @Enumerated(EnumType.STRING)
  @Column(name = "charge_method", nullable = false, length = 16)
  private ChargeMethod chargeMethod;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PromiseStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PromiseOrigin origin;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "taken_at", nullable = false)
  private Instant takenAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  @Column(name = "granted_at")
  private Instant grantedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  /** Money received (top-ups) since the promise was granted. */
  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal received = BigDecimal.ZERO;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal commission = BigDecimal.ZERO;

  /** The credit was withdrawn with the balance below zero (PROM-5): blocks new promises until settled. */
  @Column(name = "ended_negative", nullable = false)
  private boolean endedNegative;

  /** When the balance came back to zero or above after an {@link #endedNegative} end. */
  @Column(name = "settled_at")
  private Instant settledAt;

  /**
   * Closed by the expiry sweep, its instance not yet told "Promise expired": the sweep's next look (on any node) tells
   * it and clears the mark (issue 16, {@code docs/promised-payments.md#expiry}).
   */
  @Column(name = "instance_pending", nullable = false)
  private boolean instancePending;

  @Version
  private long version;

  protected PromisedPayment() {}

  PromisedPayment(Long accountId, Long offerId, BigDecimal amount, boolean computed, int durationDays,
      BigDecimal connectionFee, BigDecimal commissionPercent, ChargeMethod chargeMethod, PromiseOrigin origin,
      String createdBy, Instant takenAt) {
    this.accountId = accountId;
    this.offerId = offerId;
    this.amount = amount;
    this.computed = computed;
    this.durationDays = durationDays;
    this.connectionFee = connectionFee;
    this.commissionPercent = commissionPercent;
    this.chargeMethod = chargeMethod;
    this.origin = origin;
    this.createdBy = createdBy;
    this.takenAt = takenAt;
    this.endsAt = takenAt.plus(java.time.Duration.ofDays(durationDays));
    this.status = PromiseStatus.TAKEN;
  }

  void granted(Instant at) {
    this.status = PromiseStatus.ACTIVE;
    this.grantedAt = at;
  }

  void receive(BigDecimal money) {
    this.received = this.received.add(money);
  }

  void end(PromiseStatus how, Instant at) {
    this.status = how;
    this.endedAt = at;
  }

  void commissionCharged(BigDecimal total) {
    this.commission = total;
  }

  void endedNegative() {
    this.endedNegative = true;
  }

  void instanceToBeTold() {
    this.instancePending = true;
  }

  void instanceTold() {
    this.instancePending = false;
  }

  void settled(Instant at) {
    this.settledAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public Long getOfferId() {
    return offerId;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public boolean isComputed() {
    return computed;
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

  public PromiseStatus getStatus() {
    return status;
  }

  public PromiseOrigin getOrigin() {
    return origin;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getTakenAt() {
    return takenAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public BigDecimal getReceived() {
    return received;
  }

  public BigDecimal getCommission() {
    return commission;
  }

  public boolean isEndedNegative() {
    return endedNegative;
  }

  long getVersion() {
    return version;
  }

  public boolean isInstancePending() {
    return instancePending;
  }

  public Instant getSettledAt() {
    return settledAt;
  }

  /** Ended with the balance below zero and not settled since: no new promise (PROM-3). */
  public boolean isUnsettled() {
    return endedNegative && settledAt == null;
  }
}
