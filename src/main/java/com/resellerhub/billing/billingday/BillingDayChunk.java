package com.resellerhub.billing.billingday;

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

/**
 * A share of a billing day's work: the accounts with ids in {@code (afterAccountId, lastAccountId]}, settled in one
 * transaction by one job. Its row is locked while it is settled, and a SETTLED chunk is never settled again, so a job
 * that runs twice (a lock that expired, a retry after a crash) pays nothing twice.
 */
@Entity
@Table(name = "billing_day_chunk")
public class BillingDayChunk {

  public enum Status { PENDING, SETTLED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "run_id", nullable = false)
  private Long runId;

  @Column(name = "chunk_no", nullable = false)
  private int chunkNo;

  @Column(name = "after_account_id", nullable = false)
  private long afterAccountId;

  @Column(name = "last_account_id", nullable = false)
  private long lastAccountId;

  /** Payments of its accounts selected when the run was prepared. */
  @Column(nullable = false)
  private int selected;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(nullable = false)
  private int paid;

  @Column(nullable = false)
  private int skipped;

  @Column(name = "paid_amount", nullable = false, precision = 19, scale = 4)
  private BigDecimal paidAmount;

  /** {@code REASON=count;...} for the payments not paid. */
  @Column(name = "skipped_by_reason", length = 1000)
  private String skippedByReason;

  @Column(name = "settled_by", length = 128)
  private String settledBy;

  @Column(name = "settled_at")
  private Instant settledAt;

  protected BillingDayChunk() {}

  BillingDayChunk(Long runId, int chunkNo, long afterAccountId, long lastAccountId, int selected) {
    this.runId = runId;
    this.chunkNo = chunkNo;
    this.afterAccountId = afterAccountId;
    this.lastAccountId = lastAccountId;
    this.selected = selected;
    this.status = Status.PENDING;
    this.paidAmount = BigDecimal.ZERO.setScale(4);
  }

  void settled(int paid, int skipped, BigDecimal paidAmount, String skippedByReason, String by, Instant at) {
    this.status = Status.SETTLED;
    this.paid = paid;
    this.skipped = skipped;
    this.paidAmount = paidAmount;
    this.skippedByReason = skippedByReason;
    this.settledBy = by;
    this.settledAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getRunId() {
    return runId;
  }

  public int getChunkNo() {
    return chunkNo;
  }

  public long getAfterAccountId() {
    return afterAccountId;
  }

  public long getLastAccountId() {
    return lastAccountId;
  }

  public int getSelected() {
    return selected;
  }

  public Status getStatus() {
    return status;
  }

  public int getPaid() {
    return paid;
  }

  public int getSkipped() {
    return skipped;
  }

  public BigDecimal getPaidAmount() {
    return paidAmount;
  }

  public String getSkippedByReason() {
    return skippedByReason;
  }

  public String getSettledBy() {
    return settledBy;
  }

  public Instant getSettledAt() {
    return settledAt;
  }
}
