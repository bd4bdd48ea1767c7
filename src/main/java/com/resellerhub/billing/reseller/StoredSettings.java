package com.resellerhub.billing.reseller;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** The row of {@code reseller_settings}: one per reseller. Read and written as {@link ResellerSettings}. */
@Entity
@Table(name = "reseller_settings")
class StoredSettings {

  @Id
  @Column(name = "reseller_id")
  private Long resellerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "postpay_approval", nullable = false, length = 16)
  private PostpayApproval postpayApproval;

  @Enumerated(EnumType.STRING)
  @Column(name = "postpay_approval_applies_to", nullable = false, length = 32)
  private PostpayApprovalScope postpayApprovalAppliesTo;

  @Column(name = "allow_work_without_balance", nullable = false)
  private boolean allowWorkWithoutBalance;

  @Column(name = "invoices_by_external_system", nullable = false)
  private boolean invoicesByExternalSystem;

  @Column(name = "promised_payment_only_when_blocked", nullable = false)
  private boolean promisedPaymentOnlyWhenBlocked;

  @Column(name = "default_country", length = 2)
  private String defaultCountry;

  @Column(name = "terms_acceptance_required", nullable = false)
  private boolean termsAcceptanceRequired;

  @Column(name = "forbidden_characters", length = 200)
  private String forbiddenCharacters;

  @Convert(converter = StringListConverter.class)
  @Column(name = "forbidden_abbreviations", length = 2000)
  private List<String> forbiddenAbbreviations = new ArrayList<>();

  @Convert(converter = StringListConverter.class)
  @Column(name = "forbidden_tlds", length = 2000)
  private List<String> forbiddenTlds = new ArrayList<>();

  @Convert(converter = StringListConverter.class)
  @Column(name = "allowed_regions", length = 4000)
  private List<String> allowedRegions = new ArrayList<>();

  @Column(name = "suspended_days_before_termination", nullable = false)
  private int suspendedDaysBeforeTermination;

  @Column(name = "collection_review_threshold", nullable = false, precision = 19, scale = 4)
  private java.math.BigDecimal collectionReviewThreshold;

  @Version
  private long version;

  protected StoredSettings() {}

  StoredSettings(Long resellerId) {
    this.resellerId = resellerId;
    apply(ResellerSettings.defaults());
  }

  ResellerSettings toSettings() {
    return new ResellerSettings(postpayApproval, postpayApprovalAppliesTo, allowWorkWithoutBalance,
        invoicesByExternalSystem, promisedPaymentOnlyWhenBlocked, defaultCountry, termsAcceptanceRequired,
        new ResellerSettings.AccountValidation(forbiddenCharacters == null ? "" : forbiddenCharacters,
            List.copyOf(forbiddenAbbreviations), List.copyOf(forbiddenTlds), List.copyOf(allowedRegions)),
        new ResellerSettings.Collections(suspendedDaysBeforeTermination, collectionReviewThreshold));
  }

  void apply(ResellerSettings s) {
    postpayApproval = s.postpayApproval();
    postpayApprovalAppliesTo = s.postpayApprovalAppliesTo();
    allowWorkWithoutBalance = s.allowWorkWithoutBalance();
    invoicesByExternalSystem = s.invoicesByExternalSystem();
    promisedPaymentOnlyWhenBlocked = s.promisedPaymentOnlyWhenBlocked();
    defaultCountry = s.defaultCountry();
    termsAcceptanceRequired = s.termsAcceptanceRequired();
    ResellerSettings.AccountValidation v = s.accountValidation();
    forbiddenCharacters = v.forbiddenCharacters() == null || v.forbiddenCharacters().isEmpty()
        ? null : v.forbiddenCharacters();
    forbiddenAbbreviations = new ArrayList<>(v.forbiddenAbbreviations());
    forbiddenTlds = new ArrayList<>(v.forbiddenTopLevelDomains());
    allowedRegions = new ArrayList<>(v.allowedRegions());
    suspendedDaysBeforeTermination = s.collections().suspendedDaysBeforeTermination();
    collectionReviewThreshold = s.collections().reviewThreshold();
  }
}
