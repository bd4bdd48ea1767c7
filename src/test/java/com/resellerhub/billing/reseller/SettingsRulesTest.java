package com.resellerhub.billing.reseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RS-1..4 without Spring: the defaults, normalisation and the checks beyond Bean Validation. */
class SettingsRulesTest {

  private static ResellerSettings with(String country, ResellerSettings.AccountValidation v) {
    return new ResellerSettings(PostpayApproval.MANUAL, PostpayApprovalScope.COMMERCIAL, false, false, false, country,
        true, v);
  }

  @Test
  void RS1_RS2_RS3_theDefaultsAreAutomaticForCommercialOrdersAndEveryFlagOff() {
    ResellerSettings d = ResellerSettings.defaults();
    assertThat(d.postpayApproval()).isEqualTo(PostpayApproval.AUTOMATIC);
    assertThat(d.postpayApprovalAppliesTo()).isEqualTo(PostpayApprovalScope.COMMERCIAL);
    assertThat(d.manualPostpayApproval()).isFalse();
    assertThat(d.allowWorkWithoutBalance()).isFalse();
    assertThat(d.invoicesByExternalSystem()).isFalse();
    assertThat(d.promisedPaymentOnlyWhenBlocked()).isFalse();
    assertThat(d.termsAcceptanceRequired()).isFalse();
    assertThat(new StoredSettings(1L).toSettings()).isEqualTo(d);
  }

  @Test
  void RS4_listsAreTrimmedDeduplicatedAndTopLevelDomainsLowerCaseWithoutTheDot() {
    ResellerSettings s = SettingsRules.normalize(with("DE", new ResellerSettings.AccountValidation("<>",
        List.of(" LLC", "LLC ", "AG"), List.of(".COM", "com", "Org"), List.of("Berlin ", "Berlin"))));
    assertThat(s.accountValidation().forbiddenAbbreviations()).containsExactly("LLC", "AG");
    assertThat(s.accountValidation().forbiddenTopLevelDomains()).containsExactly("com", "org");
    assertThat(s.accountValidation().allowedRegions()).containsExactly("Berlin");
  }

  @Test
  void RS4_anUnknownCountryOrLettersAmongTheForbiddenCharactersAreRefused() {
    assertThatThrownBy(() -> SettingsRules.normalize(with("XQ", ResellerSettings.AccountValidation.none())))
        .hasFieldOrPropertyWithValue("rule", "RS-4").hasFieldOrPropertyWithValue("field", "defaultCountry");
    assertThatThrownBy(() -> SettingsRules.normalize(with(null,
        new ResellerSettings.AccountValidation("x", List.of(), List.of(), List.of()))))
        .hasFieldOrPropertyWithValue("field", "accountValidation.forbiddenCharacters");
  }

  @Test
  void RS4_listsThatDoNotFitTheirColumnAreRefused() {
    List<String> regions = Collections.nCopies(1, "R".repeat(100));
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(i + "R".repeat(97));
    }
    assertThat(SettingsRules.normalize(with(null, new ResellerSettings.AccountValidation("", List.of(), List.of(),
        regions))).accountValidation().allowedRegions()).hasSize(1);
    assertThatThrownBy(() -> SettingsRules.normalize(with(null, new ResellerSettings.AccountValidation("", List.of(),
        List.of(), many)))).hasFieldOrPropertyWithValue("field", "accountValidation.allowedRegions");
  }

  @Test
  void RS1_onlyChangedSettingsAreAudited() {
    ResellerSettings a = ResellerSettings.defaults();
    ResellerSettings b = new ResellerSettings(PostpayApproval.MANUAL, PostpayApprovalScope.COMMERCIAL, false, false,
        false, null, false, ResellerSettings.AccountValidation.none());
    List<String[]> diff = ResellerService.differences(a, b);
    assertThat(diff).hasSize(1);
    assertThat(diff.get(0)).containsExactly("postpayApproval", "AUTOMATIC", "MANUAL");
    assertThat(ResellerService.differences(a, a)).isEmpty();
  }
}
