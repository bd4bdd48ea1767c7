package com.resellerhub.billing.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.resellerhub.billing.reseller.ResellerSettings.AccountValidation;
import com.resellerhub.billing.web.BusinessRuleException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The account data rules without Spring or a database: ACC-2, ACC-3, ACC-6. */
class AccountRulesTest {

  private static final AccountValidation LISTS = new AccountValidation("<>|", List.of("LLC", "S.A."),
      List.of("com", "ru"), List.of("Berlin", "Hamburg"));

  private static final List<AttributeDefinition> PASSPORT = List.of(
      new AttributeDefinition("passportNumber", "Passport number", true, "[A-Z0-9]{6,12}"),
      new AttributeDefinition("issuedOn", "Issued on", false, "\\d{4}-\\d{2}-\\d{2}"));

  @ParameterizedTest
  @ValueSource(strings = {"Acme LLC", "acme llc", "Acme-LLC", "LLC Acme", "Acme S.A.", "Shop.com", "shop.RU Group",
      "Acme <1>", "A|B"})
  void ACC3_forbiddenCharactersAbbreviationsAndTopLevelDomainsAreRefusedNamingTheRule(String name) {
    assertThatThrownBy(() -> AccountRules.checkCompanyName(name, LISTS)).isInstanceOf(BusinessRuleException.class)
        .hasFieldOrPropertyWithValue("rule", "ACC-3").hasFieldOrPropertyWithValue("field", "companyName");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Allcom Systems", "Rurik Trading", "Comcast", "LLCX Holdings", "Acme SA", "Acme"})
  void ACC3_wordsThatOnlyContainAForbiddenValueAreAllowed(String name) {
    assertThatCode(() -> AccountRules.checkCompanyName(name, LISTS)).doesNotThrowAnyException();
  }

  @Test
  void ACC3_emptyListsForbidNothing() {
    assertThatCode(() -> AccountRules.checkCompanyName("Acme LLC <shop.com>", AccountValidation.none()))
        .doesNotThrowAnyException();
    assertThatCode(() -> AccountRules.checkRegion("Anywhere", AccountValidation.none())).doesNotThrowAnyException();
  }

  @Test
  void ACC3_aRegionMustBeInTheAllowedListIgnoringCase() {
    assertThatCode(() -> AccountRules.checkRegion("berlin", LISTS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> AccountRules.checkRegion("Bayern", LISTS))
        .hasFieldOrPropertyWithValue("rule", "ACC-3").hasFieldOrPropertyWithValue("field", "contacts.region");
  }

  @Test
  void ACC2_extraAttributesAreCheckedAgainstTheirDefinitions() {
    assertThatCode(() -> AccountRules.checkExtraAttributes(PASSPORT, Map.of("passportNumber", "AB123456")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> AccountRules.checkExtraAttributes(PASSPORT, Map.of()))
        .hasFieldOrPropertyWithValue("rule", "ACC-2")
        .hasFieldOrPropertyWithValue("field", "extraAttributes.passportNumber");
    assertThatThrownBy(() -> AccountRules.checkExtraAttributes(PASSPORT, Map.of("passportNumber", "ab 12")))
        .hasFieldOrPropertyWithValue("field", "extraAttributes.passportNumber").hasMessageContaining("pattern");
    assertThatThrownBy(() -> AccountRules.checkExtraAttributes(PASSPORT,
        Map.of("passportNumber", "AB123456", "issuedOn", "2020-1-1")))
        .hasFieldOrPropertyWithValue("field", "extraAttributes.issuedOn");
    assertThatThrownBy(() -> AccountRules.checkExtraAttributes(PASSPORT,
        Map.of("passportNumber", "AB123456", "shoeSize", "44")))
        .hasFieldOrPropertyWithValue("field", "extraAttributes.shoeSize").hasMessageContaining("not an attribute");
  }

  @Test
  void ACC2_aPatternMustMatchTheWholeValue() {
    assertThatThrownBy(() -> AccountRules.checkExtraAttributes(PASSPORT, Map.of("passportNumber", "AB123456 extra")))
        .hasFieldOrPropertyWithValue("rule", "ACC-2");
  }

  @Test
  void ACC6_asciiOnlyContactsRefuseAnythingButPrintableAscii() {
    assertThatCode(() -> AccountRules.checkAscii("contacts.address", "Main Street 1, Springfield #2"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> AccountRules.checkAscii("contacts.address", "Hauptstraße 1"))
        .hasFieldOrPropertyWithValue("rule", "ACC-6").hasFieldOrPropertyWithValue("field", "contacts.address");
    assertThatThrownBy(() -> AccountRules.checkAscii("signatory.lastName", "Иванов"))
        .hasFieldOrPropertyWithValue("field", "signatory.lastName");
    assertThatThrownBy(() -> AccountRules.checkAscii("contacts.address", "line\nbreak"))
        .hasFieldOrPropertyWithValue("rule", "ACC-6");
  }

  @Test
  void ACC6_theCountryIsAnIsoCode() {
    assertThatCode(() -> AccountRules.checkCountry("DE")).doesNotThrowAnyException();
    assertThatThrownBy(() -> AccountRules.checkCountry("XQ")).hasFieldOrPropertyWithValue("field", "contacts.country");
  }

  @Test
  void anAttributePatternMustCompile() {
    assertThatThrownBy(() -> AccountRules.checkPattern("attributes[0].pattern", "[A-Z"))
        .hasFieldOrPropertyWithValue("field", "attributes[0].pattern");
  }

  @Test
  void fullNamesSkipMissingParts() {
    org.assertj.core.api.Assertions.assertThat(AccountOwners.fullName("Anna", null, "Schmidt"))
        .isEqualTo("Anna Schmidt");
    org.assertj.core.api.Assertions.assertThat(AccountOwners.fullName("Anna", " Maria ", "Schmidt"))
        .isEqualTo("Anna Maria Schmidt");
  }
}
