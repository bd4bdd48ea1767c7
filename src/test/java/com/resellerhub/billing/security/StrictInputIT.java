package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEC-8 (strict input), with SEC-3's "nothing is half-written": a fraction for an integer, a number for a boolean,
 * enum, date, instant or duration, a JSON key given twice and a reference to a user that cannot be a manager are
 * each refused with a 4xx RFC 9457 problem naming the field and the rule, and the database (row counts read with
 * JDBC) shows that nothing was saved; a duplicate code is a 409 naming {@code code}. What the framework or Tomcat
 * answer by themselves (oversized headers, unknown path, wrong method, wrong content type, {@code /error} called
 * directly) is a problem in our wording too.
 */
@IntegrationTest
class StrictInputIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  BillingApi api;

  @BeforeEach
  void setUp() {
    api = new BillingApi(http, identity);
  }

  @Test
  void SEC8_aFractionForAnIntegerIsRefusedNamingTheField_promisedPaymentOffer() {
    Map<String, Object> offer = new LinkedHashMap<>();
    offer.put("name", BillingApi.unique("SEC-8 offer "));
    offer.put("amount", "600");
    offer.put("durationDays", 5.5);
    offer.put("connectionFee", "0");
    offer.put("commissionPercent", "0");
    offer.put("chargeMethod", "DAILY");
    offer.put("customerAvailable", false);
    offer.put("planIds", List.of());
    long before = count("SELECT COUNT(*) FROM promised_payment_offer");

    refused("manager", HttpMethod.POST, "/api/operator/promised-payment-offers", offer, 400, "durationDays", "type");

    assertThat(count("SELECT COUNT(*) FROM promised_payment_offer")).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "planId | {\"planId\":1.9,\"trial\":false}",
      "trial  | {\"planId\":%d,\"trial\":1}"})
  void SEC8_aFractionForAnIdOrANumberForABooleanIsRefusedAndCreatesNoOrder(String field, String json) {
    long planId = api.plan("PREPAY", true);
    Customer customer = api.account("APPROVED");
    long accountId = customer.accountId();
    long before = count("SELECT COUNT(*) FROM customer_order WHERE account_id = ?", accountId);

    refused(customer.userId(), HttpMethod.POST, "/api/customer/orders", json.formatted(planId), 400, field, "type");

    assertThat(count("SELECT COUNT(*) FROM customer_order WHERE account_id = ?", accountId)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}: 14.5")
  @ValueSource(strings = {"trialDays", "gracePeriodDays"})
  void SEC8_aFractionForAnIntegerIsRefusedNamingTheField_newPlan(String field) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", BillingApi.unique("sec8-plan-").toLowerCase());
    plan.put("name", "SEC-8 plan");
    plan.put("billingModel", "PREPAY");
    plan.put("price", "49.00");
    plan.put("period", "P1M");
    plan.put("trialAvailable", true);
    plan.put("trialDays", 14);
    plan.put("gracePeriodDays", 5);
    plan.put(field, 14.5);
    long before = count("SELECT COUNT(*) FROM plan");

    refused("manager", HttpMethod.POST, "/api/operator/plans", plan, 400, field, "type");

    assertThat(count("SELECT COUNT(*) FROM plan")).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM plan WHERE code = ?", plan.get("code"))).isZero();
  }

  @Test
  void SEC8_aFractionForAnIntegerIsRefusedNamingTheField_promisedPaymentOptions() {
    long planId = api.plan("PREPAY", false);
    String path = "/api/operator/plans/" + planId + "/promised-payment-options";
    ResponseEntity<Map<String, Object>> valid = api.call("manager", HttpMethod.PUT, path, options(3));
    assertThat(valid.getStatusCode().value()).as("%s", valid.getBody()).isEqualTo(200);

    refused("manager", HttpMethod.PUT, path, options(2.5), 400, "maxPerMonth", "type");

    assertThat(jdbc.queryForObject("SELECT promise_max_per_month FROM plan WHERE id = ?", Integer.class, planId))
        .as("neither cut to 2 nor cleared").isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "set       | {\"set\":20270101}",
      "set       | {\"set\":\"20270101\"}",
      "advanceBy | {\"advanceBy\":86400}"})
  void SEC8_aNumberForAnInstantOrADurationIsRefusedAndLeavesTheClockUnmoved(String field, String json) {
    Instant before = clockNow();

    refused("admin", HttpMethod.POST, "/api/admin/clock", json, 400, field, "type");

    Instant after = clockNow();
    assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ZERO)
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void SEC8_aNumberForADateIsRefusedNamingTheField_postpayAct() {
    long accountId = api.account("APPROVED").accountId();
    String json = "{\"periodStart\":20270101,\"periodEnd\":\"2027-01-31\",\"amount\":\"10.00\"}";
    long acts = count("SELECT COUNT(*) FROM postpay_act WHERE account_id = ?", accountId);
    long payments = count("SELECT COUNT(*) FROM payment WHERE account_id = ?", accountId);

    refused("manager", HttpMethod.POST, "/api/operator/accounts/" + accountId + "/acts", json, 400, "periodStart",
        "type");

    assertThat(count("SELECT COUNT(*) FROM postpay_act WHERE account_id = ?", accountId)).isEqualTo(acts);
    assertThat(count("SELECT COUNT(*) FROM payment WHERE account_id = ?", accountId)).isEqualTo(payments);
  }

  static Stream<Arguments> enumAsNumber() {
    return Stream.of(Arguments.of("the number 0", 0), Arguments.of("the string \"0\"", "0"));
  }

  @ParameterizedTest(name = "postpayPermission: {0}")
  @MethodSource("enumAsNumber")
  void SEC8_aNumberForAnEnumIsRefusedAndCreatesNoAccount(String name, Object permission) {
    Map<String, Object> request = api.accountRequest("APPROVED");
    request.put("postpayPermission", permission);
    long accounts = count("SELECT COUNT(*) FROM account");
    long links = count("SELECT COUNT(*) FROM account_user");

    refused("manager", HttpMethod.POST, "/api/operator/accounts", request, 400, "postpayPermission", "type");

    assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(accounts);
    assertThat(count("SELECT COUNT(*) FROM account_user")).isEqualTo(links);
  }

  @Test
  void SEC8_aDuplicateJsonKeyIsRefusedAndTheBalanceIsUnchanged() {
    long accountId = api.account("APPROVED").accountId();
    String json = "{\"amount\":\"10\",\"amount\":\"1e9\",\"method\":\"BANK_TRANSFER\",\"comment\":\"SEC-8\"}";
    long entries = count("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", accountId);
    Object balance = balance(accountId);

    refused("manager", HttpMethod.POST, "/api/operator/accounts/" + accountId + "/top-ups", json, 400, "amount",
        "duplicate-key");

    assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", accountId)).isEqualTo(entries);
    assertThat(balance(accountId)).isEqualTo(balance);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"NOBODY, unknown-user", "customer, customer-user", "analyst, not-a-manager"})
  void SEC8_aManagerLoginThatIsNoManagerUserIsRefusedNamingUserId(String userId, String rule) {
    String login = userId.equals("NOBODY") ? BillingApi.unique("nobody") : userId;
    long managers = count("SELECT COUNT(*) FROM manager");

    refused("manager", HttpMethod.POST, "/api/operator/managers",
        Map.of("name", "Mallory Manager", "email", "mallory@staff.example", "userId", login), 400, "userId", rule);

    assertThat(count("SELECT COUNT(*) FROM manager")).isEqualTo(managers);
    assertThat(count("SELECT COUNT(*) FROM manager WHERE user_id = ?", login)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/api/operator/account-types, account_type", "/api/operator/service-rules, service_rule"})
  void SEC8_anExistingCodeIsAConflictNamingCode(String path, String table) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("code", BillingApi.unique("sec8-").toLowerCase(),
        "name", "SEC-8 duplicate"));
    if (table.equals("account_type")) {
      body.put("legalEntity", false);
      body.put("asciiOnlyContacts", false);
    }
    ResponseEntity<Map<String, Object>> first = api.call("manager", HttpMethod.POST, path, body);
    assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
    long before = count("SELECT COUNT(*) FROM " + table);

    refused("manager", HttpMethod.POST, path, body, 409, "code", "duplicate");

    assertThat(count("SELECT COUNT(*) FROM " + table)).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE code = ?", body.get("code"))).isEqualTo(1);
  }

  @Test
  void SEC8_oversizedHeadersAreAProblem() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "manager:manager".getBytes(StandardCharsets.UTF_8)))
        .header("X-Padding", "x".repeat(9 * 1024)).GET().build();
    HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofString());

    problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), 400,
        null, "headers-too-large");
  }

  @Test
  void SEC8_anUnknownPathIsANotFoundProblemInOurWording() {
    Map<String, Object> problem = refused("manager", HttpMethod.GET, "/api/operator/no-such-thing", null, 404, null,
        "not-found");
    assertThat((String) problem.get("detail")).doesNotContain("No static resource");
  }

  @Test
  void SEC8_aWrongMethodIsAProblem() {
    refused("manager", HttpMethod.DELETE, "/api/me", null, 405, null, "method-not-allowed");
  }

  @Test
  void SEC8_aWrongContentTypeIsAProblem() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> response = http.withBasicAuth("manager", "manager").exchange(
        "/api/operator/service-rules", HttpMethod.POST,
        new HttpEntity<>("code=sec8&name=plain", headers), String.class);
    problem(response, 415, null, "unsupported-media-type");
  }

  @Test
  void SEC8_errorCalledDirectlyIsANotFoundProblem() {
    ResponseEntity<String> response = http.exchange("/error", HttpMethod.GET, null, String.class);
    problem(response, 404, null, "not-found");
  }

  /**
   * Sends {@code body} (a String as it is, as raw JSON; anything else serialized to JSON) with a fresh
   * Idempotency-Key and checks the answer is a problem of that status, field (null: not checked) and rule.
   */
  private Map<String, Object> refused(String user, HttpMethod method, String path, Object body, int status,
      String field, String rule) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> response = http.withBasicAuth(user, user).exchange(path, method,
        new HttpEntity<>(body, headers), String.class);
    return problem(response, status, field, rule);
  }

  private static Map<String, Object> problem(ResponseEntity<String> response, int status, String field,
      String rule) {
    MediaType type = response.getHeaders().getContentType();
    return problem(response.getStatusCode().value(), type == null ? null : type.toString(), response.getBody(),
        status, field, rule);
  }

  private static Map<String, Object> problem(int actualStatus, String contentType, String body, int status,
      String field, String rule) {
    assertThat(actualStatus).as("status; body %s", body).isEqualTo(status);
    assertThat(contentType).as("content type; body %s", body).isNotNull();
    assertThat(MediaType.parseMediaType(contentType).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
        .as("%s is application/problem+json; body %s", contentType, body).isTrue();
    Map<String, Object> problem;
    try {
      problem = MAPPER.readValue(body, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new AssertionError("not a JSON problem: " + body, e);
    }
    assertThat(problem).containsEntry("status", status).containsEntry("rule", rule);
    if (field != null) {
      assertThat(problem).containsEntry("field", field);
    }
    return problem;
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private Instant clockNow() {
    return Instant.parse((String) api.call("admin", HttpMethod.GET, "/api/admin/clock", null).getBody().get("now"));
  }

  private Object balance(long accountId) {
    return api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId + "/balance", null).getBody()
        .get("balance");
  }

  private static Map<String, Object> options(Number maxPerMonth) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("topUpSincePrevious", false);
    o.put("oncePerCalendarMonth", false);
    o.put("maxPerMonth", maxPerMonth);
    return o;
  }
}
