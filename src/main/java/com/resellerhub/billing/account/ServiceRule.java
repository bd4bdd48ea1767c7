package com.resellerhub.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The rule an account is served by (ACC-1): support level, billing contact, ... as the reseller defines it. */
@Entity
@Table(name = "service_rule")
public class ServiceRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  @Column(nullable = false, length = 64)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 1000)
  private String description;

  @Version
  private long version;

  protected ServiceRule() {}

  public ServiceRule(Long resellerId, String code, String name, String description) {
    this.resellerId = resellerId;
    this.code = code;
    this.name = name;
    this.description = description;
  }

  public Long getId() {
    return id;
  }

  public Long getResellerId() {
    return resellerId;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }
}
