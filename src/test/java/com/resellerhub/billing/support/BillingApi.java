package com.resellerhub.billing.support;

import static org.assertj.core.api.Assertions.assertThat;

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

/** HTTP helpers of the integration tests: settings, plans, accounts with their own customer user, orders, reviews. */
public class BillingApi {

  private static final AtomicInteger SEQ = new AtomicInteger();

  public final TestRestTemplate http;
  public final IdentityService identity;

  public BillingApi(TestRestTemplate http, IdentityService identity) {
    this.http = http;
    this.identity = identity;
  }

  /**
   * Waits until the user can log in: wrong passwords sent elsewhere could have the login throttle (SEC-7) hold the
   * user for a while.
   */
  public void awaitLogin(String user) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
        http.withBasicAuth(user, user).getForEntity("/api/me", String.class).getStatusCode().value() == 200);
  }

  public static String unique(String prefix) {
    return prefix + (System.nanoTime() % 1_000_000_000L) + SEQ.incrementAndGet();
  }

  public ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    return call(user, method, path, body, null);
  }

  public ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {});
  }

  public ResponseEntity<String> raw(String user, String path, Object body, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  public ResponseEntity<List<Map<String, Object>>> list(String user, String path) {
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  public void settings(Consumer<Map<String, Object>> change) {
    Map<String, Object> s = new LinkedHashMap<>(call("manager", HttpMethod.GET, "/api/operator/settings", null)
        .getBody());
    change.accept(s);
    ResponseEntity<Map<String, Object>> put = call("manager", HttpMethod.PUT, "/api/operator/settings", s);
    assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
  }

  public void mode(String postpayApproval, String appliesTo) {
    settings(s -> {
      s.put("postpayApproval", postpayApproval);
      s.put("postpayApprovalAppliesTo", appliesTo);
    });
  }

  /** A new active plan at 49.00; returns its id. */
  public long plan(String billingModel, boolean trialAvailable) {
    return plan(billingModel, trialAvailable, "49.00");
  }

  /** A new active plan with the given price; returns its id. */
  public long plan(String billingModel, boolean trialAvailable, String price) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", unique("plan-").toLowerCase());
    plan.put("name", "Test plan " + billingModel);
    plan.put("billingModel", billingModel);
    plan.put("price", price);
    plan.put("period", "P1M");
    plan.put("trialAvailable", trialAvailable);
    if (trialAvailable) {
      plan.put("trialDays", 14);
    }
    ResponseEntity<Map<String, Object>> created = call("manager", HttpMethod.POST, "/api/operator/plans", plan);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return id(created.getBody());
  }

  /**
   * A valid request to create an account with the given postpay permission, owned by a new user (password = user
   * id) who exists already; nothing is sent.
   */
  public Map<String, Object> accountRequest(String permission) {
    String userId = unique("cust");
    User user = identity.newUser(userId);
    user.setFirstName("Olga");
    user.setLastName("Owner");
    user.setEmail(userId + "@customers.example");
    user.setPassword(userId);
    identity.saveUser(user);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("accountTypeId", idOf("/api/operator/account-types", "individual"));
    r.put("serviceRuleId", idOf("/api/operator/service-rules", "standard"));
    r.put("postpayPermission", permission);
    r.put("contacts", new LinkedHashMap<>(Map.of("address", "Hauptstrasse 1, Berlin", "email", userId + "@x.example")));
    r.put("signatory", new LinkedHashMap<>(Map.of("firstName", "Olga", "lastName", "Owner", "email",
        userId + "@x.example")));
    r.put("owner", new LinkedHashMap<>(Map.of("mode", "EXISTING", "userId", userId)));
    r.put("termsAccepted", true);
    r.put("extraAttributes", new LinkedHashMap<>(Map.of("passportNumber", "AB123456", "passportIssuedBy", "Berlin")));
    return r;
  }

  /** An account with the given postpay permission, terms accepted, owned by a new user (password = user id). */
  public Customer account(String permission) {
    Map<String, Object> r = accountRequest(permission);
    String userId = (String) ((Map<?, ?>) r.get("owner")).get("userId");
    ResponseEntity<Map<String, Object>> created = call("manager", HttpMethod.POST, "/api/operator/accounts", r);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return new Customer(id(created.getBody()), userId);
  }

  public record Customer(long accountId, String userId) {}

  public ResponseEntity<Map<String, Object>> customerOrders(Customer c, long planId, boolean trial) {
    return call(c.userId(), HttpMethod.POST, "/api/customer/orders", Map.of("planId", planId, "trial", trial));
  }

  public ResponseEntity<Map<String, Object>> operatorOrders(long accountId, long planId, boolean trial) {
    return call("manager", HttpMethod.POST, "/api/operator/accounts/" + accountId + "/orders",
        Map.of("planId", planId, "trial", trial));
  }

  public Map<String, Object> operatorOrder(long orderId) {
    return call("manager", HttpMethod.GET, "/api/operator/orders/" + orderId, null).getBody();
  }

  public Map<String, Object> operatorAccount(long accountId) {
    return call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId, null).getBody();
  }

  /** The open review task of an account, as managers see it through Camunda's REST API. */
  public List<Map<String, Object>> reviewTasks(long accountId) {
    return list("manager", "/engine-rest/task?processInstanceBusinessKey=" + accountId
        + "&processDefinitionKey=postpay-approval").getBody();
  }

  public ResponseEntity<String> completeReview(String taskId, boolean approve, String reason) {
    http.withBasicAuth("manager", "manager").postForEntity("/engine-rest/task/" + taskId + "/claim",
        json(Map.of("userId", "manager")), String.class);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("approved", Map.of("value", approve, "type", "Boolean"));
    if (reason != null) {
      variables.put("declineReason", Map.of("value", reason, "type", "String"));
    }
    return http.withBasicAuth("manager", "manager").postForEntity("/engine-rest/task/" + taskId + "/complete",
        json(Map.of("variables", variables)), String.class);
  }

  private long idOf(String path, String code) {
    return list("manager", path).getBody().stream().filter(t -> code.equals(t.get("code")))
        .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
  }

  public static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  public static long id(Map<String, Object> body) {
    return ((Number) body.get("id")).longValue();
  }
}
