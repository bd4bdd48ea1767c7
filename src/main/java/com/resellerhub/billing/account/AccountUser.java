package com.resellerhub.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Links a user of Camunda's identity service to the account it acts for through the customer API. A user belongs
 * to at most one account.
 */
@Entity
@Table(name = "account_user")
public class AccountUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Column(name = "user_id", nullable = false, unique = true, length = 64)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountUserRole role;

  protected AccountUser() {}

  public AccountUser(Long accountId, String userId, AccountUserRole role) {
    this.accountId = accountId;
    this.userId = userId;
    this.role = role;
  }

  public Long getAccountId() {
    return accountId;
  }

  public String getUserId() {
    return userId;
  }

  public AccountUserRole getRole() {
    return role;
  }
}
