package com.resellerhub.billing.reseller;

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
 */
public record ResellerSettings(
    @NotNull PostpayApproval postpayApproval,
    @NotNull PostpayApprovalScope postpayApprovalAppliesTo,
    @NotNull Boolean allowWorkWithoutBalance,
    @NotNull Boolean invoicesByExternalSystem,
    @NotNull Boolean promisedPaymentOnlyWhenBlocked,
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String defaultCountry,
    @NotNull Boolean termsAcceptanceRequired,
    @NotNull @Valid AccountValidation accountValidation) {

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
