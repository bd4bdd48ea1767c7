package com.resellerhub.billing.promise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a new account was activated (PROM-6): its first usage event, or a manager setting the activation date. Once
 * per account; the promise of the plan's grace days started then is remembered.
 */
@Entity
@Table(name = "account_activation")
public class AccountActivation {

  /** FIRST_USAGE or MANAGER. */
  public enum Source { FIRST_USAGE, MANAGER }

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "activated_on", nullable = false)
  private LocalDate activatedOn;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Source source;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "promise_id")
  private Long promiseId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AccountActivation() {}

  AccountActivation(Long accountId, LocalDate activatedOn, Source source, String actor, Instant createdAt) {
    this.accountId = accountId;
    this.activatedOn = activatedOn;
    this.source = source;
    this.actor = actor;
    this.createdAt = createdAt;
  }

  void promise(Long promiseId) {
    this.promiseId = promiseId;
  }

  public Long getAccountId() {
    return accountId;
  }

  public LocalDate getActivatedOn() {
    return activatedOn;
  }

  public Source getSource() {
    return source;
  }

  public String getActor() {
    return actor;
  }

  public Long getPromiseId() {
    return promiseId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
