package com.resellerhub.billing.reseller;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The reseller's settings (RS-1..4), as read by every feature ({@link ResellerService#settings()}) and as written
 * whole through {@code PUT /api/operator/settings}.
 *
 * @param postpayApproval RS-1, default AUTOMATIC
 * @param postpayApprovalAppliesTo RS-1, default COMMERCIAL
 * @param allowWorkWithoutBalance RS-2, default false
 * @param invoicesByExternalSystem RS-2, default false
 * @param promisedPaymentOnlyWhenBlocked RS-3, default false
 * @param defaultCountry RS-4: ISO 3166-1 alpha-2 country new accounts' contacts get when they name none; may be null
 * @param termsAcceptanceRequired RS-4: accounts must accept the general terms (ACC-9)
 * @param accountValidation RS-4: what company names and regions may not contain (ACC-3)
 * @param collections SUB-3, COL-2: the days from an unpaid suspension to termination and the overdue total that asks
 *     for a manager's review; left out (null) it is {@link Collections#defaults()}
 */
public record ResellerSettings(
    @NotNull PostpayApproval postpayApproval,
    @NotNull PostpayApprovalScope postpayApprovalAppliesTo,
    @NotNull Boolean allowWorkWithoutBalance,
    @NotNull Boolean invoicesByExternalSystem,
    @NotNull Boolean promisedPaymentOnlyWhenBlocked,
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String defaultCountry,
    @NotNull Boolean termsAcceptanceRequired,
    @NotNull @Valid AccountValidation accountValidation,
    @Valid Collections collections) {

  public ResellerSettings {
    collections = collections == null ? Collections.defaults() : collections;
  }

  /** The settings without collections' (their defaults): the shape before SUB-3. */
  public ResellerSettings(PostpayApproval postpayApproval, PostpayApprovalScope postpayApprovalAppliesTo,
      Boolean allowWorkWithoutBalance, Boolean invoicesByExternalSystem, Boolean promisedPaymentOnlyWhenBlocked,
      String defaultCountry, Boolean termsAcceptanceRequired, AccountValidation accountValidation) {
    this(postpayApproval, postpayApprovalAppliesTo, allowWorkWithoutBalance, invoicesByExternalSystem,
        promisedPaymentOnlyWhenBlocked, defaultCountry, termsAcceptanceRequired, accountValidation, null);
  }

  /**
   * SUB-3, COL-2.
   *
   * @param suspendedDaysBeforeTermination days a subscription suspended for an unpaid payment stays suspended before
   *     it is terminated (1..365, default 30)
   * @param reviewThreshold an account whose overdue total is above this gets a "Review overdue account" task
   *     (default 500; 0: every overdue account)
   */
  public record Collections(
      @NotNull @Min(1) @Max(365) Integer suspendedDaysBeforeTermination,
      @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal reviewThreshold) {

    public static Collections defaults() {
      return new Collections(30, new BigDecimal("500"));
    }
  }

  /**
   * RS-4 validation lists. Empty lists forbid nothing; an empty {@code allowedRegions} allows every region.
   *
   * @param forbiddenCharacters each character of this string is forbidden in company names
   * @param forbiddenAbbreviations whole words forbidden in company names (case-insensitive), e.g. "LLC"
   * @param forbiddenTopLevelDomains top-level domains forbidden in company names, e.g. "com" refuses "Acme.com"
   * @param allowedRegions when not empty, the only regions contacts may name (case-insensitive)
   */
  public record AccountValidation(
      @Size(max = 100) String forbiddenCharacters,
      @NotNull @Size(max = 100) List<@NotBlank @Size(max = 20) String> forbiddenAbbreviations,
      @NotNull @Size(max = 30) List<@NotBlank @Pattern(regexp = "\\.?[A-Za-z0-9-]{2,63}",
          message = "must be a top-level domain such as com or .com") String> forbiddenTopLevelDomains,
      @NotNull @Size(max = 500) List<@NotBlank @Size(max = 100) String> allowedRegions) {

    public static AccountValidation none() {
      return new AccountValidation("", List.of(), List.of(), List.of());
    }
  }

  /** The defaults of a new reseller: the values SPEC names as defaults. */
  public static ResellerSettings defaults() {
    return new ResellerSettings(PostpayApproval.AUTOMATIC, PostpayApprovalScope.COMMERCIAL, false, false, false,
        null, false, AccountValidation.none());
  }

  public boolean manualPostpayApproval() {
    return postpayApproval == PostpayApproval.MANUAL;
  }
}
