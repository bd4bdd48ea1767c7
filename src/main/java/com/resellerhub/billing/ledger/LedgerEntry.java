package com.resellerhub.billing.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One movement of an account's money or credit limit. Append-only: never updated or deleted (Hibernate treats the
 * entity as immutable, the repository has no delete, and on MySQL/MariaDB triggers refuse UPDATE and DELETE).
 * Corrections are new entries. Each entry carries a unique idempotency key, so the same movement is never recorded
 * twice whatever retries or concurrent requests do (PAY-6). Written only by {@link LedgerRows} (one movement or a
 * batch, {@link BalanceService}); JPA only reads it.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private EntryType type;

  /** Signed change of the balance: positive in, negative out, zero for a credit-limit change. */
  @Column(nullable = false, precision = 19, scale = 4, updatable = false)
  private BigDecimal amount;

  /** Signed change of the credit limit (zero unless {@link EntryType#CREDIT_LIMIT_CHANGE}). */
  @Column(name = "credit_limit_change", nullable = false, precision = 19, scale = 4, updatable = false)
  private BigDecimal creditLimitChange;

  @Column(name = "balance_after", nullable = false, precision = 19, scale = 4, updatable = false)
  private BigDecimal balanceAfter;

  @Column(name = "credit_limit_after", nullable = false, precision = 19, scale = 4, updatable = false)
  private BigDecimal creditLimitAfter;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 160, updatable = false)
  private String idempotencyKey;

  /** What the entry is for, e.g. {@code PAYMENT}, {@code PROMISE}, {@code ORDER}; with its id. */
  @Column(name = "reference_type", length = 32, updatable = false)
  private String referenceType;

  @Column(name = "reference_id", updatable = false)
  private Long referenceId;

  @Column(length = 500, updatable = false)
  private String description;

  @Column(nullable = false, length = 64, updatable = false)
  private String actor;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected LedgerEntry() {}

  LedgerEntry(Long accountId, Movement movement, BigDecimal balanceAfter, BigDecimal creditLimitAfter,
      Instant createdAt) {
    this.accountId = accountId;
    this.type = movement.type();
    this.amount = movement.amount();
    this.creditLimitChange = movement.creditLimitChange();
    this.balanceAfter = balanceAfter;
    this.creditLimitAfter = creditLimitAfter;
    this.idempotencyKey = movement.idempotencyKey();
    this.referenceType = movement.referenceType();
    this.referenceId = movement.referenceId();
    this.description = movement.description();
    this.actor = movement.actor();
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public EntryType getType() {
    return type;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public BigDecimal getCreditLimitChange() {
    return creditLimitChange;
  }

  public BigDecimal getBalanceAfter() {
    return balanceAfter;
  }

  public BigDecimal getCreditLimitAfter() {
    return creditLimitAfter;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getReferenceType() {
    return referenceType;
  }

  public Long getReferenceId() {
    return referenceId;
  }

  public String getDescription() {
    return description;
  }

  public String getActor() {
    return actor;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
