package com.resellerhub.billing.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The running totals of an account's ledger: balance (= the sum of its entries' amounts) and credit limit (= the sum
 * of its credit-limit changes). It is the row a movement locks ({@code SELECT ... FOR UPDATE}) so that concurrent
 * movements of one account run one after another at READ COMMITTED, and the balance is read without summing.
 */
@Entity
@Table(name = "ledger_account")
public class LedgerAccount {

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal balance;

  @Column(name = "credit_limit", nullable = false, precision = 19, scale = 4)
  private BigDecimal creditLimit;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected LedgerAccount() {}

  LedgerAccount(Long accountId, String currency, Instant now) {
    this.accountId = accountId;
    this.currency = currency;
    this.balance = Money.of(BigDecimal.ZERO);
    this.creditLimit = Money.of(BigDecimal.ZERO);
    this.updatedAt = now;
  }

  void apply(Movement movement, Instant now) {
    balance = Money.of(balance.add(movement.amount()));
    creditLimit = Money.of(creditLimit.add(movement.creditLimitChange()));
    updatedAt = now;
  }

  /** What may still be taken: balance plus credit limit. */
  public BigDecimal available() {
    return balance.add(creditLimit);
  }

  public Long getAccountId() {
    return accountId;
  }

  public String getCurrency() {
    return currency;
  }

  public BigDecimal getBalance() {
    return balance;
  }

  public BigDecimal getCreditLimit() {
    return creditLimit;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
