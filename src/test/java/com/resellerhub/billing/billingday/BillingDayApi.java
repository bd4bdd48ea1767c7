package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.BillingApi;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** HTTP helpers of the billing-day integration tests: {@link BillingApi} plus plans in instalments and payments. */
final class BillingDayApi extends BillingApi {

  BillingDayApi(TestRestTemplate http, IdentityService identity) {
    super(http, identity);
  }

  /** Automatic postpay approval, no ERP invoicing, no work without balance. */
  void defaults() {
    settings(s -> {
      s.put("postpayApproval", "AUTOMATIC");
      s.put("postpayApprovalAppliesTo", "COMMERCIAL");
      s.put("invoicesByExternalSystem", false);
      s.put("allowWorkWithoutBalance", false);
    });
  }

  /** A new active plan without trial; {@code instalmentPeriod} and {@code graceDays} may be null. */
  long plan(String model, String price, String period, String instalmentPeriod, Integer graceDays) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", unique("bd-").toLowerCase());
    plan.put("name", "Billing day " + model + " " + period);
    plan.put("billingModel", model);
    plan.put("price", price);
    plan.put("period", period);
    plan.put("trialAvailable", false);
    if (instalmentPeriod != null) {
      plan.put("instalmentPeriod", instalmentPeriod);
    }
    if (graceDays != null) {
      plan.put("gracePeriodDays", graceDays);
    }
    ResponseEntity<Map<String, Object>> created = call("manager", HttpMethod.POST, "/api/operator/plans", plan);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return id(created.getBody());
  }

  /** A commercial order of the plan by the customer; returns the order's id. */
  long order(Customer c, long planId) {
    ResponseEntity<Map<String, Object>> placed = customerOrders(c, planId, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    return id(placed.getBody());
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> payments(long accountId) {
    return (List<Map<String, Object>>) call("manager", HttpMethod.GET, "/api/operator/payments?size=100&accountId="
        + accountId, null).getBody().get("content");
  }

  /** The account's open payment of the order. */
  @SuppressWarnings("unchecked")
  Map<String, Object> paymentOf(long accountId, long orderId) {
    return payments(accountId).stream()
        .filter(p -> ((List<Number>) p.get("orderIds")).stream().anyMatch(o -> o.longValue() == orderId))
        .filter(p -> "AWAITING_PAYMENT".equals(p.get("status")) || "OVERDUE".equals(p.get("status")))
        .findFirst().orElseThrow(() -> new AssertionError("no open payment of order " + orderId));
  }

  Map<String, Object> payment(long paymentId) {
    ResponseEntity<Map<String, Object>> r = call("manager", HttpMethod.GET, "/api/operator/payments/" + paymentId,
        null);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  Map<String, Object> complete(long paymentId, String method) {
    ResponseEntity<Map<String, Object>> r = call("manager", HttpMethod.POST, "/api/operator/payments/" + paymentId
        + "/complete", Map.of("method", method));
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  void topUp(long accountId, String amount) {
    ResponseEntity<Map<String, Object>> r = call("manager", HttpMethod.POST, "/api/operator/accounts/" + accountId
        + "/top-ups", Map.of("amount", amount, "method", "BANK_TRANSFER", "comment", "test"));
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> events(long accountId) {
    return (List<Map<String, Object>>) call("manager", HttpMethod.GET, "/api/operator/accounts/" + accountId
        + "/events?size=100", null).getBody().get("content");
  }

  static BigDecimal dec(Object value) {
    return new BigDecimal(String.valueOf(value));
  }
}
