package com.resellerhub.billing.billingday;

import static com.resellerhub.billing.billingday.BillingDayApi.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.payment.PaymentService;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.Concurrently;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing day end to end on the MySQL-compatible database, moving the application's clock: renewals,
 * prolongations, combined payments, acts of closed postpay periods; provisioning of paid renewals and prolongations
 * (one by one and in bulk); PAY-5's overdue renewal payment and its subscription. The billing day works on every
 * account of the shared test database, so each test checks its own accounts only.
 */
@IntegrationTest
class BillingDayIT {

  private static final Logger log = LoggerFactory.getLogger(BillingDayIT.class);

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired EngineClock clock;
  @Autowired BillingDayService billingDay;
  @Autowired OrderService orders;
  @Autowired PaymentService payments;
  @Autowired com.resellerhub.billing.payment.OverduePayments overdue;
  @Autowired TransactionTemplate transactions;

  BillingDayApi api;
  long monthly;

  @BeforeEach
  void setUp() {
    api = new BillingDayApi(http, identity);
    api.defaults();
    monthly = api.plan("PREPAY", "49.00", "P1M", null, null);
  }

  @AfterEach
  void realTimeAndDefaults() {
    ClockUtil.reset();
    api.defaults();
  }

  // --- renewals --------------------------------------------------------------------------------------------------

  @Test
  void PAY1_renewalOrderIsCreatedAheadOfExpiryWithItsPayment_notBeforeTheLeadDays() {
    Customer c = api.account("APPROVED");
    Sub sub = paidSubscription(c, monthly);
    LocalDate expires = sub.expiresOn();

    runOn(expires.minusDays(8));
    assertThat(termOrders(sub.id(), "RENEWAL")).as("8 days ahead: not yet").isEmpty();

    runOn(expires.minusDays(7));
    List<Map<String, Object>> renewals = termOrders(sub.id(), "RENEWAL");
    assertThat(renewals).hasSize(1);
    long renewalId = ((Number) renewals.get(0).get("id")).longValue();
    Map<String, Object> order = api.operatorOrder(renewalId);
    assertThat(order).containsEntry("type", "RENEWAL").containsEntry("status", "AWAITING_PAYMENT")
        .containsEntry("subscriptionId", (int) sub.id()).containsEntry("periodStart", expires.toString())
        .containsEntry("createdBy", "system").containsEntry("createdVia", "SYSTEM").containsEntry("trial", false);
    assertThat(dec(order.get("price"))).isEqualByComparingTo("49.00");

    Map<String, Object> payment = api.paymentOf(c.accountId(), renewalId);
    assertThat(payment).containsEntry("type", "ORDER").containsEntry("model", "PREPAY")
        .containsEntry("status", "AWAITING_PAYMENT").containsEntry("dueDate", expires.toString())
        .containsEntry("expiresOn", expires.toString()).containsEntry("orderIds", List.of((int) renewalId));
    assertThat(dec(payment.get("amount"))).isEqualByComparingTo("49.00");
    assertThat(api.events(c.accountId())).extracting(e -> e.get("type"))
        .contains("ORDER_PLACED", "PAYMENT_CREATED");
    assertThat(sub(sub.id())).isEqualTo(sub);
  }

  @Test
  void SUB2_aSubscriptionWhoseCustomerTurnedAutoRenewOff_getsNoRenewalOrder_andTurnedOnAgainItDoes() {
    Customer c = api.account("APPROVED");
    Sub sub = paidSubscription(c, monthly);
    ResponseEntity<Map<String, Object>> off = api.call(c.userId(), HttpMethod.PUT,
        "/api/customer/subscriptions/" + sub.id() + "/auto-renew", Map.of("autoRenew", false));
    assertThat(off.getStatusCode().value()).as("%s", off.getBody()).isEqualTo(200);

    runOn(sub.expiresOn().minusDays(7));
    assertThat(termOrders(sub.id(), "RENEWAL")).as("not renewing: no renewal order").isEmpty();

    assertThat(api.call("manager", HttpMethod.PUT, "/api/operator/subscriptions/" + sub.id() + "/auto-renew",
        Map.of("autoRenew", true)).getStatusCode().value()).isEqualTo(200);
    runOn(sub.expiresOn().minusDays(6));
    assertThat(termOrders(sub.id(), "RENEWAL")).as("renewing again: the renewal is created").hasSize(1);
  }

