package com.resellerhub.billing.billingday;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One billing day's automatic debit (PAY-4): unique per date, its work split into {@link BillingDayChunk}s. */
@Entity
@Table(name = "billing_day_run")
public class BillingDayRun {

  public enum Status { RUNNING, FINISHED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_date", nullable = false, unique = true)
  private LocalDate businessDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  /** Payments selected when the run was prepared (awaiting payment, expiring on or before the date). */
  @Column(nullable = false)
  private int payments;

  @Column(nullable = false)
  private int chunks;

  @Column(name = "chunk_size", nullable = false)
  private int chunkSize;

  @Column(name = "overdue_marked")
  private Integer overdueMarked;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected BillingDayRun() {}

  BillingDayRun(LocalDate businessDate, int payments, int chunks, int chunkSize, Instant startedAt) {
    this.businessDate = businessDate;
    this.status = Status.RUNNING;
    this.payments = payments;
    this.chunks = chunks;
    this.chunkSize = chunkSize;
    this.startedAt = startedAt;
  }

  void finished(int overdueMarked, Instant at) {
    this.status = Status.FINISHED;
    this.overdueMarked = overdueMarked;
    this.finishedAt = at;
  }

  public Long getId() {
    return id;
  }

  public LocalDate getBusinessDate() {
    return businessDate;
  }

  public Status getStatus() {
    return status;
  }

  public int getPayments() {
    return payments;
  }

  public int getChunks() {
    return chunks;
  }

  public int getChunkSize() {
    return chunkSize;
  }

  public Integer getOverdueMarked() {
    return overdueMarked;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
