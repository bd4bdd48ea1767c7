package com.resellerhub.billing.payment;

import com.resellerhub.billing.support.BillingApi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** HTTP helpers of the payment integration tests: {@link BillingApi} plus payments. */
final class PaymentApi extends BillingApi {

  PaymentApi(TestRestTemplate http, IdentityService identity) {
    super(http, identity);
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
