package com.resellerhub.billing.payment;

import com.resellerhub.billing.platform.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One entry of a payment's history: a status change, a declined attempt and why, the act's confirmation. Append-only:
 * JPA inserts one entry, {@link PaymentRows#events} many at once (its one SQL insert).
 */
@Entity
@Immutable
@Table(name = "payment_event")
public class PaymentEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "payment_id", nullable = false)
  private Long paymentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private PaymentEventKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 20)
  private PaymentStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", length = 20)
  private PaymentStatus toStatus;

  @Column(length = 32)
  private String method;

  @Column(length = 1000)
  private String detail;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected PaymentEvent() {}

  PaymentEvent(Long paymentId, PaymentEventKind kind, PaymentStatus fromStatus, PaymentStatus toStatus,
      String method, String detail, String actor, Instant occurredAt) {
    this.paymentId = paymentId;
    this.kind = kind;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.method = method;
    this.detail = Text.shorten(detail, 1000);
    this.actor = actor;
    this.occurredAt = occurredAt;
  }

  public Long getId() {
    return id;
  }

  public Long getPaymentId() {
    return paymentId;
  }

  public PaymentEventKind getKind() {
    return kind;
  }

  public PaymentStatus getFromStatus() {
    return fromStatus;
  }

  public PaymentStatus getToStatus() {
    return toStatus;
  }

  public String getMethod() {
    return method;
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
