package com.resellerhub.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of an account's event log (ACC-11). Never updated or deleted. Written only by {@link AccountEventLog}: one
 * entry through JPA, many in one batch through {@link AccountRows}.
 */
@Entity
@Table(name = "account_event")
public class AccountEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 64)
  private AccountEventType type;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "customer_visible", nullable = false)
  private boolean customerVisible;

  @Column(length = 1000)
  private String detail;

  protected AccountEvent() {}

  AccountEvent(Long accountId, AccountEventType type, String actor, Instant occurredAt, boolean customerVisible,
      String detail) {
    this.accountId = accountId;
    this.type = type;
    this.actor = actor;
    this.occurredAt = occurredAt;
    this.customerVisible = customerVisible;
    this.detail = detail;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public AccountEventType getType() {
    return type;
  }

  public String getActor() {
    return actor;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public boolean isCustomerVisible() {
    return customerVisible;
  }

  public String getDetail() {
    return detail;
  }
}
