package com.resellerhub.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.resellerhub.billing.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEC-3 for account creation, table-driven: every validation rule, missing and malformed fields, wrong types,
 * unknown ids, over-long strings, non-ASCII where ASCII is required. Each answers 4xx as a problem naming the field
 * (and the rule), never 5xx, and no row is written (accounts, users, links, attributes, events, tokens).
 */
@IntegrationTest
class AccountBadInputIT {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  AccountApi api;

  @BeforeEach
  void setUp() {
    api = new AccountApi(http, jdbc, identity);
    api.baselineSettings();
  }

  /** name, status, field, rule (null: any), how to spoil the valid company request. */
  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad("accountTypeId missing", 400, "accountTypeId", "required", (a, r) -> r.remove("accountTypeId")),
        bad("accountTypeId unknown", 422, "accountTypeId", "ACC-1", (a, r) -> r.put("accountTypeId", 999999)),
        bad("accountTypeId not a number", 400, "accountTypeId", "type", (a, r) -> r.put("accountTypeId", "abc")),
        bad("accountTypeId negative", 400, "accountTypeId", "min", (a, r) -> r.put("accountTypeId", -1)),
        bad("serviceRuleId missing", 400, "serviceRuleId", "required", (a, r) -> r.remove("serviceRuleId")),
        bad("serviceRuleId unknown", 422, "serviceRuleId", "ACC-1", (a, r) -> r.put("serviceRuleId", 999999)),
        bad("serviceRuleId an object", 400, "serviceRuleId", "type", (a, r) -> r.put("serviceRuleId", Map.of())),
        bad("managerId unknown", 422, "managerId", "ACC-4", (a, r) -> r.put("managerId", 999999)),
        bad("managerId INACTIVE", 422, "managerId", "ACC-4",
            (a, r) -> r.put("managerId", a.managerId("Olga Oldtimer"))),
        bad("companyName missing for a legal entity", 422, "companyName", "ACC-2", (a, r) -> r.remove("companyName")),
        bad("companyName blank for a legal entity", 422, "companyName", "ACC-2", (a, r) -> r.put("companyName", " ")),
        bad("companyName forbidden character", 422, "companyName", "ACC-3",
            (a, r) -> r.put("companyName", "Acme <Cloud>")),
        bad("companyName forbidden abbreviation", 422, "companyName", "ACC-3",
            (a, r) -> r.put("companyName", "Acme Cloud plc")),
        bad("companyName forbidden top-level domain", 422, "companyName", "ACC-3",
            (a, r) -> r.put("companyName", "Acme.COM")),
        bad("companyName over 200 characters", 400, "companyName", "size",
            (a, r) -> r.put("companyName", "A".repeat(201))),
        bad("postpayPermission not a value", 400, "postpayPermission", "type",
            (a, r) -> r.put("postpayPermission", "MAYBE")),
        bad("postpayPermission DECLINED at creation", 422, "postpayPermission", "ACC-5",
            (a, r) -> r.put("postpayPermission", "DECLINED")),
        bad("contacts missing", 400, "contacts", "required", (a, r) -> r.remove("contacts")),
        bad("contacts a string", 400, "contacts", null, (a, r) -> r.put("contacts", "Berlin")),
        bad("contacts.address missing", 400, "contacts.address", "required",
            (a, r) -> AccountApi.map(r, "contacts").remove("address")),
        bad("contacts.address over 500", 400, "contacts.address", "size",
            (a, r) -> AccountApi.map(r, "contacts").put("address", "x".repeat(501))),
        bad("contacts.email malformed", 400, "contacts.email", "email",
            (a, r) -> AccountApi.map(r, "contacts").put("email", "not-an-email")),
        bad("contacts.email missing", 400, "contacts.email", "required",
            (a, r) -> AccountApi.map(r, "contacts").remove("email")),
        bad("contacts.country not a code", 400, "contacts.country", "pattern",
            (a, r) -> AccountApi.map(r, "contacts").put("country", "Germany")),
        bad("contacts.country unknown code", 422, "contacts.country", "ACC-6",
            (a, r) -> AccountApi.map(r, "contacts").put("country", "XQ")),
        bad("contacts.phone malformed", 400, "contacts.phone", "pattern",
            (a, r) -> AccountApi.map(r, "contacts").put("phone", "call me")),
        bad("contacts.region not allowed", 422, "contacts.region", "ACC-3",
            (a, r) -> AccountApi.map(r, "contacts").put("region", "Atlantis")),
        bad("contacts.region over 100", 400, "contacts.region", "size",
            (a, r) -> AccountApi.map(r, "contacts").put("region", "R".repeat(101))),
        bad("signatory missing", 400, "signatory", "required", (a, r) -> r.remove("signatory")),
        bad("signatory.firstName blank", 400, "signatory.firstName", "required",
            (a, r) -> AccountApi.map(r, "signatory").put("firstName", "")),
        bad("signatory.lastName over 100", 400, "signatory.lastName", "size",
            (a, r) -> AccountApi.map(r, "signatory").put("lastName", "L".repeat(101))),
        bad("signatory.email malformed", 400, "signatory.email", "email",
            (a, r) -> AccountApi.map(r, "signatory").put("email", "clara(at)contoso")),
        bad("owner missing", 400, "owner", "required", (a, r) -> r.remove("owner")),
        bad("owner.mode unknown", 400, "owner.mode", "type", (a, r) -> AccountApi.map(r, "owner").put("mode", "BOSS")),
        bad("owner EXISTING without userId", 422, "owner.userId", "ACC-8",
            (a, r) -> r.put("owner", Map.of("mode", "EXISTING"))),
        bad("owner EXISTING unknown user", 422, "owner.userId", "ACC-8",
            (a, r) -> r.put("owner", Map.of("mode", "EXISTING", "userId", "nobody" + System.nanoTime()))),
        bad("owner EXISTING staff user", 422, "owner.userId", "ACC-8",
            (a, r) -> r.put("owner", Map.of("mode", "EXISTING", "userId", "manager"))),
        bad("owner EXISTING user of another account", 422, "owner.userId", "ACC-8",
            (a, r) -> r.put("owner", Map.of("mode", "EXISTING", "userId", "customer"))),
        bad("owner NEW without email", 422, "owner.email", "ACC-8",
            (a, r) -> AccountApi.map(r, "owner").remove("email")),
        bad("owner NEW without lastName", 422, "owner.lastName", "ACC-8",
            (a, r) -> AccountApi.map(r, "owner").remove("lastName")),
        bad("owner.login taken", 422, "owner.login", "ACC-8",
            (a, r) -> AccountApi.map(r, "owner").put("login", "manager")),
        bad("owner.login with spaces", 400, "owner.login", "pattern",
            (a, r) -> AccountApi.map(r, "owner").put("login", "bad login")),
        bad("owner.email malformed", 400, "owner.email", "email",
            (a, r) -> AccountApi.map(r, "owner").put("email", "otto@")),
        bad("extra attribute unknown", 422, "extraAttributes.shoeSize", "ACC-2",
            (a, r) -> AccountApi.map(r, "extraAttributes").put("shoeSize", "44")),
        bad("extra attribute required missing", 422, "extraAttributes.registrationNumber", "ACC-2",
            (a, r) -> AccountApi.map(r, "extraAttributes").remove("registrationNumber")),
        bad("extra attribute against its pattern", 422, "extraAttributes.taxId", "ACC-2",
            (a, r) -> AccountApi.map(r, "extraAttributes").put("taxId", "12")),
        bad("extra attribute over 500", 400, "extraAttributes[taxId]", "size",
            (a, r) -> AccountApi.map(r, "extraAttributes").put("taxId", "D".repeat(501))),
        bad("extraAttributes a list", 400, "extraAttributes", null, (a, r) -> r.put("extraAttributes", List.of("x"))),
        bad("termsAccepted not a boolean", 400, "termsAccepted", "type", (a, r) -> r.put("termsAccepted", "maybe")),
        bad("unknown field", 400, "vip", "unknown-field", (a, r) -> r.put("vip", true)),
        bad("ASCII-only type: non-ASCII address", 422, "contacts.address", "ACC-6", (a, r) -> {
          r.put("accountTypeId", a.typeId("registrar"));
          r.put("extraAttributes", Map.of());
          AccountApi.map(r, "contacts").put("address", "Große Straße 5, Berlin");
        }),
        bad("ASCII-only type: non-ASCII signatory name", 422, "signatory.lastName", "ACC-6", (a, r) -> {
          r.put("accountTypeId", a.typeId("registrar"));
          r.put("extraAttributes", Map.of());
          AccountApi.map(r, "signatory").put("lastName", "Müller");
        }),
        bad("ASCII-only type: non-ASCII owner name", 422, "owner.firstName", "ACC-6", (a, r) -> {
          r.put("accountTypeId", a.typeId("registrar"));
          r.put("extraAttributes", Map.of());
          AccountApi.map(r, "owner").put("firstName", "Jürgen");
        }));
  }

  private static Arguments bad(String name, int status, String field, String rule,
      BiConsumer<AccountApi, Map<String, Object>> spoil) {
    return arguments(name, status, field, rule, spoil);
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} naming {2}")
  @MethodSource("badRequests")
  void SEC3_badAccountRequestIsRefusedNamingTheFieldAndWritesNothing(String name, int status, String field,
      String rule, BiConsumer<AccountApi, Map<String, Object>> spoil) {
    Map<String, Object> request = api.companyRequest();
    spoil.accept(api, request);
    Map<String, Long> before = api.counts();

    ResponseEntity<Map<String, Object>> response = api.create(request);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("field", field);
    if (rule != null) {
      assertThat(response.getBody()).containsEntry("rule", rule);
    }
    assertThat(api.counts()).isEqualTo(before);
  }

  @Test
  void SEC3_theValidBaseRequestOfTheTableIsAccepted() {
    Map<String, Long> before = api.counts();
    api.created(api.companyRequest());
    assertThat(api.counts().get("account")).isEqualTo(before.get("account") + 1);
    assertThat(api.counts().get("ACT_ID_USER")).isEqualTo(before.get("ACT_ID_USER") + 1);
  }

  @Test
  void SEC3_malformedJsonIsAProblemNamingTheBody() {
    Map<String, Long> before = api.counts();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> response = http.withBasicAuth("manager", "manager").exchange(
        "/api/operator/accounts", HttpMethod.POST, new HttpEntity<>("{\"accountTypeId\": 1,", headers),
        new org.springframework.core.ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("field", "body").containsEntry("rule", "malformed");
    assertThat(api.counts()).isEqualTo(before);
  }
}
