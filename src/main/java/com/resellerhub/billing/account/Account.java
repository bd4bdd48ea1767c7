package com.resellerhub.billing.account;

import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.ConflictException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer of a reseller (ACC-1..11). Reference data (type, service rule, manager) is kept by id. State changes go
 * through {@link AccountService}, which also writes the event log.
 */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reseller_id", nullable = false)
  private Long resellerId;

  /** Display name: the company name, or the signatory's full name for a private person. */
  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 64)
  private String createdBy;

  @Column(name = "account_type_id")
  private Long accountTypeId;

  @Column(name = "service_rule_id")
  private Long serviceRuleId;

  @Column(name = "manager_id")
  private Long managerId;

  @Column(name = "company_name", length = 200)
  private String companyName;

  @Enumerated(EnumType.STRING)
  @Column(name = "postpay_permission", nullable = false, length = 16)
  private PostpayPermission postpayPermission = PostpayPermission.APPROVED;


  @Column(name = "contact_address", length = 500)
  private String contactAddress;

  @Column(name = "contact_country", length = 2)
  private String contactCountry;

  @Column(name = "contact_region", length = 100)
  private String contactRegion;

  @Column(name = "contact_phone", length = 32)
  private String contactPhone;

  @Column(name = "contact_email", length = 254)
  private String contactEmail;

  @Column(name = "signatory_first_name", length = 100)
  private String signatoryFirstName;

  @Column(name = "signatory_middle_name", length = 100)
  private String signatoryMiddleName;

  @Column(name = "signatory_last_name", length = 100)
  private String signatoryLastName;

  @Column(name = "signatory_email", length = 254)
  private String signatoryEmail;

  @Column(name = "terms_accepted_at")
  private Instant termsAcceptedAt;

  @Column(name = "terms_accepted_by", length = 64)
  private String termsAcceptedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_attribute", joinColumns = @JoinColumn(name = "account_id"))
  @MapKeyColumn(name = "attr_name", length = 64)
  @Column(name = "attr_value", nullable = false, length = 500)
  private Map<String, String> extraAttributes = new TreeMap<>();

  @Version
  private long version;

  protected Account() {}

  /** A bare account (no type, contacts, ...): for tests and data created before issue 3. */
  public Account(Long resellerId, String name, Instant createdAt) {
    this.resellerId = resellerId;
    this.name = name;
    this.status = AccountStatus.ACTIVE;
    this.createdAt = createdAt;
  }

  /** A new account as the operator API creates it: ACTIVE (ACC-10). */
  Account(Long resellerId, String name, Instant createdAt, String createdBy, AccountType type, ServiceRule rule,
      Manager manager, String companyName, PostpayPermission permission) {
    this(resellerId, name, createdAt);
    this.createdBy = createdBy;
    this.accountTypeId = type.getId();
    this.serviceRuleId = rule.getId();
    this.managerId = manager == null ? null : manager.getId();
    this.companyName = companyName;
    this.postpayPermission = permission;
  }

  void contacts(String address, String country, String region, String phone, String email) {
    this.contactAddress = address;
    this.contactCountry = country;
    this.contactRegion = region;
    this.contactPhone = phone;
    this.contactEmail = email;
  }

  void signatory(String firstName, String middleName, String lastName, String email) {
    this.signatoryFirstName = firstName;
    this.signatoryMiddleName = middleName;
    this.signatoryLastName = lastName;
    this.signatoryEmail = email;
  }

  void extraAttributes(Map<String, String> values) {
    this.extraAttributes = new TreeMap<>(values);
  }

  void acceptTerms(Instant at, String by) {
    this.termsAcceptedAt = at;
    this.termsAcceptedBy = by;
  }

  // --- the postpay permission (PP-1, PP-3..7): NOT_VERIFIED -> UNDER_REVIEW -> APPROVED or DECLINED; NOT_VERIFIED
  // may be approved directly; a decided permission (APPROVED, DECLINED) is final.

  /** PP-3: the first order that needs permission puts a NOT_VERIFIED account under review. */
  void markUnderReview() {
    if (postpayPermission != PostpayPermission.NOT_VERIFIED) {
      throw new ConflictException("PP-3", "Account " + id + " is " + postpayPermission
          + ", not NOT_VERIFIED; it cannot go under review");
    }
    postpayPermission = PostpayPermission.UNDER_REVIEW;
  }

  /**
   * A manager's direct change: only pre-approving a NOT_VERIFIED account. An open review is decided in Tasklist;
   * declining needs a review with a reason. False when the permission already is the requested one.
   */
  boolean preApprove(PostpayPermission requested) {
    if (postpayPermission == requested) {
      return false;
    }
    requireUndecided();
    if (postpayPermission == PostpayPermission.UNDER_REVIEW) {
      throw new ConflictException("PP-3", "Account " + id
          + " is under review: approve or decline the \"Review postpay permission\" task in Tasklist");
    }
    if (requested != PostpayPermission.APPROVED) {
      throw new BusinessRuleException("PP-1", "postpayPermission", "A NOT_VERIFIED account can only be approved "
          + "here; it goes UNDER_REVIEW with its first order that needs permission, and is declined in that review");
    }
    approve();
    return true;
  }

  /** PP-4; PP-7. */
  void approve() {
    requireUndecided();
    postpayPermission = PostpayPermission.APPROVED;
  }

  /** PP-5 (a reason is required); PP-7. */
  void decline(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleException("PP-5", "reason", "reason is required to decline postpay permission");
    }
    requireUndecided();
    postpayPermission = PostpayPermission.DECLINED;
  }

  /** PP-7: a decided permission is final. */
  private void requireUndecided() {
    if (postpayPermission == PostpayPermission.APPROVED || postpayPermission == PostpayPermission.DECLINED) {
      throw new BusinessRuleException("PP-7", "postpayPermission", "The postpay permission of account " + id
          + " was decided (" + postpayPermission + ") and is final; contact support to change it");
    }
  }

  void status(AccountStatus status) {
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

  public AccountStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Long getAccountTypeId() {
    return accountTypeId;
  }

  public Long getServiceRuleId() {
    return serviceRuleId;
  }

  public Long getManagerId() {
    return managerId;
  }

  public String getCompanyName() {
    return companyName;
  }

  public PostpayPermission getPostpayPermission() {
    return postpayPermission;
  }


  public String getContactAddress() {
    return contactAddress;
  }

  public String getContactCountry() {
    return contactCountry;
  }

  public String getContactRegion() {
    return contactRegion;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public String getSignatoryFirstName() {
    return signatoryFirstName;
  }

  public String getSignatoryMiddleName() {
    return signatoryMiddleName;
  }

  public String getSignatoryLastName() {
    return signatoryLastName;
  }

  public String getSignatoryEmail() {
    return signatoryEmail;
  }

  public Instant getTermsAcceptedAt() {
    return termsAcceptedAt;
  }

  public String getTermsAcceptedBy() {
    return termsAcceptedBy;
  }

  public boolean isTermsAccepted() {
    return termsAcceptedAt != null;
  }

  public Map<String, String> getExtraAttributes() {
    return Map.copyOf(extraAttributes);
  }
}
