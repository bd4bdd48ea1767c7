package com.resellerhub.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A single-use, expiring set-password token (ACC-8). Only its SHA-256 hash is stored. */
@Entity
@Table(name = "password_setup_token")
class PasswordSetupToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Version
  private long version;

  protected PasswordSetupToken() {}

  PasswordSetupToken(String userId, String tokenHash, Instant createdAt, Instant expiresAt) {
    this.userId = userId;
    this.tokenHash = tokenHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  String getUserId() {
    return userId;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  Instant getUsedAt() {
    return usedAt;
  }

  void use(Instant at) {
    this.usedAt = at;
  }
}
