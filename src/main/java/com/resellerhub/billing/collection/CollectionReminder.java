package com.resellerhub.billing.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** COL-1: a reminder mailed for a payment (unique per payment and kind: each mail once). */
@Entity
@Table(name = "collection_reminder")
public class CollectionReminder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "payment_id", nullable = false)
  private Long paymentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private ReminderKind kind;

  @Column(length = 254)
  private String recipient;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  protected CollectionReminder() {}

  CollectionReminder(Long paymentId, ReminderKind kind, String recipient, Instant sentAt) {
    this.paymentId = paymentId;
    this.kind = kind;
    this.recipient = recipient;
    this.sentAt = sentAt;
  }

  public ReminderKind getKind() {
    return kind;
  }

  public String getRecipient() {
    return recipient;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
