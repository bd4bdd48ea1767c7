package com.resellerhub.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.Concurrently;
import com.resellerhub.billing.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payments end to end through the HTTP APIs on the MySQL-compatible database (PAY-1..3, PAY-5..7). */
@IntegrationTest
class PaymentsIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  PaymentApi api;
  long prepaid;

  @BeforeEach
  void setUp() {
    api = new PaymentApi(http, identity);
    api.paymentDefaults();
    prepaid = api.plan("PREPAY", true);
  }

  @AfterEach
  void realTimeAndDefaults() {
    ClockUtil.reset();
    api.paymentDefaults();
  }

  // --- PAY-1 -------------------------------------------------------------------------------------------------------

  @Test
  void PAY1_aPrepayOrderWaitsForItsOrderPayment_andIsProvisionedWhenItIsPaid() {
    Customer c = api.account("APPROVED");
    long orderId = api.order(c, prepaid);
    assertThat(api.operatorOrder(orderId)).containsEntry("status", "AWAITING_PAYMENT");

    Map<String, Object> payment = api.latestPayment(c.accountId());
    assertThat(payment).containsEntry("type", "ORDER").containsEntry("model", "PREPAY")
        .containsEntry("status", "AWAITING_PAYMENT").containsEntry("currency", "EUR");
    assertThat(dec(payment.get("amount"))).isEqualByComparingTo("49.00");
    assertThat(payment.get("orderIds")).isEqualTo(List.of((int) orderId));
    assertThat(payment.get("dueDate")).isNotNull();
    assertThat(payment.get("expiresOn")).isEqualTo(payment.get("dueDate"));

    api.topUp(c.accountId(), "100.00");
    long paymentId = PaymentApi.id(payment);
    ResponseEntity<Map<String, Object>> paid = api.operatorComplete(paymentId, "BALANCE");
    assertThat(paid.getStatusCode().value()).as("%s", paid.getBody()).isEqualTo(200);
    assertThat(paid.getBody()).containsEntry("status", "PAID_FROM_BALANCE").containsEntry("completedWith", "BALANCE")
        .containsEntry("completedBy", "manager");

    assertThat(api.operatorOrder(orderId)).containsEntry("status", "PROVISIONED");
    assertThat(api.operatorOrder(orderId).get("subscriptionId")).isNotNull();
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("51.00");
    assertThat(history(api.payment(paymentId))).extracting(h -> h.get("kind") + ">" + h.get("toStatus"))
        .containsExactly("CREATED>AWAITING_PAYMENT", "STATUS_CHANGED>PAID_FROM_BALANCE");
    assertThat(api.ledger(c.accountId())).extracting(e -> e.get("type")).containsExactly("PAYMENT_DEBIT", "TOP_UP");
  }

  @Test
  void PAY1_trialsNeedNoPayment_andTheListFiltersByStatusTypeAndAccount() {
    Customer c = api.account("APPROVED");
    assertThat(api.customerOrders(c, prepaid, true).getBody()).containsEntry("status", "PROVISIONED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE account_id = ?", Integer.class,
        c.accountId())).isZero();

    api.order(c, prepaid);
    api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "20.00"));
    assertThat(list("accountId=" + c.accountId())).hasSize(2);
    assertThat(list("accountId=" + c.accountId() + "&type=TOP_UP")).hasSize(1)
        .allSatisfy(p -> assertThat(p).containsEntry("type", "TOP_UP").containsEntry("model", "PREPAY"));
    assertThat(list("accountId=" + c.accountId() + "&status=AWAITING_PAYMENT&type=ORDER")).hasSize(1);
    assertThat(list("accountId=" + c.accountId() + "&status=COMPLETED")).isEmpty();
    ResponseEntity<Map<String, Object>> badStatus = api.call("manager", HttpMethod.GET,
        "/api/operator/payments?status=LOST", null);
    assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
    assertThat(badStatus.getBody()).containsEntry("field", "status").containsEntry("rule", "type");
  }

  @Test
  void PAY1_aCombinedPaymentPaysSeveralOrders_replacingTheirOrderPayments() {
    Customer c = api.account("APPROVED");
    long firstOrder = api.order(c, prepaid);
    long firstPayment = PaymentApi.id(api.latestPayment(c.accountId()));
    long secondOrder = api.order(c, prepaid);
    long secondPayment = PaymentApi.id(api.latestPayment(c.accountId()));

    assertRefused(api.call("manager", HttpMethod.POST, "/api/operator/accounts/" + c.accountId()
        + "/combined-payments", Map.of("orderIds", List.of(firstOrder))), 400, "orderIds", "size");
    assertRefused(api.call("manager", HttpMethod.POST, "/api/operator/accounts/" + c.accountId()
        + "/combined-payments", Map.of("orderIds", List.of(firstOrder, 987654321L))), 422, "orderIds",
        "order-not-awaiting-payment");

    ResponseEntity<Map<String, Object>> combined = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
        + c.accountId() + "/combined-payments", Map.of("orderIds", List.of(firstOrder, secondOrder)));
    assertThat(combined.getStatusCode().value()).as("%s", combined.getBody()).isEqualTo(201);
    assertThat(combined.getBody()).containsEntry("type", "COMBINED").containsEntry("status", "AWAITING_PAYMENT");
    assertThat(dec(combined.getBody().get("amount"))).isEqualByComparingTo("98.00");
    assertThat(api.payment(firstPayment)).containsEntry("status", "CANCELLED");
    assertThat(api.payment(secondPayment)).containsEntry("status", "CANCELLED");
    assertThat(api.operatorComplete(firstPayment, "CASH").getStatusCode().value()).isEqualTo(409);

    api.topUp(c.accountId(), "100.00");
    assertThat(api.operatorComplete(PaymentApi.id(combined.getBody()), "BALANCE").getBody())
        .containsEntry("status", "PAID_FROM_BALANCE");
    assertThat(api.operatorOrder(firstOrder)).containsEntry("status", "PROVISIONED");
    assertThat(api.operatorOrder(secondOrder)).containsEntry("status", "PROVISIONED");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("2.00");
  }

  // --- PAY-2 -------------------------------------------------------------------------------------------------------

  @Test
  void PAY2_aPaymentMethodCompletes_theLedgerShowsTheMoneyInAndThePayment_theBalanceStays() {
    Customer c = api.account("APPROVED");
    long orderId = api.order(c, prepaid);
    long paymentId = PaymentApi.id(api.latestPayment(c.accountId()));

    ResponseEntity<Map<String, Object>> done = api.operatorComplete(paymentId, "BANK_TRANSFER");
    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(200);
    assertThat(done.getBody()).containsEntry("status", "COMPLETED").containsEntry("completedWith", "BANK_TRANSFER");
    assertThat(api.operatorOrder(orderId)).containsEntry("status", "PROVISIONED");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("0");
    List<Map<String, Object>> ledger = api.ledger(c.accountId());
    assertThat(ledger).extracting(e -> e.get("type")).containsExactly("PAYMENT_DEBIT", "TOP_UP");
    assertThat(dec(ledger.get(1).get("amount"))).isEqualByComparingTo("49");
    assertThat(dec(ledger.get(0).get("amount"))).isEqualByComparingTo("-49");
  }

  @Test
  void PAY2_refusals_notEnoughBalance_gatewayMethod_unknownMethod_topUpFromBalance_notOpen_badBody() {
    Customer c = api.account("APPROVED");
    api.order(c, prepaid);
    long paymentId = PaymentApi.id(api.latestPayment(c.accountId()));
    api.topUp(c.accountId(), "10.00");

    assertRefused(api.operatorComplete(paymentId, "BALANCE"), 422, "amount", "insufficient-balance");
    assertRefused(api.operatorComplete(paymentId, "TEST_GATEWAY"), 422, "method", "PAY-2");
    assertRefused(api.operatorComplete(paymentId, "PIGEON"), 422, "method", "unknown-payment-method");
    assertRefused(api.call("manager", HttpMethod.POST, "/api/operator/payments/" + paymentId + "/complete",
        Map.of()), 400, "method", "required");
    assertRefused(api.call("manager", HttpMethod.POST, "/api/operator/payments/" + paymentId + "/complete",
        Map.of("method", "BALANCE", "extra", 1)), 400, "extra", "unknown-field");
    assertThat(api.call("manager", HttpMethod.POST, "/api/operator/payments/987654321/complete",
        Map.of("method", "BALANCE")).getStatusCode().value()).isEqualTo(404);
    assertThat(api.payment(paymentId)).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("10.00");

    long topUpId = PaymentApi.id(api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups",
        Map.of("amount", "20.00")).getBody());
    assertRefused(api.operatorComplete(topUpId, "BALANCE"), 422, "method", "PAY-2");
    assertThat(api.operatorComplete(topUpId, "CASH").getBody()).containsEntry("status", "COMPLETED");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("30.00");

    assertThat(api.operatorComplete(paymentId, "CASH").getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> again = api.operatorComplete(paymentId, "BALANCE");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody()).containsEntry("rule", "payment-not-open");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("30.00");
  }

  @Test
  void PAY2_PAY6_fiftyConcurrentCompletionsFromBalance_debitOnce_oneSuccess_49ClearRefusals() throws Exception {
    Customer c = api.account("APPROVED");
    api.order(c, prepaid);
    long paymentId = PaymentApi.id(api.latestPayment(c.accountId()));
    api.topUp(c.accountId(), "1000.00");

    List<Callable<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(() -> api.operatorComplete(paymentId, "BALANCE"));
    }
    List<ResponseEntity<Map<String, Object>>> responses = Concurrently.runAtOnce(calls);

    assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 200).hasSize(1)
        .allSatisfy(r -> assertThat(r.getBody()).containsEntry("status", "PAID_FROM_BALANCE"));
    assertThat(responses).filteredOn(r -> r.getStatusCode().value() != 200).hasSize(49).allSatisfy(r -> {
      assertThat(r.getStatusCode().value()).isEqualTo(409);
      assertThat(r.getBody()).containsEntry("rule", "payment-not-open");
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ? AND type = 'PAYMENT_DEBIT'",
        Integer.class, c.accountId())).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_event WHERE payment_id = ? AND to_status = "
        + "'PAID_FROM_BALANCE'", Integer.class, paymentId)).isEqualTo(1);
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("951.00");
  }

  @Test
  void PAY2_PAY6_twoConcurrentCompletionsWhoseSumExceedsTheBalance_oneSucceeds() throws Exception {
    Customer c = api.account("APPROVED");
    api.order(c, prepaid);
    long first = PaymentApi.id(api.latestPayment(c.accountId()));
    api.order(c, prepaid);
    long second = PaymentApi.id(api.latestPayment(c.accountId()));
    assertThat(second).isNotEqualTo(first);
    api.topUp(c.accountId(), "60.00");

    List<ResponseEntity<Map<String, Object>>> responses = Concurrently.runAtOnce(List.of(
        () -> api.operatorComplete(first, "BALANCE"), () -> api.operatorComplete(second, "BALANCE")));

    assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 200).hasSize(1);
    assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 422).hasSize(1)
        .allSatisfy(r -> assertThat(r.getBody()).containsEntry("rule", "insufficient-balance"));
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("11.00");
  }

  // --- PAY-3 -------------------------------------------------------------------------------------------------------

  @Test
  void PAY3_anActInvoicedByTheErpHasNoDueDate_onlyTheErpConfirmsAndCompletesIt() {
    api.settings(s -> s.put("invoicesByExternalSystem", true));
    Customer c = api.account("APPROVED");
    api.topUp(c.accountId(), "500.00");
    Map<String, Object> act = issueAct(c, "120.00");
    assertThat(act).containsEntry("invoicedExternally", true).containsEntry("erpConfirmed", false);
    long actId = PaymentApi.id(act);
    Map<String, Object> payment = api.latestPayment(c.accountId());
    long paymentId = PaymentApi.id(payment);
    assertThat(payment).containsEntry("type", "ACT").containsEntry("model", "POSTPAY")
        .containsEntry("actId", (int) actId).containsEntry("dueDate", null).containsEntry("expiresOn", null);

    assertRefused(api.operatorComplete(paymentId, "BALANCE"), 422, "id", "PAY-3");
    assertRefused(api.operatorComplete(paymentId, "BANK_TRANSFER"), 422, "id", "PAY-3");
    assertRefused(api.customerComplete(c, paymentId, "BALANCE"), 422, "id", "PAY-3");
    assertRefused(api.call("erp", HttpMethod.POST, "/api/erp/payments/" + paymentId + "/complete",
        Map.of("reference", "ERP-1")), 422, "id", "PAY-3");
    assertThat(api.call("erp", HttpMethod.GET, "/api/operator/payments/" + paymentId, null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.call("manager", HttpMethod.POST, "/api/erp/acts/" + actId + "/confirm", null).getStatusCode()
        .value()).isEqualTo(403);

    ResponseEntity<Map<String, Object>> confirmed = api.call("erp", HttpMethod.POST, "/api/erp/acts/" + actId
        + "/confirm", null);
    assertThat(confirmed.getStatusCode().value()).as("%s", confirmed.getBody()).isEqualTo(200);
    assertThat(confirmed.getBody()).containsEntry("erpConfirmed", true);
    payment = api.payment(paymentId);
    LocalDate due = LocalDate.parse((String) payment.get("dueDate"));
    assertThat(LocalDate.parse((String) payment.get("expiresOn"))).isEqualTo(due.plusDays(1));
    assertThat(history(payment)).extracting(h -> h.get("kind")).contains("ACT_CONFIRMED");

    ResponseEntity<Map<String, Object>> completed = api.call("erp", HttpMethod.POST, "/api/erp/payments/"
        + paymentId + "/complete", Map.of("reference", "ERP-2026-0042"));
    assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(200);
    assertThat(completed.getBody()).containsEntry("status", "COMPLETED").containsEntry("completedWith", "ERP")
        .containsEntry("completedBy", "erp");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("500.00");
    assertThat(api.ledger(c.accountId())).extracting(e -> e.get("type"))
        .containsExactly("PAYMENT_DEBIT", "TOP_UP", "TOP_UP");
  }

  @Test
  void PAY3_withoutErpInvoicingAnActPaymentIsDueAndExpiresTheDayAfter_andManagersComplete() {
    Customer c = api.account("APPROVED");
    api.topUp(c.accountId(), "500.00");
    long actId = PaymentApi.id(issueAct(c, "80.00"));
    Map<String, Object> payment = api.latestPayment(c.accountId());
    LocalDate due = LocalDate.parse((String) payment.get("dueDate"));
    assertThat(LocalDate.parse((String) payment.get("expiresOn"))).isEqualTo(due.plusDays(1));
    assertRefused(api.call("erp", HttpMethod.POST, "/api/erp/acts/" + actId + "/confirm", null), 422, "id", "PAY-3");
    assertThat(api.operatorComplete(PaymentApi.id(payment), "BALANCE").getBody())
        .containsEntry("status", "PAID_FROM_BALANCE");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("420.00");

    ResponseEntity<Map<String, Object>> samePeriod = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
        + c.accountId() + "/acts", actBody("80.00"));
    assertThat(samePeriod.getStatusCode().value()).isEqualTo(409);
    assertThat(samePeriod.getBody()).containsEntry("rule", "act-exists");
  }

  // --- PAY-5 -------------------------------------------------------------------------------------------------------

  @Test
  void PAY5_anUnpaidPaymentBecomesOverdueAfterItsExpiry_andCanStillBeCompleted() {
    Customer c = api.account("APPROVED");
    api.order(c, prepaid);
    Map<String, Object> payment = api.latestPayment(c.accountId());
    long paymentId = PaymentApi.id(payment);
    LocalDate expiresOn = LocalDate.parse((String) payment.get("expiresOn"));

    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/payments/mark-overdue", null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(api.payment(paymentId)).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(api.call("manager", HttpMethod.POST, "/api/admin/payments/mark-overdue", null).getStatusCode()
        .value()).isEqualTo(403);

    ResponseEntity<Map<String, Object>> moved = api.call("admin", HttpMethod.POST, "/api/admin/clock",
        Map.of("set", expiresOn.plusDays(1).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC).toString()));
    assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> marked = api.call("admin", HttpMethod.POST, "/api/admin/payments/mark-overdue",
        null);
    assertThat(((Number) marked.getBody().get("markedOverdue")).intValue()).isGreaterThanOrEqualTo(1);

    payment = api.payment(paymentId);
    assertThat(payment).containsEntry("status", "OVERDUE");
    assertThat(history(payment)).last().satisfies(h -> assertThat(h).containsEntry("fromStatus", "AWAITING_PAYMENT")
        .containsEntry("toStatus", "OVERDUE").containsEntry("actor", "system"));

    assertThat(api.operatorComplete(paymentId, "CASH").getBody()).containsEntry("status", "COMPLETED");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("0");
  }

  @Test
  void PAY5_COL3_aTopUpDoesNotPayANewOrdersOverduePayment_itsCustomerDecides() {
    Customer c = api.account("APPROVED");
    api.order(c, prepaid);
    long payment = PaymentApi.id(api.latestPayment(c.accountId()));
    LocalDate expiresOn = LocalDate.parse((String) api.payment(payment).get("expiresOn"));
    api.call("admin", HttpMethod.POST, "/api/admin/clock", Map.of("set", expiresOn.plusDays(1).atTime(9, 0)
        .toInstant(java.time.ZoneOffset.UTC).toString()));
    api.call("admin", HttpMethod.POST, "/api/admin/payments/mark-overdue", null);
    assertThat(api.payment(payment)).containsEntry("status", "OVERDUE");

    api.topUp(c.accountId(), "100.00");
    try {
      Thread.sleep(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(api.payment(payment)).as("a new order is paid when its customer chooses").containsEntry("status",
        "OVERDUE");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("100.00");
  }

  // --- PAY-6 -------------------------------------------------------------------------------------------------------

  @Test
  void PAY6_repeatedIdempotencyKeysReturnTheFirstAnswerAndMoveMoneyOnce() {
    Customer c = api.account("APPROVED");
    String topUpKey = PaymentApi.unique("top-up-");
    ResponseEntity<Map<String, Object>> first = api.topUp(c.accountId(), "100.00", topUpKey);
    ResponseEntity<Map<String, Object>> repeat = api.topUp(c.accountId(), "100.00", topUpKey);
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(repeat.getStatusCode().value()).isEqualTo(201);
    assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.getBody()).isEqualTo(first.getBody());
    assertRefused(api.topUp(c.accountId(), "200.00", topUpKey), 422, "Idempotency-Key", "idempotency-key-reused");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("100.00");

    api.order(c, prepaid);
    long paymentId = PaymentApi.id(api.latestPayment(c.accountId()));
    String key = PaymentApi.unique("complete-");
    ResponseEntity<Map<String, Object>> paid = api.operatorComplete(paymentId, "BALANCE", key);
    ResponseEntity<Map<String, Object>> replayed = api.operatorComplete(paymentId, "BALANCE", key);
    assertThat(paid.getStatusCode().value()).isEqualTo(200);
    assertThat(replayed.getStatusCode().value()).isEqualTo(200);
    assertThat(replayed.getBody()).isEqualTo(paid.getBody());
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("51.00");

    String requestKey = PaymentApi.unique("request-");
    api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "30.00"), requestKey);
    api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "30.00"), requestKey);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE account_id = ? AND type = 'TOP_UP'",
        Integer.class, c.accountId())).isEqualTo(1);
  }

  // --- PAY-7 -------------------------------------------------------------------------------------------------------

  @Test
  void PAY7_customersPayTheirOwnPaymentsFromBalanceOrThroughTheTestGateway_notOthers() {
    Customer c = api.account("APPROVED");
    Customer other = api.account("APPROVED");
    long firstOrder = api.order(c, prepaid);
    long first = PaymentApi.id(api.latestPayment(c.accountId()));

    assertThat(api.customerComplete(other, first, "BALANCE").getStatusCode().value()).isEqualTo(404);
    assertThat(api.call(other.userId(), HttpMethod.GET, "/api/customer/payments/" + first, null).getStatusCode()
        .value()).isEqualTo(404);
    assertRefused(api.customerComplete(c, first, "BANK_TRANSFER"), 422, "method", "PAY-7");

    ResponseEntity<Map<String, Object>> viaGateway = api.customerComplete(c, first, "TEST_GATEWAY");
    assertThat(viaGateway.getStatusCode().value()).as("%s", viaGateway.getBody()).isEqualTo(200);
    assertThat(viaGateway.getBody()).containsEntry("status", "COMPLETED").containsEntry("completedWith",
        "TEST_GATEWAY");
    assertThat(api.operatorOrder(firstOrder)).containsEntry("status", "PROVISIONED");

    api.topUp(c.accountId(), "60.00");
    api.order(c, prepaid);
    long second = PaymentApi.id(api.latestPayment(c.accountId()));
    assertThat(api.customerComplete(c, second, "BALANCE").getBody()).containsEntry("status", "PAID_FROM_BALANCE");
    Map<String, Object> balance = api.call(c.userId(), HttpMethod.GET, "/api/customer/balance", null).getBody();
    assertThat(dec(balance.get("balance"))).isEqualByComparingTo("11.00");

    Map<String, Object> mine = api.call(c.userId(), HttpMethod.GET, "/api/customer/payments", null).getBody();
    assertThat((List<?>) mine.get("content")).hasSize(2);
    Map<String, Object> theirs = api.call(other.userId(), HttpMethod.GET, "/api/customer/payments", null).getBody();
    assertThat((List<?>) theirs.get("content")).isEmpty();
  }

  @Test
  void PAY7_aTopUpRequestPaidThroughTheGatewayCreditsTheBalance_aDeclineIsRecordedWithItsReason() {
    Customer c = api.account("APPROVED");
    ResponseEntity<Map<String, Object>> requested = api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups",
        Map.of("amount", "250.00"));
    assertThat(requested.getStatusCode().value()).as("%s", requested.getBody()).isEqualTo(201);
    assertThat(requested.getBody()).containsEntry("type", "TOP_UP").containsEntry("status", "AWAITING_PAYMENT");
    long topUp = PaymentApi.id(requested.getBody());
    assertRefused(api.customerComplete(c, topUp, "BALANCE"), 422, "method", "PAY-2");
    assertThat(api.customerComplete(c, topUp, "TEST_GATEWAY").getBody()).containsEntry("status", "COMPLETED");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("250.00");
    assertThat(api.ledger(c.accountId())).extracting(e -> e.get("type")).containsExactly("TOP_UP");

    long unlucky = PaymentApi.id(api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups",
        Map.of("amount", "20.13")).getBody());
    ResponseEntity<Map<String, Object>> declined = api.customerComplete(c, unlucky, "TEST_GATEWAY");
    assertRefused(declined, 422, "method", "gateway-declined");
    assertThat((String) declined.getBody().get("detail")).contains(".13");
    Map<String, Object> afterDecline = api.call(c.userId(), HttpMethod.GET, "/api/customer/payments/" + unlucky, null)
        .getBody();
    assertThat(afterDecline).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(history(afterDecline)).last().satisfies(h -> {
      assertThat(h).containsEntry("kind", "ATTEMPT_DECLINED").containsEntry("method", "TEST_GATEWAY");
      assertThat((String) h.get("detail")).contains("declined");
    });

    long tooMuch = PaymentApi.id(api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups",
        Map.of("amount", "1000.01")).getBody());
    ResponseEntity<Map<String, Object>> overLimit = api.customerComplete(c, tooMuch, "TEST_GATEWAY");
    assertRefused(overLimit, 422, "method", "gateway-declined");
    assertThat((String) overLimit.getBody().get("detail")).contains("limit");
    assertThat(api.balance(c.accountId())).isEqualByComparingTo("250.00");

    assertRefused(api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "-5")), 400,
        "amount", "min");
    assertRefused(api.call(c.userId(), HttpMethod.POST, "/api/customer/top-ups", Map.of("amount", "1.00001")), 400,
        "amount", "digits");
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private Map<String, Object> actBody(String amount) {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    LocalDate start = today.withDayOfMonth(1).minusMonths(1);
    return Map.of("periodStart", start.toString(), "periodEnd", start.plusMonths(1).minusDays(1).toString(),
        "amount", amount);
  }

  private Map<String, Object> issueAct(Customer c, String amount) {
    ResponseEntity<Map<String, Object>> act = api.call("manager", HttpMethod.POST, "/api/operator/accounts/"
        + c.accountId() + "/acts", actBody(amount));
    assertThat(act.getStatusCode().value()).as("%s", act.getBody()).isEqualTo(201);
    return act.getBody();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String query) {
    return (List<Map<String, Object>>) api.call("manager", HttpMethod.GET, "/api/operator/payments?" + query, null)
        .getBody().get("content");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> history(Map<String, Object> payment) {
    return (List<Map<String, Object>>) payment.get("history");
  }

  private static BigDecimal dec(Object value) {
    return new BigDecimal(String.valueOf(value));
  }

  private static void assertRefused(ResponseEntity<Map<String, Object>> r, int status, String field, String rule) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
    assertThat(r.getBody()).as("%s", r.getBody()).containsEntry("field", field).containsEntry("rule", rule);
  }

}
