package com.resellerhub.billing.promise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money a running promise counted (PROM-5): one row per promise and ledger entry, unique, so a redelivered
 * {@code MoneyReceived} is never counted twice. Written only by {@link PromiseService#moneyReceived} (JPA).
 */
@Entity
@Table(name = "promise_receipt")
public class PromiseReceipt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "promise_id", nullable = false)
  private Long promiseId;

  @Column(name = "ledger_entry_id", nullable = false)
  private Long ledgerEntryId;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected PromiseReceipt() {}

  PromiseReceipt(Long promiseId, Long ledgerEntryId, BigDecimal amount, Instant receivedAt) {
    this.promiseId = promiseId;
    this.ledgerEntryId = ledgerEntryId;
    this.amount = amount;
    this.receivedAt = receivedAt;
  }
}
