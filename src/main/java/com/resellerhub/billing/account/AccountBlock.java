package com.resellerhub.billing.account;

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

/**
 * One cause of an account's block, from when it was put in force until it was lifted. Written only through
 * {@link AccountBlocks} (JPA: one row at a time, under the account's row lock); a lifted block stays as history.
 */
@Entity
@Table(name = "account_block")
public class AccountBlock {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private BlockCause cause;

  @Column(length = 500)
  private String detail;

  @Column(name = "blocked_by", nullable = false, length = 64)
  private String blockedBy;

  @Column(name = "blocked_at", nullable = false)
  private Instant blockedAt;

  @Column(name = "lifted_by", length = 64)
  private String liftedBy;

  @Column(name = "lifted_at")
  private Instant liftedAt;

  @Column(name = "lift_detail", length = 500)
  private String liftDetail;

  protected AccountBlock() {}

  AccountBlock(Long accountId, BlockCause cause, String detail, String blockedBy, Instant blockedAt) {
    this.accountId = accountId;
    this.cause = cause;
    this.detail = Text.shorten(detail, 500);
    this.blockedBy = blockedBy;
    this.blockedAt = blockedAt;
  }

  void lift(String actor, Instant at, String detail) {
    this.liftedBy = actor;
    this.liftedAt = at;
    this.liftDetail = Text.shorten(detail, 500);
  }

  public boolean isInForce() {
    return liftedAt == null;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public BlockCause getCause() {
    return cause;
  }

  public String getDetail() {
    return detail;
  }

  public String getBlockedBy() {
    return blockedBy;
  }

  public Instant getBlockedAt() {
    return blockedAt;
  }

  public String getLiftedBy() {
    return liftedBy;
  }

  public Instant getLiftedAt() {
    return liftedAt;
  }

  public String getLiftDetail() {
    return liftDetail;
  }
}
