package com.resellerhub.billing.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code POST /api/operator/accounts}: the groups of the seed's "Add account" page. Shape and sizes are checked by
 * Bean Validation (400); the business rules ACC-1..9 by {@link AccountService} (422).
 *
 * @param accountTypeId ACC-1, required
 * @param serviceRuleId ACC-1, required
 * @param managerId ACC-4, optional: an ACTIVE manager of the reseller
 * @param companyName ACC-2/ACC-3: required for a legal-entity type
 * @param postpayPermission ACC-5: MANUAL mode APPROVED (default) or NOT_VERIFIED; AUTOMATIC mode APPROVED only
 * @param termsAccepted ACC-9: the manager accepts the terms on the customer's behalf
 * @param extraAttributes ACC-2: name → value, validated against the account type
 */
public record CreateAccountRequest(
    @NotNull @Positive Long accountTypeId,
    @NotNull @Positive Long serviceRuleId,
    @Positive Long managerId,
    @Size(max = 200) String companyName,
    PostpayPermission postpayPermission,
    @NotNull @Valid Contacts contacts,
    @NotNull @Valid Signatory signatory,
    @NotNull @Valid Owner owner,
    Boolean termsAccepted,
    @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @Size(max = 500) String> extraAttributes) {

  /** ACC-6. Country defaults to RS-4 {@code defaultCountry}. */
  public record Contacts(
      @NotBlank @Size(max = 500) String address,
      @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country,
      @Size(max = 100) String region,
      @Size(max = 32) @Pattern(regexp = "\\+?[0-9][0-9 ()-]{3,30}", message = "must be a phone number") String phone,
      @NotBlank @Size(max = 254) @Email String email) {}

  /** ACC-7: the person authorized to sign the contract. */
  public record Signatory(
      @NotBlank @Size(max = 100) String firstName,
      @Size(max = 100) String middleName,
      @NotBlank @Size(max = 100) String lastName,
      @NotBlank @Size(max = 254) @Email String email) {}

  /**
   * ACC-8: the OWNER user. EXISTING needs {@code userId}; NEW needs first name, last name and email; SIGNATORY
   * copies the signatory. {@code login} (optional, NEW and SIGNATORY) is the new user's id; by default it is made
   * from the email's local part.
   */
  public record Owner(
      @NotNull OwnerMode mode,
      @Size(max = 64) String userId,
      @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9]+", message = "may hold only letters and digits")
      String login,
      @Size(max = 100) String firstName,
      @Size(max = 100) String middleName,
      @Size(max = 100) String lastName,
      @Size(max = 254) @Email String email) {}
}
