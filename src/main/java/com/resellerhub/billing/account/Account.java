package com.resellerhub.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer of a reseller. */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected Account() {}

  public Account(Long resellerId, String name, Instant createdAt) {
    this.resellerId = resellerId;
    this.name = name;
    this.status = AccountStatus.ACTIVE;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getResellerId() {
    return resellerId;
  }

  public String getName() {
    return name;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
