package com.resellerhub.billing.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The steps of a collections scenario through the public API and the moved clock, shared by the collection ITs. */
final class CollectionScenario {

  /** A subscription and the day it expires. */
  record Sub(long id, LocalDate expiresOn) {}

  private final BillingApi api;
  private final EngineClock clock;
  private final JdbcTemplate jdbc;
  long plan;

  CollectionScenario(BillingApi api, EngineClock clock, JdbcTemplate jdbc) {
    this.api = api;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  void reseller(int suspendedDays, String threshold) {
    api.settings(s -> s.put("collections", Map.of("suspendedDaysBeforeTermination", suspendedDays,
        "reviewThreshold", threshold)));
  }

  long plan(int graceDays) {
    return plan("PREPAY", "49.00", graceDays);
  }

  /** A plan of this billing model and price per month; {@code graceDays} only for PREPAY (null leaves it out). */
  long plan(String billingModel, String price, Integer graceDays) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", BillingApi.unique("col-").toLowerCase());
    p.put("name", "Collections " + billingModel.toLowerCase() + " plan");
    p.put("billingModel", billingModel);
    p.put("price", price);
    p.put("period", "P1M");
    p.put("trialAvailable", false);
    if (graceDays != null) {
      p.put("gracePeriodDays", graceDays);
    }
    ResponseEntity<Map<String, Object>> created = api.call("manager", HttpMethod.POST, "/api/operator/plans", p);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return BillingApi.id(created.getBody());
  }

  long offer() {
    return offer(plan);
  }

  long offer(long forPlan) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", BillingApi.unique("col-offer-"));
    o.put("amount", new BigDecimal("100.00"));
    o.put("durationDays", 7);
    o.put("connectionFee", BigDecimal.ZERO);
    o.put("commissionPercent", BigDecimal.ZERO);
    o.put("chargeMethod", "DAILY");
    o.put("customerAvailable", false);
    o.put("planIds", List.of(forPlan));
    ResponseEntity<Map<String, Object>> created = api.call("manager", HttpMethod.POST,
        "/api/operator/promised-payment-offers", o);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return BillingApi.id(created.getBody());
  }

  void at(LocalDate day, LocalTime time) {
    clock.set(day.atTime(time).toInstant(ZoneOffset.UTC));
  }

  Sub paidSubscription(Customer c) {
    ResponseEntity<Map<String, Object>> placed = api.customerOrders(c, plan, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    long orderId = BillingApi.id(placed.getBody());
    long paymentId = jdbc.queryForObject("SELECT payment_id FROM payment_order WHERE order_id = ?", Long.class,
        orderId);
    assertThat(api.call("manager", HttpMethod.POST, "/api/operator/payments/" + paymentId + "/complete",
        Map.of("method", "CASH")).getStatusCode().value()).isEqualTo(200);
    long id = ((Number) api.operatorOrder(orderId).get("subscriptionId")).longValue();
    return new Sub(id, jdbc.queryForObject("SELECT expires_on FROM subscription WHERE id = ?", LocalDate.class, id));
  }

  /** The renewal's payment, created by the billing day's due payments a week before the expiry. */
  long renewalPayment(Customer c, Sub sub, LocalDate e) {
    dueRenewals(e);
    return renewalPaymentOf(sub);
  }

  /** The billing day's due payments a week before {@code e}: the renewals of every subscription expiring on it. */
  void dueRenewals(LocalDate e) {
    at(e.minusDays(7), LocalTime.of(6, 0));
    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/billing-day", null).getStatusCode().value())
        .isEqualTo(200);
  }

  /** The payment of the subscription's renewal order ({@link #dueRenewals} created it). */
  long renewalPaymentOf(Sub sub) {
    return jdbc.queryForObject("SELECT po.payment_id FROM payment_order po JOIN customer_order o ON o.id = po.order_id"
        + " WHERE o.subscription_id = ? AND o.type = 'RENEWAL'", Long.class, sub.id());
  }

  /** Due payments and PAY-5 on {@code day}, without the debit (the balance is empty anyway). */
  void createAndMarkOverdue(LocalDate day) {
    at(day, LocalTime.of(3, 0));
    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/billing-day", null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/payments/mark-overdue", null).getStatusCode().value())
        .isEqualTo(200);
  }

  void startCollections() {
    ResponseEntity<Map<String, Object>> started = api.call("admin", HttpMethod.POST, "/api/admin/collections/start",
        null);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
  }

  String status(long subscriptionId) {
    return jdbc.queryForObject("SELECT status FROM subscription WHERE id = ?", String.class, subscriptionId);
  }
}
