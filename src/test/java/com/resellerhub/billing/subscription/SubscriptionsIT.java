package com.resellerhub.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.resellerhub.billing.account.AccountBlocks;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.account.BlockCause;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Subscriptions through the customer and operator APIs (SUB-1, SUB-2) on the MySQL-compatible database. */
@IntegrationTest
class SubscriptionsIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired AccountBlocks blocks;
  @Autowired SubscriptionService subscriptions;
  @Autowired AccountService accounts;

  BillingApi api;

  @BeforeEach
  void automaticApproval() {
    api = new BillingApi(http, identity);
    api.mode("AUTOMATIC", "COMMERCIAL");
  }

  /** A postpaid commercial subscription (provisioned at once), its id. */
  private long subscription(Customer c, long planId) {
    ResponseEntity<Map<String, Object>> order = api.operatorOrders(c.accountId(), planId, false);
    assertThat(order.getBody()).as("%s", order.getBody()).containsEntry("status", "PROVISIONED");
    return ((Number) order.getBody().get("subscriptionId")).longValue();
  }

  @Test
  void SUB1_customersSeeTheirOwnSubscriptionsWithHistory_managersAnyAccounts_anotherAccountsIs404() {
    long planId = api.plan("POSTPAY", false);
    Customer c = api.account("APPROVED");
    long id = subscription(c, planId);

    List<Map<String, Object>> mine = api.list(c.userId(), "/api/customer/subscriptions").getBody();
    assertThat(mine).singleElement().satisfies(s -> assertThat(s).containsEntry("id", (int) id)
        .containsEntry("status", "ACTIVE").containsEntry("trial", false).containsEntry("autoRenew", true)
        .containsKeys("expiresOn", "paidUntil", "gracePeriodDays", "plan"));
    Map<String, Object> detail = api.call(c.userId(), HttpMethod.GET, "/api/customer/subscriptions/" + id, null)
        .getBody();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) detail.get("history");
    assertThat(history).singleElement().satisfies(h -> assertThat(h).containsEntry("kind", "CREATED")
        .containsEntry("toStatus", "ACTIVE").containsEntry("actor", "system"));

    Customer other = api.account("APPROVED");
    assertThat(api.call(other.userId(), HttpMethod.GET, "/api/customer/subscriptions/" + id, null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(api.call(other.userId(), HttpMethod.PUT, "/api/customer/subscriptions/" + id + "/auto-renew",
        Map.of("autoRenew", false)).getStatusCode().value()).isEqualTo(404);

    assertThat(api.list("manager", "/api/operator/accounts/" + c.accountId() + "/subscriptions").getBody())
        .extracting(s -> s.get("id")).containsExactly((int) id);
    Map<String, Object> page = api.call("manager", HttpMethod.GET, "/api/operator/subscriptions?status=ACTIVE&planId="
        + planId, null).getBody();
    assertThat((List<?>) page.get("content")).hasSize(1);
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/subscriptions?status=SUSPENDED&planId=" + planId,
        null).getBody().get("totalElements")).isEqualTo(0);
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/subscriptions?status=LATE", null).getBody())
        .containsEntry("field", "status");
    assertThat(api.call(c.userId(), HttpMethod.GET, "/api/operator/subscriptions/" + id, null).getStatusCode()
        .value()).as("customers do not use the operator API").isEqualTo(403);
  }

  @Test
  void SUB1_SUB2_autoRenewOffAndOn_aBlockAndItsLift_areInTheHistoryWithActorAndReason_andInTheEventLog() {
    long planId = api.plan("POSTPAY", false);
    Customer c = api.account("APPROVED");
    long id = subscription(c, planId);

    ResponseEntity<Map<String, Object>> off = api.call(c.userId(), HttpMethod.PUT,
        "/api/customer/subscriptions/" + id + "/auto-renew", Map.of("autoRenew", false));
    assertThat(off.getStatusCode().value()).as("%s", off.getBody()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> view = (Map<String, Object>) off.getBody().get("subscription");
    assertThat(view).containsEntry("autoRenew", false);
    assertThat(api.call(c.userId(), HttpMethod.PUT, "/api/customer/subscriptions/" + id + "/auto-renew",
        Map.of("autoRenew", false)).getStatusCode().value()).as("again: nothing changes").isEqualTo(200);
    assertThat(api.call(c.userId(), HttpMethod.PUT, "/api/customer/subscriptions/" + id + "/auto-renew",
        Map.of()).getBody()).containsEntry("field", "autoRenew");
    assertThat(api.call("manager", HttpMethod.PUT, "/api/operator/subscriptions/" + id + "/auto-renew",
        Map.of("autoRenew", true)).getStatusCode().value()).isEqualTo(200);

    blocks.block(c.accountId(), BlockCause.MANAGER, "manager", "Contract under dispute");
    blocks.lift(c.accountId(), BlockCause.MANAGER, "manager", "Contract signed");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) api.call("manager", HttpMethod.GET,
        "/api/operator/subscriptions/" + id, null).getBody().get("history");
    assertThat(history).extracting(h -> h.get("kind")).containsExactly("CREATED", "AUTO_RENEW_OFF", "AUTO_RENEW_ON",
        "SUSPENDED", "RESUMED");
    assertThat(history.get(1)).containsEntry("actor", c.userId());
    assertThat(history.get(2)).containsEntry("actor", "manager");
    assertThat(history.get(3)).containsEntry("fromStatus", "ACTIVE").containsEntry("toStatus", "SUSPENDED")
        .hasEntrySatisfying("detail", d -> assertThat((String) d).contains("MANAGER"));
    assertThat(history.get(4)).containsEntry("toStatus", "ACTIVE");
    List<Map<String, Object>> events = content(api.call("manager", HttpMethod.GET, "/api/operator/accounts/"
        + c.accountId() + "/events", null).getBody());
    assertThat(events).filteredOn(e -> "SUBSCRIPTION_CHANGED".equals(e.get("type"))).hasSize(2);
  }

  @Test
  void PROM5_blockingManyAccountsAtOnce_suspendsEachOnesSubscriptions_andPutsTheCauseInForceOnce() {
    // the promise expiry sweep blocks a chunk's negative accounts together (AccountBlocks.blockAll)
    long planId = api.plan("POSTPAY", false);
    Customer first = api.account("APPROVED");
    Customer second = api.account("APPROVED");
    long ofFirst = subscription(first, planId);
    long ofSecond = subscription(second, planId);
    blocks.block(second.accountId(), BlockCause.MANAGER, "manager", "Contract under dispute");

    Set<Long> put = blocks.blockAll(new TreeMap<>(Map.of(first.accountId(), "Promise 1 ended below"
        + " zero", second.accountId(), "Promise 2 ended below zero")), BlockCause.PROMISED_PAYMENT_EXPIRED, "system");

    assertThat(put).containsExactlyInAnyOrder(first.accountId(), second.accountId());
    assertThat(accounts.get(first.accountId()).getStatus().name()).isEqualTo("BLOCKED");
    assertThat(subscriptions.get(ofFirst).getStatus()).isEqualTo(SubscriptionStatus.SUSPENDED);
    assertThat(subscriptions.get(ofSecond).getStatus()).as("suspended by the manager's block already")
        .isEqualTo(SubscriptionStatus.SUSPENDED);
    assertThat(blocks.inForce(first.accountId())).extracting(AccountBlocks.Block::cause, AccountBlocks.Block::detail)
        .containsExactly(tuple(BlockCause.PROMISED_PAYMENT_EXPIRED,
            "Promise 1 ended below zero"));
    assertThat(blocks.inForce(second.accountId())).extracting(AccountBlocks.Block::cause)
        .containsExactly(BlockCause.MANAGER, BlockCause.PROMISED_PAYMENT_EXPIRED);
    // again: the cause is in force on both, nothing changes
    assertThat(blocks.blockAll(new TreeMap<>(Map.of(first.accountId(), "again", second.accountId(),
        "again")), BlockCause.PROMISED_PAYMENT_EXPIRED, "system")).isEmpty();
    assertThat(blocks.inForce(first.accountId())).hasSize(1);
    List<Map<String, Object>> events = content(api.call("manager", HttpMethod.GET, "/api/operator/accounts/"
        + first.accountId() + "/events", null).getBody());
    assertThat(events).filteredOn(e -> "BLOCKED".equals(e.get("type"))).hasSize(1);
  }

  @Test
  void SUB2_aManagerTerminatesASubscriptionNowWithAReason_aCustomerCannot() {
    long planId = api.plan("POSTPAY", false);
    Customer c = api.account("APPROVED");
    long id = subscription(c, planId);

    assertThat(api.call(c.userId(), HttpMethod.POST, "/api/operator/subscriptions/" + id + "/terminate",
        Map.of("reason", "mine")).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> noReason = api.call("manager", HttpMethod.POST,
        "/api/operator/subscriptions/" + id + "/terminate", Map.of());
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).containsEntry("field", "reason");

    ResponseEntity<Map<String, Object>> ended = api.call("manager", HttpMethod.POST,
        "/api/operator/subscriptions/" + id + "/terminate", Map.of("reason", "Fraud suspected"));
    assertThat(ended.getStatusCode().value()).as("%s", ended.getBody()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> view = (Map<String, Object>) ended.getBody().get("subscription");
    assertThat(view).containsEntry("status", "TERMINATED").containsEntry("autoRenew", false);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) ended.getBody().get("history");
    assertThat(history.get(history.size() - 1)).containsEntry("kind", "TERMINATED").containsEntry("actor", "manager")
        .hasEntrySatisfying("detail", d -> assertThat((String) d).contains("Fraud suspected"));
    assertThat(api.call(c.userId(), HttpMethod.POST, "/api/customer/subscriptions/" + id + "/cancel", null)
        .getBody()).containsEntry("rule", "SUB-2");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> content(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("content");
  }
}
