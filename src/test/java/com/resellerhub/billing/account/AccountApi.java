package com.resellerhub.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** HTTP helpers of the account integration tests: requests, settings, reference data, row counts. */
final class AccountApi {

  private static final AtomicInteger SEQ = new AtomicInteger();
  static final List<String> COUNTED = List.of("account", "account_user", "account_attribute", "account_event",
      "password_setup_token", "ACT_ID_USER", "ACT_ID_MEMBERSHIP");

  final TestRestTemplate http;
  final JdbcTemplate jdbc;
  final IdentityService identity;

  AccountApi(TestRestTemplate http, JdbcTemplate jdbc, IdentityService identity) {
    this.http = http;
    this.jdbc = jdbc;
    this.identity = identity;
  }

  static String unique(String prefix) {
    return prefix + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet();
  }

  ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
    return client.exchange(path, method, new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<Map<String, Object>> callAs(String user, String password, HttpMethod method, String path,
      Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<Map<String, Object>> create(Map<String, Object> request) {
    return call("manager", HttpMethod.POST, "/api/operator/accounts", request);
  }

  Map<String, Object> created(Map<String, Object> request) {
    ResponseEntity<Map<String, Object>> response = create(request);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> settings(Consumer<Map<String, Object>> change) {
    Map<String, Object> s = deepCopy(call("manager", HttpMethod.GET, "/api/operator/settings", null).getBody());
    change.accept(s);
    ResponseEntity<Map<String, Object>> put = call("manager", HttpMethod.PUT, "/api/operator/settings", s);
    assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
    return put.getBody();
  }

  /** The baseline the account tests start from. */
  void baselineSettings() {
    settings(s -> {
      s.put("postpayApproval", "MANUAL");
      s.put("postpayApprovalAppliesTo", "COMMERCIAL");
      s.put("defaultCountry", "DE");
      s.put("termsAcceptanceRequired", true);
      s.put("accountValidation", new LinkedHashMap<>(Map.of("forbiddenCharacters", "<>{}|",
          "forbiddenAbbreviations", List.of("NGO", "PLC"), "forbiddenTopLevelDomains", List.of("com", "net"),
          "allowedRegions", List.of("Berlin", "Hamburg", "Bayern"))));
    });
  }

  @SuppressWarnings("unchecked")
  long typeId(String code) {
    List<Map<String, Object>> types = http.withBasicAuth("manager", "manager").exchange(
        "/api/operator/account-types", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    return types.stream().filter(t -> code.equals(t.get("code"))).map(t -> ((Number) t.get("id")).longValue())
        .findFirst().orElseThrow();
  }

  long ruleId(String code) {
    List<Map<String, Object>> rules = http.withBasicAuth("manager", "manager").exchange(
        "/api/operator/service-rules", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    return rules.stream().filter(t -> code.equals(t.get("code"))).map(t -> ((Number) t.get("id")).longValue())
        .findFirst().orElseThrow();
  }

  long managerId(String name) {
    List<Map<String, Object>> managers = http.withBasicAuth("manager", "manager").exchange(
        "/api/operator/managers", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    return managers.stream().filter(t -> name.equals(t.get("name"))).map(t -> ((Number) t.get("id")).longValue())
        .findFirst().orElseThrow();
  }

  /** A valid request for a company account with a NEW owner; every nested map is mutable. */
  Map<String, Object> companyRequest() {
    String tag = unique("c");
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("accountTypeId", typeId("company"));
    r.put("serviceRuleId", ruleId("standard"));
    r.put("companyName", "Contoso " + tag + " GmbH");
    r.put("contacts", new LinkedHashMap<>(Map.of("address", "Friedrichstrasse 10, 10117 Berlin", "region", "Berlin",
        "phone", "+49 30 5550100", "email", "billing-" + tag + "@contoso.example")));
    r.put("signatory", new LinkedHashMap<>(Map.of("firstName", "Clara", "lastName", "Contoso",
        "email", "clara-" + tag + "@contoso.example")));
    r.put("owner", new LinkedHashMap<>(Map.of("mode", "NEW", "firstName", "Otto", "lastName", "Owner",
        "email", "otto-" + tag + "@contoso.example")));
    r.put("termsAccepted", true);
    r.put("extraAttributes", new LinkedHashMap<>(Map.of("registrationNumber", "HRB778899", "taxId",
        "DE778899001")));
    return r;
  }

  /** A valid request for an individual with an EXISTING fresh customer user as owner. */
  Map<String, Object> individualRequest(String ownerUserId) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("accountTypeId", typeId("individual"));
    r.put("serviceRuleId", ruleId("standard"));
    r.put("contacts", new LinkedHashMap<>(Map.of("address", "Hauptstrasse 1, Berlin", "email",
        ownerUserId + "@private.example")));
    r.put("signatory", new LinkedHashMap<>(Map.of("firstName", "Ivan", "lastName", "Petrov", "email",
        ownerUserId + "@private.example")));
    r.put("owner", new LinkedHashMap<>(Map.of("mode", "EXISTING", "userId", ownerUserId)));
    r.put("extraAttributes", new LinkedHashMap<>(Map.of("passportNumber", "AB123456", "passportIssuedBy",
        "Stadt Berlin")));
    return r;
  }

  /** A new user of the identity service, password = id, in no group. */
  String newUser() {
    String id = unique("u");
    User user = identity.newUser(id);
    user.setFirstName("Test");
    user.setLastName("User");
    user.setEmail(id + "@users.example");
    user.setPassword(id);
    identity.saveUser(user);
    return id;
  }

  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    COUNTED.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)));
    return counts;
  }

  static long id(Map<String, Object> body) {
    return ((Number) body.get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m) {
        copy.put(k, deepCopy((Map<String, Object>) m));
      } else if (v instanceof List<?> l) {
        copy.put(k, new ArrayList<>(l));
      } else {
        copy.put(k, v);
      }
    });
    return copy;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> body, String key) {
    return (Map<String, Object>) body.get(key);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> content(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("content");
  }
}
