package com.resellerhub.billing.payment;

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

/** HTTP helpers of the payment integration tests (after order/OrderApi): settings, plans, accounts, payments. */
final class PaymentApi {

  private static final AtomicInteger SEQ = new AtomicInteger();

  final TestRestTemplate http;
  final IdentityService identity;

  PaymentApi(TestRestTemplate http, IdentityService identity) {
    this.http = http;
    this.identity = identity;
  }

  static String unique(String prefix) {
    return prefix + (System.nanoTime() % 1_000_000_000L) + SEQ.incrementAndGet();
  }

  ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
    return call(user, method, path, body, null);
  }

  ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<List<Map<String, Object>>> list(String user, String path) {
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  void settings(Consumer<Map<String, Object>> change) {
    Map<String, Object> s = new LinkedHashMap<>(call("manager", HttpMethod.GET, "/api/operator/settings", null)
        .getBody());
    change.accept(s);
    ResponseEntity<Map<String, Object>> put = call("manager", HttpMethod.PUT, "/api/operator/settings", s);
    assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
  }

  void mode(String postpayApproval, String appliesTo) {
    settings(s -> {
      s.put("postpayApproval", postpayApproval);
      s.put("postpayApprovalAppliesTo", appliesTo);
    });
  }

  /** A new active plan; returns its id. */
  long plan(String billingModel, boolean trialAvailable) {
    return plan(billingModel, trialAvailable, "49.00");
  }

  /** A new active plan with the given price; returns its id. */
  long plan(String billingModel, boolean trialAvailable, String price) {
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

  /** An account with the given postpay permission, terms accepted, owned by a new user (password = user id). */
  Customer account(String permission) {
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
    ResponseEntity<Map<String, Object>> created = call("manager", HttpMethod.POST, "/api/operator/accounts", r);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return new Customer(id(created.getBody()), userId);
  }

  record Customer(long accountId, String userId) {}

  ResponseEntity<Map<String, Object>> customerOrders(Customer c, long planId, boolean trial) {
    return call(c.userId(), HttpMethod.POST, "/api/customer/orders", Map.of("planId", planId, "trial", trial));
  }

  ResponseEntity<Map<String, Object>> operatorOrders(long accountId, long planId, boolean trial) {
    return call("manager", HttpMethod.POST, "/api/operator/accounts/" + accountId + "/orders",
        Map.of("planId", planId, "trial", trial));
  }

  Map<String, Object> operatorOrder(long orderId) {
    return call("manager", HttpMethod.GET, "/api/operator/orders/" + orderId, null).getBody();
  }

  Map<String, Object> operatorAccount(long accountId) {
    return call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId, null).getBody();
  }

  /** The open review task of an account, as managers see it through Camunda's REST API. */
  List<Map<String, Object>> reviewTasks(long accountId) {
    return list("manager", "/engine-rest/task?processInstanceBusinessKey=" + accountId
        + "&processDefinitionKey=postpay-approval").getBody();
  }

  ResponseEntity<String> completeReview(String taskId, boolean approve, String reason) {
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

  static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static long id(Map<String, Object> body) {
    return ((Number) body.get("id")).longValue();
  }

  // --- payments -----------------------------------------------------------------------------------------------

  /** Settings every payment test starts from: automatic postpay approval, no ERP invoicing, no work without balance. */
  void paymentDefaults() {
    settings(s -> {
      s.put("postpayApproval", "AUTOMATIC");
      s.put("postpayApprovalAppliesTo", "COMMERCIAL");
      s.put("invoicesByExternalSystem", false);
      s.put("allowWorkWithoutBalance", false);
    });
  }

  /** A commercial order of the plan by the customer; returns the order's id. */
  long order(Customer c, long planId) {
    ResponseEntity<Map<String, Object>> placed = customerOrders(c, planId, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    return id(placed.getBody());
  }

  /** The operator's view of the newest payment of the account. */
  @SuppressWarnings("unchecked")
  Map<String, Object> latestPayment(long accountId) {
    Map<String, Object> page = call("manager", HttpMethod.GET, "/api/operator/payments?accountId=" + accountId,
        null).getBody();
    List<Map<String, Object>> content = (List<Map<String, Object>>) page.get("content");
    assertThat(content).as("payments of account %s", accountId).isNotEmpty();
    return content.get(0);
  }

  Map<String, Object> payment(long paymentId) {
    ResponseEntity<Map<String, Object>> r = call("manager", HttpMethod.GET, "/api/operator/payments/" + paymentId,
        null);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  ResponseEntity<Map<String, Object>> operatorComplete(long paymentId, String method) {
    return operatorComplete(paymentId, method, null);
  }

  ResponseEntity<Map<String, Object>> operatorComplete(long paymentId, String method, String key) {
    return call("manager", HttpMethod.POST, "/api/operator/payments/" + paymentId + "/complete",
        Map.of("method", method), key);
  }

  ResponseEntity<Map<String, Object>> customerComplete(Customer c, long paymentId, String method) {
    return call(c.userId(), HttpMethod.POST, "/api/customer/payments/" + paymentId + "/complete",
        Map.of("method", method));
  }

  /** Money received by a manager (bank transfer): a TOP_UP ledger entry. */
  ResponseEntity<Map<String, Object>> topUp(long accountId, String amount, String key) {
    return call("manager", HttpMethod.POST, "/api/operator/accounts/" + accountId + "/top-ups",
        Map.of("amount", amount, "method", "BANK_TRANSFER", "comment", "test"), key);
  }

  void topUp(long accountId, String amount) {
    ResponseEntity<Map<String, Object>> r = topUp(accountId, amount, null);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
  }

  java.math.BigDecimal balance(long accountId) {
    Map<String, Object> b = call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId + "/balance", null)
        .getBody();
    return new java.math.BigDecimal(String.valueOf(b.get("balance")));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> ledger(long accountId) {
    return (List<Map<String, Object>>) call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId
        + "/ledger?size=100", null).getBody().get("content");
  }
}