  @Test
  void SUB2_cancellingCancelsTheOpenRenewalWithItsPayment_andTheSubscriptionEndsWithItsTerm() {
    Customer c = api.account("APPROVED");
    Sub sub = paidSubscription(c, monthly);
    runOn(sub.expiresOn().minusDays(7));
    long renewal = onlyId(termOrders(sub.id(), "RENEWAL"));
    long renewalPayment = PaymentIds.of(api.paymentOf(c.accountId(), renewal));

    ResponseEntity<Map<String, Object>> cancelled = api.call(c.userId(), HttpMethod.POST,
        "/api/customer/subscriptions/" + sub.id() + "/cancel", null);
    assertThat(cancelled.getStatusCode().value()).as("%s", cancelled.getBody()).isEqualTo(200);
    assertThat(api.operatorOrder(renewal)).containsEntry("status", "CANCELLED");
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/payments/" + renewalPayment, null).getBody())
        .containsEntry("status", "CANCELLED");
    assertThat(api.call(c.userId(), HttpMethod.PUT, "/api/customer/subscriptions/" + sub.id() + "/auto-renew",
        Map.of("autoRenew", true)).getBody()).as("a cancelled subscription renews no more")
        .containsEntry("rule", "SUB-2").containsEntry("field", "autoRenew");

    runOn(sub.expiresOn().minusDays(1));
    assertThat(sub(sub.id()).status()).as("the term runs to its end").isEqualTo("ACTIVE");
    runOn(sub.expiresOn());
    assertThat(sub(sub.id()).status()).isEqualTo("TERMINATED");
    assertThat(termOrders(sub.id(), "RENEWAL")).as("no new renewal").hasSize(1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) api.call(c.userId(), HttpMethod.GET,
        "/api/customer/subscriptions/" + sub.id(), null).getBody().get("history");
    assertThat(history).extracting(h -> h.get("kind")).containsSubsequence("CREATED", "CANCELLED", "TERMINATED");
    assertThat(history.get(history.size() - 1)).containsEntry("actor", "system");
  }

  @Test
  void PAY1_aSecondBillingDayCreatesNothingTwice() {
    Customer c = api.account("APPROVED");
    Sub sub = paidSubscription(c, monthly);

    runOn(sub.expiresOn().minusDays(7));
    runOn(sub.expiresOn().minusDays(7));
    runOn(sub.expiresOn().minusDays(3));
    runOn(sub.expiresOn().minusDays(1));

    assertThat(termOrders(sub.id(), "RENEWAL")).hasSize(1);
    assertThat(api.payments(c.accountId())).filteredOn(p -> "AWAITING_PAYMENT".equals(p.get("status"))).hasSize(1);
  }

  @Test
  void PAY1_PAY6_twoConcurrentBillingDaysCreateTheRenewalOnce() throws Exception {
    Customer c = api.account("APPROVED");
    Sub sub = paidSubscription(c, monthly);
    LocalDate today = at(sub.expiresOn().minusDays(7));

    List<Callable<BillingDayService.Created>> calls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      calls.add(() -> billingDay.createDuePayments(today));
    }
    List<BillingDayService.Created> results = Concurrently.runAtOnce(calls);

