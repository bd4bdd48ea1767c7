package com.resellerhub.billing.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A payment in collections (one row per payment, its id the key: a collection starts once, whatever nodes do).
 * Written only by {@link CollectionService}, through JPA.
 */
@Entity
@Table(name = "collection")
public class Collection {

  @Id
  @Column(name = "payment_id")
  private Long paymentId;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CollectionStatus status;

  @Column(name = "grace_extension_days", nullable = false)
  private int graceExtensionDays;

  @Column(name = "review_open", nullable = false)
  private boolean reviewOpen;

  @Column(length = 500)
  private String outcome;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Version
  private long version;

  protected Collection() {}

  Collection(Long paymentId, Long accountId, Instant startedAt) {
    this.paymentId = paymentId;
    this.accountId = accountId;
    this.status = CollectionStatus.OPEN;
    this.startedAt = startedAt;
  }

  void extendGrace(int days) {
    this.graceExtensionDays += days;
  }

  void reviewOpen(boolean open) {
    this.reviewOpen = open;
  }

  void end(CollectionStatus status, String outcome, Instant at) {
    this.status = status;
    this.outcome = outcome == null || outcome.length() <= 500 ? outcome : outcome.substring(0, 500);
    this.endedAt = at;
    this.reviewOpen = false;
  }

  public Long getPaymentId() {
    return paymentId;
  }

  public Long getAccountId() {
    return accountId;
  }

  public CollectionStatus getStatus() {
    return status;
  }

  public int getGraceExtensionDays() {
    return graceExtensionDays;
  }

  public boolean isReviewOpen() {
    return reviewOpen;
  }

  public String getOutcome() {
    return outcome;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }
}
