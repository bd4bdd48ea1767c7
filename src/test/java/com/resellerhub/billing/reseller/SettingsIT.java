package com.resellerhub.billing.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reseller settings RS-1..4 through {@code /api/operator/settings} on a MySQL-compatible database. */
@IntegrationTest
class SettingsIT {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResellerService resellerService;
  Map<String, Object> original;

  @BeforeEach
  void remember() {
    original = get();
  }

  @AfterEach
  void restore() {
    put("manager", original);
  }

  @Test
  void RS1_postpayApprovalAndItsScopeAreSwitchedByAManager_andEveryChangeIsAuditedWithActorAndOldAndNewValue() {
    put("manager", with(s -> {
      s.put("postpayApproval", "AUTOMATIC");
      s.put("postpayApprovalAppliesTo", "COMMERCIAL");
    }));
    long auditedBefore = audited();
    ResponseEntity<Map<String, Object>> response = put("manager", with(s -> {
      s.put("postpayApproval", "MANUAL");
      s.put("postpayApprovalAppliesTo", "COMMERCIAL_AND_TRIAL");
    }));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(get()).containsEntry("postpayApproval", "MANUAL")
        .containsEntry("postpayApprovalAppliesTo", "COMMERCIAL_AND_TRIAL");
    assertThat(resellerService.settings().manualPostpayApproval()).isTrue();
    assertThat(resellerService.settings().postpayApprovalAppliesTo())
        .isEqualTo(PostpayApprovalScope.COMMERCIAL_AND_TRIAL);

    assertThat(audited()).isEqualTo(auditedBefore + 2);
    List<Map<String, Object>> changes = changes();
    assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("setting", "postpayApproval")
        .containsEntry("oldValue", "AUTOMATIC").containsEntry("newValue", "MANUAL").containsEntry("actor", "manager")
        .containsKey("changedAt"));
    assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("setting", "postpayApprovalAppliesTo")
        .containsEntry("oldValue", "COMMERCIAL").containsEntry("newValue", "COMMERCIAL_AND_TRIAL"));

    long unchanged = audited();
    put("manager", get());
    assertThat(audited()).as("saving the same values audits nothing").isEqualTo(unchanged);

    Map<String, Object> bad = with(s -> s.put("postpayApproval", "SOMETIMES"));
    ResponseEntity<Map<String, Object>> refused = put("manager", bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).containsEntry("field", "postpayApproval");
  }

  @Test
  void RS1_theDefaultsOfANewResellerAreAutomaticForCommercialOrders() {
    Long resellerId = jdbc.queryForObject("SELECT MIN(id) FROM reseller", Long.class);
    jdbc.update("INSERT INTO reseller (code, name, currency, version) VALUES ('rs1-probe', 'Probe', 'EUR', 0)");
    Long probe = jdbc.queryForObject("SELECT id FROM reseller WHERE code = 'rs1-probe'", Long.class);
    jdbc.update("INSERT INTO reseller_settings (reseller_id) VALUES (?)", probe);
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM reseller_settings WHERE reseller_id = ?", probe);
    assertThat(row.get("postpay_approval")).isEqualTo("AUTOMATIC");
    assertThat(row.get("postpay_approval_applies_to")).isEqualTo("COMMERCIAL");
    assertThat(row.get("allow_work_without_balance")).isIn(false, 0, (byte) 0);
    assertThat(row.get("terms_acceptance_required")).isIn(false, 0, (byte) 0);
    jdbc.update("DELETE FROM reseller_settings WHERE reseller_id = ?", probe);
    jdbc.update("DELETE FROM reseller WHERE id = ?", probe);
    assertThat(resellerId).isNotNull();
  }

  @Test
  void RS2_workWithoutBalanceAndExternalInvoicingAreSettingsReadByLaterFeatures() {
    put("manager", with(s -> {
      s.put("allowWorkWithoutBalance", true);
      s.put("invoicesByExternalSystem", true);
    }));
    assertThat(get()).containsEntry("allowWorkWithoutBalance", true).containsEntry("invoicesByExternalSystem", true);
    assertThat(resellerService.settings().allowWorkWithoutBalance()).isTrue();
    assertThat(resellerService.settings().invoicesByExternalSystem()).isTrue();
    put("manager", with(s -> s.put("allowWorkWithoutBalance", false)));
    assertThat(resellerService.settings().allowWorkWithoutBalance()).isFalse();
    assertThat(changes().get(0)).containsEntry("setting", "allowWorkWithoutBalance")
        .containsEntry("oldValue", "true").containsEntry("newValue", "false");

    ResponseEntity<Map<String, Object>> missing = put("manager", with(s -> s.remove("invoicesByExternalSystem")));
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getBody()).containsEntry("field", "invoicesByExternalSystem").containsEntry("rule", "required");
  }

  @Test
  void RS3_promisedPaymentOnlyWhenBlockedIsASetting() {
    put("manager", with(s -> s.put("promisedPaymentOnlyWhenBlocked", true)));
    assertThat(resellerService.settings().promisedPaymentOnlyWhenBlocked()).isTrue();
    ResponseEntity<Map<String, Object>> wrongType = put("manager",
        with(s -> s.put("promisedPaymentOnlyWhenBlocked", "sometimes")));
    assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
    assertThat(wrongType.getBody()).containsEntry("field", "promisedPaymentOnlyWhenBlocked");
    assertThat(resellerService.settings().promisedPaymentOnlyWhenBlocked()).isTrue();
  }

  @Test
  void RS4_defaultCountryTermsAndValidationListsAreStoredNormalized_andInvalidValuesAreRefusedNamingTheField() {
    ResponseEntity<Map<String, Object>> ok = put("manager", with(s -> {
      s.put("defaultCountry", "AT");
      s.put("termsAcceptanceRequired", true);
      s.put("accountValidation", new LinkedHashMap<>(Map.of("forbiddenCharacters", "#$",
          "forbiddenAbbreviations", List.of(" Ltd ", "Ltd", "AG"), "forbiddenTopLevelDomains", List.of(".COM", "org"),
          "allowedRegions", List.of("Wien", "Tirol"))));
    }));
    assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(200);
    ResellerSettings s = resellerService.settings();
    assertThat(s.defaultCountry()).isEqualTo("AT");
    assertThat(s.termsAcceptanceRequired()).isTrue();
    assertThat(s.accountValidation().forbiddenAbbreviations()).containsExactly("Ltd", "AG");
    assertThat(s.accountValidation().forbiddenTopLevelDomains()).containsExactly("com", "org");
    assertThat(s.accountValidation().allowedRegions()).containsExactly("Wien", "Tirol");
    assertThat(s.accountValidation().forbiddenCharacters()).isEqualTo("#$");

    assertRefused(with(x -> x.put("defaultCountry", "Austria")), "defaultCountry");
    assertRefused(with(x -> x.put("defaultCountry", "XQ")), "defaultCountry");
    assertRefused(with(x -> ((Map<String, Object>) x.get("accountValidation")).put("forbiddenCharacters", "a$")),
        "accountValidation.forbiddenCharacters");
    assertRefused(with(x -> ((Map<String, Object>) x.get("accountValidation"))
        .put("forbiddenTopLevelDomains", List.of("not a tld"))), "accountValidation.forbiddenTopLevelDomains[0]");
    assertRefused(with(x -> ((Map<String, Object>) x.get("accountValidation"))
        .put("forbiddenAbbreviations", List.of(""))), "accountValidation.forbiddenAbbreviations[0]");
    assertRefused(with(x -> x.remove("accountValidation")), "accountValidation");
    assertThat(resellerService.settings().defaultCountry()).isEqualTo("AT");
  }

  @Test
  void RS4_onlyManagersReadAndChangeTheSettings() {
    assertThat(http.withBasicAuth("customer", "customer").getForEntity("/api/operator/settings", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(put("analyst", get()).getStatusCode().value()).isEqualTo(403);
  }

  private void assertRefused(Map<String, Object> settings, String field) {
    long before = audited();
    ResponseEntity<Map<String, Object>> response = put("manager", settings);
    assertThat(response.getStatusCode().is4xxClientError()).as("%s", response.getBody()).isTrue();
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat(audited()).isEqualTo(before);
  }

  private long audited() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM reseller_setting_change", Long.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> changes() {
    return (List<Map<String, Object>>) call("manager", HttpMethod.GET, "/api/operator/settings/changes?size=10", null)
        .getBody().get("content");
  }

  private Map<String, Object> get() {
    return call("manager", HttpMethod.GET, "/api/operator/settings", null).getBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> with(Consumer<Map<String, Object>> change) {
    Map<String, Object> s = new LinkedHashMap<>(get());
    s.put("accountValidation", new LinkedHashMap<>((Map<String, Object>) s.get("accountValidation")));
    change.accept(s);
    return s;
  }

  private ResponseEntity<Map<String, Object>> put(String user, Map<String, Object> settings) {
    return call(user, HttpMethod.PUT, "/api/operator/settings", settings);
  }

  private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {});
  }
}
