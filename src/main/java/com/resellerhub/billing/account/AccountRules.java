package com.resellerhub.billing.account;

import com.resellerhub.billing.reseller.ResellerSettings.AccountValidation;
import com.resellerhub.billing.web.BusinessRuleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The domain rules of account data (ACC-2, ACC-3, ACC-6): pure functions that throw a {@link BusinessRuleException}
 * naming the rule and the field. No Spring, no database.
 */
public final class AccountRules {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private AccountRules() {}

  /** ACC-3: forbidden characters, abbreviations (whole words) and top-level domains of the RS-4 lists. */
  public static void checkCompanyName(String companyName, AccountValidation lists) {
    if (companyName == null) {
      return;
    }
    String chars = lists.forbiddenCharacters() == null ? "" : lists.forbiddenCharacters();
    for (int i = 0; i < companyName.length(); i++) {
      char c = companyName.charAt(i);
      if (chars.indexOf(c) >= 0) {
        throw new BusinessRuleException("ACC-3", "companyName",
            "companyName contains the character '" + c + "', forbidden by the installation's validation list"
                + " forbiddenCharacters");
      }
    }
    for (String abbreviation : lists.forbiddenAbbreviations()) {
      Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(abbreviation) + "(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      if (word.matcher(companyName).find()) {
        throw new BusinessRuleException("ACC-3", "companyName", "companyName contains the abbreviation '"
            + abbreviation + "', forbidden by the installation's validation list forbiddenAbbreviations");
      }
    }
    for (String tld : lists.forbiddenTopLevelDomains()) {
      Pattern domain = Pattern.compile("\\." + Pattern.quote(tld) + "(?![\\p{L}\\p{N}-])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      if (domain.matcher(companyName).find()) {
        throw new BusinessRuleException("ACC-3", "companyName", "companyName contains the top-level domain '." + tld
            + "', forbidden by the installation's validation list forbiddenTopLevelDomains");
      }
    }
  }

  /** ACC-3: when RS-4 lists allowed regions, the region must be one of them (case-insensitive). */
  public static void checkRegion(String region, AccountValidation lists) {
    if (region == null || lists.allowedRegions().isEmpty()) {
      return;
    }
    boolean allowed = lists.allowedRegions().stream().anyMatch(r -> r.equalsIgnoreCase(region));
    if (!allowed) {
      throw new BusinessRuleException("ACC-3", "contacts.region", "contacts.region '" + region
          + "' is not in the installation's validation list allowedRegions");
    }
  }

  /** ACC-6: an ISO 3166-1 alpha-2 country code. */
  public static void checkCountry(String country) {
    if (!COUNTRIES.contains(country)) {
      throw new BusinessRuleException("ACC-6", "contacts.country",
          "contacts.country " + country + " is not an ISO 3166-1 alpha-2 country code");
    }
  }

  /** ACC-6: for account types that need it, contact data in printable ASCII only. */
  public static void checkAscii(String field, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new BusinessRuleException("ACC-6", field, field
            + " must be written in Latin (ASCII) characters for this account type; found '" + c + "'");
      }
    }
  }

  /**
   * ACC-2: the account's extra attributes against its type's definitions: no unknown names, every required one
   * present and not blank, each value matching its pattern in full.
   */
  public static void checkExtraAttributes(List<AttributeDefinition> definitions, Map<String, String> values) {
    for (String name : values.keySet()) {
      if (definitions.stream().noneMatch(d -> d.getName().equals(name))) {
        throw new BusinessRuleException("ACC-2", "extraAttributes." + name,
            "extraAttributes." + name + " is not an attribute of this account type");
      }
    }
    for (AttributeDefinition d : definitions) {
      String value = values.get(d.getName());
      String field = "extraAttributes." + d.getName();
      if (value == null || value.isBlank()) {
        if (d.isRequired()) {
          throw new BusinessRuleException("ACC-2", field, field + " (" + d.getLabel()
              + ") is required for this account type");
        }
        continue;
      }
      if (value.length() > 500) {
        throw new BusinessRuleException("size", field, field + " must be at most 500 characters");
      }
      if (d.getPattern() != null && !Pattern.compile(d.getPattern()).matcher(value).matches()) {
        throw new BusinessRuleException("ACC-2", field, field + " (" + d.getLabel() + ") does not match the pattern "
            + d.getPattern() + " of this account type");
      }
    }
  }

  /** A pattern an operator gives for an attribute must compile. */
  public static void checkPattern(String field, String pattern) {
    if (pattern == null) {
      return;
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new BusinessRuleException("pattern", field, field + " is not a valid regular expression: "
          + e.getDescription());
    }
  }
}
