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

/** An employee of the reseller who can be responsible for accounts (ACC-4); optionally a user of the identity. */
@Entity
@Table(name = "manager")
public class Manager {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 254)
  private String email;

  @Column(name = "user_id", length = 64)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ManagerStatus status;

  @Version
  private long version;

  protected Manager() {}

  public Manager(Long resellerId, String name, String email, String userId, ManagerStatus status) {
    this.resellerId = resellerId;
    this.name = name;
    this.email = email;
    this.userId = userId;
    this.status = status;
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

  public String getEmail() {
    return email;
  }

  public String getUserId() {
    return userId;
  }

  public ManagerStatus getStatus() {
    return status;
  }

  void setStatus(ManagerStatus status) {
    this.status = status;
  }
}
