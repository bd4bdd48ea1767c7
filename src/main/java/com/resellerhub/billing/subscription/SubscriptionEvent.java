package com.resellerhub.billing.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of a subscription's history (SUB-1): what changed, from which status to which, who did it and why.
 * Append-only; written only by {@link SubscriptionRows#events} (JDBC, one or many at a time), read through JPA.
 */
@Entity
@Table(name = "subscription_event")
public class SubscriptionEvent {

  @Id
  private Long id;

  @Column(name = "subscription_id", nullable = false)
  private Long subscriptionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private SubscriptionEventKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 20)
  private SubscriptionStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", length = 20)
  private SubscriptionStatus toStatus;

  @Column(length = 500)
  private String detail;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected SubscriptionEvent() {}

  public Long getId() {
    return id;
  }

  public Long getSubscriptionId() {
    return subscriptionId;
  }

  public SubscriptionEventKind getKind() {
    return kind;
  }

  public SubscriptionStatus getFromStatus() {
    return fromStatus;
  }

  public SubscriptionStatus getToStatus() {
    return toStatus;
  }

  public String getDetail() {
    return detail;
  }

  public String getActor() {
    return actor;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
