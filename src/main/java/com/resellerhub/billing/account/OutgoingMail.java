package com.resellerhub.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of a mail the application tried to send, and whether it went (no body: it may hold a token). */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

  public enum Status { SENT, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String kind;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(name = "account_id")
  private Long accountId;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(length = 1000)
  private String error;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OutgoingMail() {}

  OutgoingMail(String kind, String recipient, String subject, Long accountId, Status status, String error,
      Instant createdAt) {
    this.kind = kind;
    this.recipient = recipient;
    this.subject = subject;
    this.accountId = accountId;
    this.status = status;
    this.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    this.createdAt = createdAt;
  }

  public Status getStatus() {
    return status;
  }

  public String getError() {
    return error;
  }

  public String getRecipient() {
    return recipient;
  }
}
