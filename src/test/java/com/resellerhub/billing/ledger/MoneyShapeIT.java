package com.resellerhub.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One shape for money in every answer (issue 15): an amount is a JSON number with the currency's 2 decimals, the
 * same text in the answer that created it and in every later read (the raw body is checked, not a parsed double);
 * a commission percent shows its significant digits; an input amount with more decimals than the currency has is
 * refused with 400 {@code digits} naming the field; a computed commission is rounded to 2 decimals half up when
 * charged (PROM-4: 9.90 at 1 % is 0.099, charged 0.10).
 */
@IntegrationTest
class MoneyShapeIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;

  BillingApi api;

  @BeforeEach
  void defaults() {
    api = new BillingApi(http, identity);
    api.settings(s -> {
      s.put("postpayApproval", "AUTOMATIC");
      s.put("invoicesByExternalSystem", false);
      s.put("allowWorkWithoutBalance", false);
      s.put("promisedPaymentOnlyWhenBlocked", false);
    });
  }

  @Test
  void MONEY_aPlanShowsItsPriceWithTwoDecimals_createdAndRead() {
    Map<String, Object> plan = planBody("9.9", "PREPAY");
    ResponseEntity<String> created = raw("manager", HttpMethod.POST, "/api/operator/plans", plan);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    long id = id(created.getBody());
    String read = raw("manager", HttpMethod.GET, "/api/operator/plans/" + id, null).getBody();

    assertThat(numbers(created.getBody(), "price")).containsExactly("9.90");
    assertThat(numbers(created.getBody(), "instalmentPrice")).containsExactly("9.90");
    assertThat(numbers(read, "price")).isEqualTo(numbers(created.getBody(), "price"));
    assertThat(numbers(read, "instalmentPrice")).isEqualTo(numbers(created.getBody(), "instalmentPrice"));
    assertThat(raw("customer", HttpMethod.GET, "/api/customer/plans", null).getBody())
        .as("the customer's list of plans").doesNotContainPattern("\"price\":-?\\d+(\\.\\d{0,1}|\\.\\d{3,})?[,}]");
  }

  @Test
  void MONEY_aPaymentAndItsOrderShowTheSameAmountCreatedAndRead() {
    Customer c = api.account("APPROVED");
    ResponseEntity<String> plan = raw("manager", HttpMethod.POST, "/api/operator/plans", planBody("9.9", "PREPAY"));
    ResponseEntity<String> order = raw(c.userId(), HttpMethod.POST, "/api/customer/orders",
        Map.of("planId", id(plan.getBody()), "trial", false));
    assertThat(order.getStatusCode().value()).as(order.getBody()).isEqualTo(201);
    assertThat(numbers(order.getBody(), "price")).containsExactly("9.90");
    assertThat(numbers(raw("manager", HttpMethod.GET, "/api/operator/orders/" + id(order.getBody()), null).getBody(),
        "price")).containsExactly("9.90");
    String payments = raw(c.userId(), HttpMethod.GET, "/api/customer/payments", null).getBody();
    assertThat(numbers(payments, "amount")).containsExactly("9.90");

    ResponseEntity<String> topUp = raw(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "20.5"));
    assertThat(topUp.getStatusCode().value()).as(topUp.getBody()).isEqualTo(201);
    String read = raw(c.userId(), HttpMethod.GET, "/api/customer/payments/" + id(topUp.getBody()), null).getBody();
    assertThat(numbers(topUp.getBody(), "amount")).containsExactly("20.50");
    assertThat(numbers(read, "amount")).isEqualTo(numbers(topUp.getBody(), "amount"));
  }

  @Test
  void MONEY_aBalanceAndItsLedgerEntryShowTheSameAmountsCreatedAndRead() {
    Customer c = api.account("APPROVED");
    ResponseEntity<String> entry = raw("manager", HttpMethod.POST, "/api/operator/accounts/" + c.accountId()
        + "/top-ups", Map.of("amount", "1250", "method", "BANK_TRANSFER"));
    assertThat(entry.getStatusCode().value()).as(entry.getBody()).isEqualTo(201);
    assertThat(numbers(entry.getBody(), "amount")).containsExactly("1250.00");
    assertThat(numbers(entry.getBody(), "creditLimitChange")).containsExactly("0.00");
    assertThat(numbers(entry.getBody(), "balanceAfter")).containsExactly("1250.00");

    String ledger = raw("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/ledger", null)
        .getBody();
    assertThat(numbers(ledger, "amount")).containsExactly("1250.00");
    assertThat(numbers(ledger, "balanceAfter")).containsExactly("1250.00");

    String balance = raw("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/balance", null)
        .getBody();
    assertThat(balance).contains("\"balance\":1250.00", "\"creditLimit\":0.00", "\"available\":1250.00");
    assertThat(raw(c.userId(), HttpMethod.GET, "/api/customer/balance", null).getBody())
        .contains("\"balance\":1250.00", "\"creditLimit\":0.00", "\"available\":1250.00");
    assertThat(raw("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId(), null).getBody())
        .as("the account's money").contains("\"balance\":1250.00", "\"creditLimit\":0.00");
  }

  @Test
  void MONEY_PROM4_aCommissionIsRoundedHalfUpWhenCharged_9_90at1PercentIs0_10_theOfferShowsItsPercentAsGiven() {
    ResponseEntity<String> offer = raw("manager", HttpMethod.POST, "/api/operator/promised-payment-offers",
        offerBody("9.9", "0", "1.0"));
    assertThat(offer.getStatusCode().value()).as(offer.getBody()).isEqualTo(201);
    String readOffer = raw("manager", HttpMethod.GET, "/api/operator/promised-payment-offers/" + id(offer.getBody()),
        null).getBody();
    for (String body : List.of(offer.getBody(), readOffer)) {
      assertThat(numbers(body, "amount")).containsExactly("9.90");
      assertThat(numbers(body, "connectionFee")).containsExactly("0.00");
      assertThat(numbers(body, "commissionPercent")).as("a percent is not money").containsExactly("1");
    }

    Customer c = api.account("APPROVED");
    long plan = id(raw("manager", HttpMethod.POST, "/api/operator/plans", planBody("9.90", "POSTPAY")).getBody());
    ResponseEntity<String> order = raw("manager", HttpMethod.POST, "/api/operator/accounts/" + c.accountId()
        + "/orders", Map.of("planId", plan, "trial", false));
    assertThat(order.getBody()).as("a postpaid plan: provisioned, nothing moves").contains("\"PROVISIONED\"");
    ResponseEntity<String> taken = raw(c.userId(), HttpMethod.POST, "/api/customer/promised-payments",
        Map.of("offerId", id(offer.getBody())));
    assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(201);
    long promise = id(taken.getBody());
    assertThat(numbers(taken.getBody(), "amount")).containsExactly("9.90");
    assertThat(numbers(taken.getBody(), "commission")).containsExactly("0.00");
    await().atMost(Duration.ofSeconds(60)).until(() -> promise(c, promise).contains("\"status\":\"ACTIVE\""));

    raw("manager", HttpMethod.POST, "/api/operator/accounts/" + c.accountId() + "/top-ups",
        Map.of("amount", "9.90", "method", "BANK_TRANSFER"));
    await().atMost(Duration.ofSeconds(60)).until(() -> !numbers(promise(c, promise), "commission").contains("0.00"));
    String repaid = promise(c, promise);
    assertThat(repaid).contains("\"status\":\"REPAID\"");
    assertThat(numbers(repaid, "commission")).as("9.90 × 1 % = 0.099, one day").containsExactly("0.10");
    assertThat(numbers(repaid, "received")).containsExactly("9.90");
    assertThat(numbers(repaid, "commissionPercent")).containsExactly("1");
    String ledger = raw("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/ledger", null)
        .getBody();
    assertThat(numbers(ledger, "amount")).contains("-0.10").allMatch(a -> a.matches("-?\\d+\\.\\d{2}"));
  }

  @Test
  void MONEY_anInputAmountWithMoreDecimalsThanTheCurrencyHasIsRefused_400DigitsNamingTheField() {
    Customer c = api.account("APPROVED");
    refused(raw(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "20.125")), "amount");
    refused(raw("manager", HttpMethod.POST, "/api/operator/accounts/" + c.accountId() + "/top-ups",
        Map.of("amount", "10.001", "method", "BANK_TRANSFER")), "amount");
    refused(raw("manager", HttpMethod.POST, "/api/operator/plans", planBody("9.999", "PREPAY")), "price");
    refused(raw("manager", HttpMethod.POST, "/api/operator/promised-payment-offers", offerBody("600.001", "0", "1")),
        "amount");
    refused(raw("manager", HttpMethod.POST, "/api/operator/promised-payment-offers", offerBody("600", "0.125", "1")),
        "connectionFee");
    refused(raw(c.userId(), HttpMethod.POST, "/api/customer/promised-payments",
        Map.of("offerId", 1, "amount", "49.999")), "amount");
    assertThat(raw("manager", HttpMethod.GET, "/api/operator/accounts/" + c.accountId() + "/ledger", null).getBody())
        .as("nothing was recorded").contains("\"totalElements\":0");

    assertThat(raw(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "20.120")).getStatusCode()
        .value()).as("trailing zeros are not decimals").isEqualTo(201);
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private String promise(Customer c, long promise) {
    return raw(c.userId(), HttpMethod.GET, "/api/customer/promised-payments/" + promise, null).getBody();
  }

  private static void refused(ResponseEntity<String> r, String field) {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
    assertThat(r.getBody()).contains("\"field\":\"" + field + "\"", "\"rule\":\"digits\"", "2 decimals");
  }

  private ResponseEntity<String> raw(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** Every value of the field in the raw JSON, as written: {@code "amount":9.90} gives {@code 9.90}. */
  private static List<String> numbers(String json, String field) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(-?[0-9][0-9.eE+-]*)").matcher(json);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static long id(String json) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static Map<String, Object> planBody(String price, String model) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", BillingApi.unique("money-").toLowerCase());
    plan.put("name", "Money shape plan");
    plan.put("billingModel", model);
    plan.put("price", price);
    plan.put("period", "P1M");
    plan.put("trialAvailable", false);
    return plan;
  }

  private static Map<String, Object> offerBody(String amount, String fee, String percent) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", BillingApi.unique("Money shape offer "));
    o.put("amount", amount);
    o.put("durationDays", 5);
    o.put("connectionFee", fee);
    o.put("commissionPercent", percent);
    o.put("chargeMethod", "DAILY");
    o.put("customerAvailable", true);
    o.put("planIds", List.of());
    return o;
  }
}
