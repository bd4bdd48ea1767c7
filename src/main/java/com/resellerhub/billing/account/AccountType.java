package com.resellerhub.billing.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A kind of account (ACC-2): its extra attributes, whether it is a legal entity, whether contacts must be ASCII. */
@Entity
@Table(name = "account_type")
public class AccountType {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  @Column(nullable = false, length = 64)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  /** A legal entity needs a company name (ACC-2). */
  @Column(name = "legal_entity", nullable = false)
  private boolean legalEntity;

  /** Contact data must be ASCII, as some domain registrars need (ACC-6). */
  @Column(name = "ascii_only_contacts", nullable = false)
  private boolean asciiOnlyContacts;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_type_attribute", joinColumns = @JoinColumn(name = "account_type_id"))
  @OrderColumn(name = "sort_order")
  private List<AttributeDefinition> attributes = new ArrayList<>();

  @Version
  private long version;

  protected AccountType() {}

  public AccountType(Long resellerId, String code, String name, boolean legalEntity, boolean asciiOnlyContacts,
      List<AttributeDefinition> attributes) {
    this.resellerId = resellerId;
    this.code = code;
    this.name = name;
    this.legalEntity = legalEntity;
    this.asciiOnlyContacts = asciiOnlyContacts;
    this.attributes = new ArrayList<>(attributes);
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

  public boolean isLegalEntity() {
    return legalEntity;
  }

  public boolean isAsciiOnlyContacts() {
    return asciiOnlyContacts;
  }

  public List<AttributeDefinition> getAttributes() {
    return List.copyOf(attributes);
  }
}
