package com.resellerhub.billing.reseller;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The company that sells cloud and telecom services to its accounts; everything else belongs to one. */
@Entity
@Table(name = "reseller")
public class Reseller {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  /** ISO 4217 code of the currency every amount of this reseller is in. */
  @Column(nullable = false, length = 3)
  private String currency;

  @Version
  private long version;

  protected Reseller() {}

  public Reseller(String code, String name, String currency) {
    this.code = code;
    this.name = name;
    this.currency = currency;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getCurrency() {
    return currency;
  }
}
