package com.resellerhub.billing.reseller;

import com.resellerhub.billing.web.BusinessRuleException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Domain checks of a settings change beyond Bean Validation (RS-4), and the normal form the settings are stored in.
 * Pure: no Spring, no database.
 */
final class SettingsRules {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private SettingsRules() {}

  /** The settings as stored: lists trimmed and without duplicates, top-level domains lower case without the dot. */
  static ResellerSettings normalize(ResellerSettings s) {
    if (s.defaultCountry() != null && !COUNTRIES.contains(s.defaultCountry())) {
      throw new BusinessRuleException("RS-4", "defaultCountry",
          "defaultCountry " + s.defaultCountry() + " is not an ISO 3166-1 country code");
    }
    ResellerSettings.AccountValidation v = s.accountValidation();
    String characters = v.forbiddenCharacters() == null ? "" : v.forbiddenCharacters();
    for (int i = 0; i < characters.length(); i++) {
      char c = characters.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.isWhitespace(c)) {
        throw new BusinessRuleException("RS-4", "accountValidation.forbiddenCharacters",
            "forbiddenCharacters may hold only special characters, not letters, digits or spaces");
      }
    }
    List<String> abbreviations = distinct(v.forbiddenAbbreviations(), false);
    List<String> tlds = new ArrayList<>();
    for (String tld : distinct(v.forbiddenTopLevelDomains(), true)) {
      String bare = tld.startsWith(".") ? tld.substring(1) : tld;
      if (!tlds.contains(bare)) {
        tlds.add(bare);
      }
    }
    List<String> regions = distinct(v.allowedRegions(), false);
    fits("accountValidation.allowedRegions", regions, 4000);
    fits("accountValidation.forbiddenAbbreviations", abbreviations, 2000);
    fits("accountValidation.forbiddenTopLevelDomains", tlds, 2000);
    return new ResellerSettings(s.postpayApproval(), s.postpayApprovalAppliesTo(), s.allowWorkWithoutBalance(),
        s.invoicesByExternalSystem(), s.promisedPaymentOnlyWhenBlocked(), s.defaultCountry(),
        s.termsAcceptanceRequired(),
        new ResellerSettings.AccountValidation(characters, abbreviations, tlds, regions), s.collections());
  }

  private static List<String> distinct(List<String> values, boolean lowerCase) {
    Set<String> out = new LinkedHashSet<>();
    for (String value : values) {
      String t = value.trim();
      out.add(lowerCase ? t.toLowerCase(Locale.ROOT) : t);
    }
    return List.copyOf(out);
  }

  private static void fits(String field, List<String> values, int max) {
    int length = String.join("\n", values).length();
    if (length > max) {
      throw new BusinessRuleException("size", field, field + " is too long altogether (" + length + " of at most "
          + max + " characters)");
    }
  }
}