    assertThat(results).hasSize(2);
    assertThat(termOrders(sub.id(), "RENEWAL")).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM payment WHERE account_id = ? AND status = 'AWAITING_PAYMENT'",
        c.accountId())).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND type = 'ORDER_PLACED'"
        + " AND actor = 'system'", c.accountId())).isEqualTo(1);
  }

  @Test
  void PAY2_manualCompletionOfARenewalPaymentRenewsTheSubscription_noNewSubscriptionIsOpened() {
    Customer c = api.account("APPROVED");
    Sub sub = paidSubscription(c, monthly);
    runOn(sub.expiresOn().minusDays(7));
    long renewalId = onlyId(termOrders(sub.id(), "RENEWAL"));
    api.topUp(c.accountId(), "49.00");

    Map<String, Object> paid = api.complete(PaymentIds.of(api.paymentOf(c.accountId(), renewalId)), "BALANCE");

    assertThat(paid).containsEntry("status", "PAID_FROM_BALANCE");
    assertThat(api.operatorOrder(renewalId)).containsEntry("status", "PROVISIONED")
        .containsEntry("subscriptionId", (int) sub.id());
    Sub renewed = sub(sub.id());
    assertThat(renewed.termStartsOn()).isEqualTo(sub.expiresOn());
    assertThat(renewed.expiresOn()).isEqualTo(sub.startsOn().plusMonths(2));
    assertThat(renewed.paidUntil()).isEqualTo(renewed.expiresOn());
    assertThat(renewed.status()).isEqualTo("ACTIVE");
    assertThat(count("SELECT COUNT(*) FROM subscription WHERE account_id = ?", c.accountId())).isEqualTo(1);
    assertThat(api.events(c.accountId())).anySatisfy(e -> assertThat((String) e.get("detail"))
        .contains("renewed until " + renewed.expiresOn()));
  }

  // --- prolongations ---------------------------------------------------------------------------------------------

  @Test
  void PAY4_prolongationIsCreatedOnOrBeforePaidUntil_dueOnPaidUntil_expiringAfterTheGracePeriod() {
    long quarterly = api.plan("PREPAY", "90.00", "P3M", "P1M", 5);
    Customer c = api.account("APPROVED");
    long newOrder = api.order(c, quarterly);
    assertThat(dec(api.operatorOrder(newOrder).get("price"))).as("the first instalment").isEqualByComparingTo("30");
    Sub sub = pay(c, newOrder);
    LocalDate start = sub.startsOn();
    assertThat(sub.expiresOn()).isEqualTo(start.plusMonths(3));
    assertThat(sub.paidUntil()).isEqualTo(start.plusMonths(1));

    // The second instalment: not 8 days ahead, from 7 days ahead (the default lead).
    runOn(sub.paidUntil().minusDays(8));
    assertThat(termOrders(sub.id(), "PROLONGATION")).isEmpty();
    runOn(sub.paidUntil().minusDays(7));
    long second = onlyId(termOrders(sub.id(), "PROLONGATION"));
    assertThat(api.operatorOrder(second)).containsEntry("type", "PROLONGATION")
        .containsEntry("subscriptionId", (int) sub.id()).containsEntry("periodStart", sub.paidUntil().toString());
    Map<String, Object> payment = api.paymentOf(c.accountId(), second);
    assertThat(payment).containsEntry("type", "ORDER").containsEntry("dueDate", sub.paidUntil().toString())
        .containsEntry("expiresOn", sub.paidUntil().plusDays(5).toString());
    assertThat(dec(payment.get("amount"))).isEqualByComparingTo("30.00");
    api.complete(PaymentIds.of(payment), "CASH");
    Sub prolonged = sub(sub.id());
    assertThat(prolonged.paidUntil()).isEqualTo(start.plusMonths(2));
    assertThat(prolonged.expiresOn()).isEqualTo(sub.expiresOn());

    // The third, created on the paid-until day itself (no run before): still due that day, grace after it.
    runOn(prolonged.paidUntil());
    long third = onlyId(termOrders(sub.id(), "PROLONGATION").stream()
        .filter(o -> prolonged.paidUntil().toString().equals(String.valueOf(o.get("period_start")))).toList());
    Map<String, Object> thirdPayment = api.paymentOf(c.accountId(), third);
    assertThat(thirdPayment).containsEntry("dueDate", prolonged.paidUntil().toString())
        .containsEntry("expiresOn", prolonged.paidUntil().plusDays(5).toString());
    api.complete(PaymentIds.of(thirdPayment), "CASH");
    assertThat(sub(sub.id()).paidUntil()).as("never past the expiry").isEqualTo(sub.expiresOn());

    // Paid until the expiry: no more prolongations; the renewal pays the new term's first instalment.
    runOn(sub.expiresOn().minusDays(7));
    assertThat(termOrders(sub.id(), "PROLONGATION")).hasSize(2);
    long renewal = onlyId(termOrders(sub.id(), "RENEWAL"));
    api.complete(PaymentIds.of(api.paymentOf(c.accountId(), renewal)), "CASH");
    Sub renewed = sub(sub.id());
    assertThat(renewed.termStartsOn()).isEqualTo(start.plusMonths(3));
    assertThat(renewed.expiresOn()).isEqualTo(start.plusMonths(6));
    assertThat(renewed.paidUntil()).isEqualTo(start.plusMonths(4));
  }

  // --- combined --------------------------------------------------------------------------------------------------

  @Test
  void PAY1_severalOrdersOfOneAccountFallingDueOnOneDateShareOneCombinedPayment() {
    long quarterly = api.plan("PREPAY", "90.00", "P3M", "P1M", 5);
    Customer c = api.account("APPROVED");
    Sub first = paidSubscription(c, monthly);
    Sub second = paidSubscription(c, monthly);
    Sub instalments = pay(c, api.order(c, quarterly));
    assertThat(instalments.paidUntil()).isEqualTo(first.expiresOn());
    Customer alone = api.account("APPROVED");
    Sub single = paidSubscription(alone, monthly);

    runOn(first.expiresOn().minusDays(7));

    long r1 = onlyId(termOrders(first.id(), "RENEWAL"));
    long r2 = onlyId(termOrders(second.id(), "RENEWAL"));
    long p3 = onlyId(termOrders(instalments.id(), "PROLONGATION"));
    List<Map<String, Object>> open = api.payments(c.accountId()).stream()
        .filter(p -> "AWAITING_PAYMENT".equals(p.get("status"))).toList();
    assertThat(open).hasSize(1);
    Map<String, Object> combined = open.get(0);
    assertThat(combined).containsEntry("type", "COMBINED").containsEntry("model", "PREPAY")
        .containsEntry("dueDate", first.expiresOn().toString())
        .containsEntry("expiresOn", first.expiresOn().toString());
    assertThat(combined.get("orderIds")).isEqualTo(List.of((int) Math.min(r1, r2), (int) Math.max(r1, r2), (int) p3));
    assertThat(dec(combined.get("amount"))).isEqualByComparingTo("128.00");
    assertThat(api.paymentOf(alone.accountId(), onlyId(termOrders(single.id(), "RENEWAL"))))
        .containsEntry("type", "ORDER");

    api.complete(PaymentIds.of(combined), "BANK_TRANSFER");
    assertThat(sub(first.id()).expiresOn()).isEqualTo(first.startsOn().plusMonths(2));
    assertThat(sub(second.id()).expiresOn()).isEqualTo(second.startsOn().plusMonths(2));
    assertThat(sub(instalments.id()).paidUntil()).isEqualTo(instalments.startsOn().plusMonths(2));
    assertThat(List.of(r1, r2, p3)).allSatisfy(id -> assertThat(api.operatorOrder(id))
        .containsEntry("status", "PROVISIONED"));
  }

  // --- acts ------------------------------------------------------------------------------------------------------

  @Test
  void PAY1_anActIsIssuedAtTheEndOfAPostpayPeriod_once_andTheSubscriptionRollsIntoItsNextPeriod() {
    long postpay = api.plan("POSTPAY", "29.00", "P1M", null, null);
    long telephony = api.plan("POSTPAY", "10.50", "P1M", null, null);
    Customer c = api.account("APPROVED");
    Sub server = postpaidSubscription(c, postpay);
    Sub phone = postpaidSubscription(c, telephony);
    LocalDate end = server.expiresOn();

    runOn(end.minusDays(1));
    assertThat(acts(c.accountId())).as("the period has not closed").isEmpty();

    runOn(end);
    List<Map<String, Object>> acts = acts(c.accountId());
    assertThat(acts).hasSize(1);
    Map<String, Object> act = acts.get(0);
    assertThat(String.valueOf(act.get("period_start"))).isEqualTo(server.startsOn().toString());
    assertThat(String.valueOf(act.get("period_end"))).isEqualTo(end.minusDays(1).toString());
    assertThat(dec(act.get("amount"))).as("both subscriptions of the period").isEqualByComparingTo("39.50");
    assertThat(count("SELECT COUNT(*) FROM postpay_act_line WHERE act_id = ?", ((Number) act.get("id")).longValue()))
        .isEqualTo(2);
    Map<String, Object> payment = api.payments(c.accountId()).get(0);
    assertThat(payment).containsEntry("type", "ACT").containsEntry("model", "POSTPAY")
        .containsEntry("actId", ((Number) act.get("id")).intValue())
        .containsEntry("dueDate", end.plusDays(10).toString()).containsEntry("expiresOn", end.plusDays(11).toString());
    assertThat(dec(payment.get("amount"))).isEqualByComparingTo("39.50");
    Sub rolled = sub(server.id());
    assertThat(rolled.termStartsOn()).isEqualTo(end);
    assertThat(rolled.expiresOn()).isEqualTo(server.startsOn().plusMonths(2));
    assertThat(rolled.paidUntil()).isNull();
    assertThat(sub(phone.id()).expiresOn()).isEqualTo(rolled.expiresOn());
    assertThat(api.events(c.accountId())).extracting(e -> e.get("type")).contains("ACT_ISSUED");

    runOn(end);
    runOn(end.plusDays(1));
    assertThat(acts(c.accountId())).as("never twice for one period").hasSize(1);

    runOn(rolled.expiresOn());
    assertThat(acts(c.accountId())).hasSize(2).last().satisfies(next ->
        assertThat(String.valueOf(next.get("period_start"))).isEqualTo(end.toString()));
  }

  @Test
  void PAY3_anActOfTheBillingDayInvoicedByTheErpHasNoDueDateUntilConfirmed() {
    long postpay = api.plan("POSTPAY", "29.00", "P1M", null, null);
    Customer c = api.account("APPROVED");
    Sub server = postpaidSubscription(c, postpay);
    api.settings(s -> s.put("invoicesByExternalSystem", true));

    runOn(server.expiresOn());

    Map<String, Object> act = acts(c.accountId()).get(0);
    assertThat(act.get("invoiced_externally")).isIn(true, 1, 1L);
    Map<String, Object> payment = api.payments(c.accountId()).get(0);
    assertThat(payment).containsEntry("type", "ACT").containsEntry("dueDate", null).containsEntry("expiresOn", null);
    ResponseEntity<Map<String, Object>> refused = api.call("manager", HttpMethod.POST, "/api/operator/payments/"
        + PaymentIds.of(payment) + "/complete", Map.of("method", "BALANCE"));
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "PAY-3");
  }

  // --- provisionPaidAll ------------------------------------------------------------------------------------------

  @Test
  void ORD_provisionPaidAll_opensNew_renewsRenewals_prolongsProlongations_reactivatesOverdue_andIsIdempotent() {
    long quarterly = api.plan("PREPAY", "90.00", "P3M", "P1M", 0);
    Customer c = api.account("APPROVED");
    Sub renewing = paidSubscription(c, monthly);
    Sub instalments = pay(c, api.order(c, quarterly));
    long newOrder = api.order(c, monthly);
    runOn(renewing.expiresOn().minusDays(7));
    long renewal = onlyId(termOrders(renewing.id(), "RENEWAL"));
    long prolongation = onlyId(termOrders(instalments.id(), "PROLONGATION"));
    jdbc.update("UPDATE subscription SET status = 'PAYMENT_OVERDUE' WHERE id = ?", renewing.id());

    Integer provisioned = transactions.execute(tx -> orders.provisionPaidAll(List.of(newOrder, renewal,
        prolongation)));

    assertThat(provisioned).isEqualTo(3);
    Sub renewed = sub(renewing.id());
    assertThat(renewed.status()).as("PAYMENT_OVERDUE back to ACTIVE").isEqualTo("ACTIVE");
    assertThat(renewed.termStartsOn()).isEqualTo(renewing.expiresOn());
    assertThat(renewed.expiresOn()).isEqualTo(renewing.startsOn().plusMonths(2));
    assertThat(renewed.paidUntil()).isEqualTo(renewed.expiresOn());
    Sub prolonged = sub(instalments.id());
    assertThat(prolonged.paidUntil()).isEqualTo(instalments.startsOn().plusMonths(2));
    assertThat(prolonged.expiresOn()).isEqualTo(instalments.expiresOn());
    assertThat(api.operatorOrder(newOrder)).containsEntry("status", "PROVISIONED");
    long opened = ((Number) api.operatorOrder(newOrder).get("subscriptionId")).longValue();
    assertThat(sub(opened).status()).isEqualTo("ACTIVE");
    assertThat(count("SELECT COUNT(*) FROM subscription WHERE account_id = ?", c.accountId())).isEqualTo(3);

    Integer repeated = transactions.execute(tx -> orders.provisionPaidAll(List.of(newOrder, renewal, prolongation)));
    assertThat(repeated).as("a repeat changes nothing").isZero();
    assertThat(sub(renewing.id())).isEqualTo(renewed);
    assertThat(sub(instalments.id())).isEqualTo(prolonged);
    assertThat(count("SELECT COUNT(*) FROM subscription WHERE account_id = ?", c.accountId())).isEqualTo(3);
  }

  @Test
  void ORD_provisionPaidAll_provisions500RenewalsOfOneCombinedPaymentInOneCall() {
    Customer c = api.account("APPROVED");
    Sub model = paidSubscription(c, monthly);
    int n = 500;
    seedSubscriptions(c.accountId(), monthly, model, n - 1);
    runOn(model.expiresOn().minusDays(7));
    List<Long> renewals = jdbc.queryForList("SELECT id FROM customer_order WHERE account_id = ? AND type = 'RENEWAL'",
        Long.class, c.accountId());
    assertThat(renewals).hasSize(n);
    List<Map<String, Object>> open = api.payments(c.accountId()).stream()
        .filter(p -> "AWAITING_PAYMENT".equals(p.get("status"))).toList();
    assertThat(open).singleElement().satisfies(p -> {
      assertThat(p).containsEntry("type", "COMBINED");
      assertThat((List<?>) p.get("orderIds")).hasSize(n);
      assertThat(dec(p.get("amount"))).isEqualByComparingTo("24500.00");
    });

    long[] nanos = new long[1];
    Integer provisioned = transactions.execute(tx -> {
      long start = System.nanoTime();
      int count = orders.provisionPaidAll(renewals);
      nanos[0] = System.nanoTime() - start;
      return count;
    });
    long millis = nanos[0] / 1_000_000;
    log.info("provisionPaidAll of {} renewal orders took {} ms", n, millis);

    assertThat(provisioned).isEqualTo(n);
    assertThat(count("SELECT COUNT(*) FROM subscription WHERE account_id = ? AND expires_on = ?", c.accountId(),
        model.startsOn().plusMonths(2))).isEqualTo(n);
    assertThat(count("SELECT COUNT(*) FROM customer_order WHERE account_id = ? AND type = 'RENEWAL'"
        + " AND status = 'PROVISIONED'", c.accountId())).isEqualTo(n);
    // Its speed is measured by the billing-day benchmark (scripts/benchmark-billing-day.sh), not asserted here.
  }

  // --- PAY-5 -----------------------------------------------------------------------------------------------------

  @Test
  void PAY5_anOverdueRenewalPaymentPutsTheSubscriptionPaymentOverdue_payingItMakesItActiveAndRenewed() {
    Customer c = api.account("APPROVED");
    Sub sub = paidSubscription(c, monthly);
    runOn(sub.expiresOn().minusDays(7));
    long renewal = onlyId(termOrders(sub.id(), "RENEWAL"));
    long paymentId = PaymentIds.of(api.paymentOf(c.accountId(), renewal));

    at(sub.expiresOn());
    markOverdue();
    assertThat(api.payment(paymentId)).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(sub(sub.id()).status()).isEqualTo("ACTIVE");

    at(sub.expiresOn().plusDays(1));
    assertThat(markOverdue()).isPositive();
    assertThat(api.payment(paymentId)).containsEntry("status", "OVERDUE");
    assertThat(sub(sub.id()).status()).isEqualTo("PAYMENT_OVERDUE");
    assertThat(api.events(c.accountId())).anySatisfy(e -> {
      assertThat(e).containsEntry("type", "SUBSCRIPTION_PAYMENT_OVERDUE").containsEntry("actor", "system");
      assertThat((String) e.get("detail")).contains("payment " + paymentId);
    });

    api.complete(paymentId, "CASH");
    Sub paid = sub(sub.id());
    assertThat(paid.status()).isEqualTo("ACTIVE");
    assertThat(paid.expiresOn()).isEqualTo(sub.startsOn().plusMonths(2));
  }

  @Test
  void PAY5_markExpiredOverdueWorksThroughThousandsOfPaymentsInPages_eachOnceWithItsHistory() {
    Customer c = api.account("APPROVED");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int n = 1_200;
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {c.accountId(), today.minusDays(1 + i % 3)});
    }
    jdbc.batchUpdate("INSERT INTO payment (account_id, type, model, status, amount, currency, due_date, expires_on,"
        + " created_by, created_at) VALUES (?, 'TOP_UP', 'PREPAY', 'AWAITING_PAYMENT', 1.0000, 'EUR', ?, ?, 'test',"
        + " CURRENT_TIMESTAMP)", rows.stream().map(r -> new Object[] {r[0], r[1], r[1]}).toList());

    long start = System.nanoTime();
    int marked = overdue.markExpiredOverdue(today);
    log.info("markExpiredOverdue marked {} payments in {} ms", marked, (System.nanoTime() - start) / 1_000_000);

    assertThat(marked).isGreaterThanOrEqualTo(n);
    assertThat(count("SELECT COUNT(*) FROM payment WHERE account_id = ? AND status = 'OVERDUE'", c.accountId()))
        .isEqualTo(n);
    assertThat(count("SELECT COUNT(*) FROM payment_event e JOIN payment p ON p.id = e.payment_id"
        + " WHERE p.account_id = ? AND e.to_status = 'OVERDUE'", c.accountId())).isEqualTo(n);
    assertThat(overdue.markExpiredOverdue(today)).as("nothing left to mark").isZero();
    assertThat(count("SELECT COUNT(*) FROM payment_event e JOIN payment p ON p.id = e.payment_id"
        + " WHERE p.account_id = ? AND e.to_status = 'OVERDUE'", c.accountId())).isEqualTo(n);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** A subscription's dates and status, read from the database. */
  record Sub(long id, String status, LocalDate startsOn, LocalDate termStartsOn, LocalDate expiresOn,
      LocalDate paidUntil) {}

  private Sub sub(long id) {
    return jdbc.queryForObject("SELECT id, status, starts_on, term_starts_on, expires_on, paid_until FROM subscription"
        + " WHERE id = ?", (rs, n) -> new Sub(rs.getLong("id"), rs.getString("status"),
        rs.getObject("starts_on", LocalDate.class), rs.getObject("term_starts_on", LocalDate.class),
        rs.getObject("expires_on", LocalDate.class), rs.getObject("paid_until", LocalDate.class)), id);
  }

  /** A prepaid order of the plan, paid with cash: its subscription. */
  private Sub paidSubscription(Customer c, long planId) {
    return pay(c, api.order(c, planId));
  }

  private Sub pay(Customer c, long orderId) {
    api.complete(PaymentIds.of(api.paymentOf(c.accountId(), orderId)), "CASH");
    Map<String, Object> order = api.operatorOrder(orderId);
    assertThat(order).containsEntry("status", "PROVISIONED");
    return sub(((Number) order.get("subscriptionId")).longValue());
  }

  /** A postpaid order (provisioned at once in AUTOMATIC mode): its subscription. */
  private Sub postpaidSubscription(Customer c, long planId) {
    long orderId = api.order(c, planId);
    Map<String, Object> order = api.operatorOrder(orderId);
    assertThat(order).containsEntry("status", "PROVISIONED");
    return sub(((Number) order.get("subscriptionId")).longValue());
  }

  /** {@code n} more provisioned orders and subscriptions like {@code model}, written straight to the tables. */
  private void seedSubscriptions(long accountId, long planId, Sub model, int n) {
    List<Object[]> orderRows = new ArrayList<>();
    String marker = BillingApi.unique("seed-");
    for (int i = 0; i < n; i++) {
      orderRows.add(new Object[] {accountId, planId, marker});
    }
    jdbc.batchUpdate("INSERT INTO customer_order (account_id, plan_id, type, trial, needs_approval, status, price,"
        + " currency, created_by, created_via, cancelled_by_decline, created_at, version) VALUES (?, ?, 'NEW', FALSE,"
        + " FALSE, 'PROVISIONED', 49.0000, 'EUR', ?, 'SYSTEM', FALSE, CURRENT_TIMESTAMP, 0)", orderRows);
    List<Long> orderIds = jdbc.queryForList("SELECT id FROM customer_order WHERE created_by = ? ORDER BY id",
        Long.class, marker);
    jdbc.batchUpdate("INSERT INTO subscription (account_id, plan_id, order_id, trial, status, starts_on,"
        + " term_starts_on, expires_on, paid_until, auto_renew, grace_period_days, created_at, version)"
        + " VALUES (?, ?, ?, FALSE, 'ACTIVE', ?, ?, ?, ?, TRUE, 0, CURRENT_TIMESTAMP, 0)", orderIds.stream()
        .map(id -> new Object[] {accountId, planId, id, model.startsOn(), model.termStartsOn(), model.expiresOn(),
            model.paidUntil()}).toList());
    jdbc.update("UPDATE customer_order o SET subscription_id = (SELECT s.id FROM subscription s"
        + " WHERE s.order_id = o.id) WHERE o.created_by = ?", marker);
  }

  private LocalDate at(LocalDate day) {
    clock.set(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
    return day;
  }

  /** The billing day on {@code day}, through the admin API (the application clock moved there first). */
  private void runOn(LocalDate day) {
    at(day);
    ResponseEntity<Map<String, Object>> run = api.call("admin", HttpMethod.POST, "/api/admin/billing-day", null);
    assertThat(run.getStatusCode().value()).as("%s", run.getBody()).isEqualTo(200);
    assertThat(run.getBody()).containsEntry("today", day.toString());
  }

  private int markOverdue() {
    ResponseEntity<Map<String, Object>> marked = api.call("admin", HttpMethod.POST, "/api/admin/payments/mark-overdue",
        null);
    assertThat(marked.getStatusCode().value()).isEqualTo(200);
    return ((Number) marked.getBody().get("markedOverdue")).intValue();
  }

  private List<Map<String, Object>> termOrders(long subscriptionId, String type) {
    return jdbc.queryForList("SELECT id, status, period_start FROM customer_order WHERE subscription_id = ?"
        + " AND type = ? ORDER BY id", subscriptionId, type);
  }

  private List<Map<String, Object>> acts(long accountId) {
    return jdbc.queryForList("SELECT id, period_start, period_end, amount, invoiced_externally FROM postpay_act"
        + " WHERE account_id = ? ORDER BY period_start", accountId);
  }

  private static long onlyId(List<Map<String, Object>> rows) {
    assertThat(rows).hasSize(1);
    return ((Number) rows.get(0).get("id")).longValue();
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  /** The id of a payment as the API shows it. */
  static final class PaymentIds {
    private PaymentIds() {}

    static long of(Map<String, Object> payment) {
      return ((Number) payment.get("id")).longValue();
    }
  }
}
