package com.resellerhub.billing.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.Concurrently;
import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.support.TestMailServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Orders and the first-postpaid-order approval end to end through the HTTP APIs (PP-1..PP-10). */
@IntegrationTest
class OrdersIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  BillingApi api;
  long postpaid;
  long prepaid;

  @BeforeEach
  void setUp() {
    api = new BillingApi(http, identity);
    api.mode("MANUAL", "COMMERCIAL");
    postpaid = api.plan("POSTPAY", true);
    prepaid = api.plan("PREPAY", true);
  }

  @AfterEach
  void realTimeAndAutomaticMode() {
    ClockUtil.reset();
    api.mode("AUTOMATIC", "COMMERCIAL");
  }

  @Test
  void PP3_PP4_firstPostpaidOrderWaitsForAManager_approvalProvisionsItKeepingTheCustomerAsCreator() {
    Customer c = api.account("NOT_VERIFIED");

    ResponseEntity<Map<String, Object>> placed = api.customerOrders(c, postpaid, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    assertThat(placed.getBody()).containsEntry("status", "PENDING_APPROVAL");
    long orderId = BillingApi.id(placed.getBody());
    assertThat(api.operatorAccount(c.accountId())).containsEntry("postpayPermission", "UNDER_REVIEW");

    List<Map<String, Object>> tasks = api.reviewTasks(c.accountId());
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0)).containsEntry("name", "Review postpay permission");
    assertThat(api.list("manager", "/engine-rest/task/" + tasks.get(0).get("id") + "/identity-links").getBody())
        .anySatisfy(link -> assertThat(link).containsEntry("groupId", "managers"));

    assertThat(api.completeReview((String) tasks.get(0).get("id"), true, null).getStatusCode().value())
        .isEqualTo(204);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.operatorOrder(orderId)).containsEntry("status", "PROVISIONED"));
    Map<String, Object> order = api.operatorOrder(orderId);
    assertThat(order).containsEntry("createdBy", c.userId()).containsEntry("createdVia", "CUSTOMER_API")
        .containsEntry("approvedBy", "manager");
    assertThat(order.get("subscriptionId")).isNotNull();
    assertThat(api.operatorAccount(c.accountId())).containsEntry("postpayPermission", "APPROVED");
  }

  @Test
  void PP5_declineNeedsAReason_cancelsTheOrder_andTheCustomerStillReadsUnderReview() {
    Customer c = api.account("NOT_VERIFIED");
    long orderId = BillingApi.id(api.customerOrders(c, postpaid, false).getBody());
    String taskId = (String) api.reviewTasks(c.accountId()).get(0).get("id");

    ResponseEntity<String> withoutReason = api.completeReview(taskId, false, " ");
    assertThat(withoutReason.getStatusCode().value()).isEqualTo(400);
    assertThat(api.reviewTasks(c.accountId())).hasSize(1);

    assertThat(api.completeReview(taskId, false, "No credit history").getStatusCode().value()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.operatorOrder(orderId)).containsEntry("status", "CANCELLED"));
    assertThat(api.operatorOrder(orderId)).containsEntry("cancelReason", "No credit history");
    assertThat(api.operatorAccount(c.accountId())).containsEntry("postpayPermission", "DECLINED");

    Map<String, Object> customerView = api.call(c.userId(), HttpMethod.GET, "/api/customer/account", null).getBody();
    assertThat(customerView).containsEntry("postpayPermission", "UNDER_REVIEW");
    Map<String, Object> customerOrder = api.call(c.userId(), HttpMethod.GET, "/api/customer/orders/" + orderId, null)
        .getBody();
    assertThat(customerOrder).containsEntry("status", "PENDING_APPROVAL").doesNotContainKey("cancelReason");
    String customerEvents = api.http.withBasicAuth(c.userId(), c.userId())
        .getForObject("/api/customer/account/events", String.class);
    assertThat(customerEvents).doesNotContain("DECLINED").doesNotContain("No credit history");

    ResponseEntity<Map<String, Object>> again = api.customerOrders(c, postpaid, false);
    assertThat(again.getStatusCode().value()).isEqualTo(422);
    assertThat(again.getBody()).containsEntry("rule", "PP-6");
    assertThat((String) again.getBody().get("detail")).contains("under review").doesNotContain("declined");
  }

  @Test
  void PP1_thePermissionHasFourValues_andTheOperatorListFiltersByEach() {
    for (String value : List.of("APPROVED", "NOT_VERIFIED", "UNDER_REVIEW", "DECLINED")) {
      ResponseEntity<Map<String, Object>> page = api.call("manager", HttpMethod.GET,
          "/api/operator/accounts?postpayPermission=" + value, null);
      assertThat(page.getStatusCode().value()).isEqualTo(200);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> content = (List<Map<String, Object>>) page.getBody().get("content");
      assertThat(content).allSatisfy(a -> assertThat(a).containsEntry("postpayPermission", value));
    }
    ResponseEntity<Map<String, Object>> unknown = api.call("manager", HttpMethod.GET,
        "/api/operator/accounts?postpayPermission=MAYBE", null);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).containsEntry("field", "postpayPermission");
  }

  @Test
  void PP7_aDecidedPermissionIsFinal_noApiChangesIt_andTheErrorSaysToContactSupport() {
    Customer preApproved = api.account("NOT_VERIFIED");
    ResponseEntity<Map<String, Object>> preApprove = api.call("manager", HttpMethod.PUT,
        "/api/operator/accounts/" + preApproved.accountId() + "/postpay-permission",
        Map.of("postpayPermission", "APPROVED"));
    assertThat(preApprove.getStatusCode().value()).isEqualTo(200);
    assertThat(preApprove.getBody()).containsEntry("postpayPermission", "APPROVED");

    Customer c = api.account("NOT_VERIFIED");
    api.customerOrders(c, postpaid, false);
    String path = "/api/operator/accounts/" + c.accountId() + "/postpay-permission";
    assertThat(api.call("manager", HttpMethod.PUT, path, Map.of("postpayPermission", "APPROVED")).getStatusCode()
        .value()).as("an open review is decided in Tasklist").isEqualTo(409);
    api.completeReview((String) api.reviewTasks(c.accountId()).get(0).get("id"), false, "Unpaid invoices elsewhere");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.operatorAccount(c.accountId())).containsEntry("postpayPermission", "DECLINED"));

    for (String value : List.of("APPROVED", "NOT_VERIFIED")) {
      ResponseEntity<Map<String, Object>> change = api.call("manager", HttpMethod.PUT, path,
          Map.of("postpayPermission", value));
      assertThat(change.getStatusCode().value()).isEqualTo(422);
      assertThat(change.getBody()).containsEntry("rule", "PP-7");
      assertThat((String) change.getBody().get("detail")).contains("contact support");
    }
    ResponseEntity<Map<String, Object>> again = api.call("manager", HttpMethod.PUT,
        "/api/operator/accounts/" + preApproved.accountId() + "/postpay-permission",
        Map.of("postpayPermission", "NOT_VERIFIED"));
    assertThat(again.getBody()).containsEntry("rule", "PP-7");
    assertThat(api.operatorAccount(c.accountId())).containsEntry("postpayPermission", "DECLINED");
  }

  @Test
  void PP6_aSecondOrderWhileUnderReviewIsRefused_butATrialMayStillBeOrderedWhenOnlyCommercialNeedsApproval() {
    Customer c = api.account("NOT_VERIFIED");
    api.customerOrders(c, postpaid, false);

    ResponseEntity<Map<String, Object>> second = api.customerOrders(c, postpaid, false);
    assertThat(second.getStatusCode().value()).isEqualTo(422);
    assertThat(second.getBody()).containsEntry("rule", "PP-6").containsEntry("field", "planId");

    ResponseEntity<Map<String, Object>> trial = api.customerOrders(c, postpaid, true);
    assertThat(trial.getStatusCode().value()).as("%s", trial.getBody()).isEqualTo(201);
    assertThat(trial.getBody()).containsEntry("status", "PROVISIONED").containsEntry("trial", true);
    assertThat(api.reviewTasks(c.accountId())).hasSize(1);
  }

  @Test
  void PP2_withCommercialAndTrial_aTrialOfANotVerifiedAccountNeedsApprovalToo() {
    api.mode("MANUAL", "COMMERCIAL_AND_TRIAL");
    Customer c = api.account("NOT_VERIFIED");

    ResponseEntity<Map<String, Object>> trial = api.customerOrders(c, postpaid, true);
    assertThat(trial.getBody()).containsEntry("status", "PENDING_APPROVAL");
    assertThat(api.reviewTasks(c.accountId())).hasSize(1);
    ResponseEntity<Map<String, Object>> anotherTrial = api.customerOrders(c, postpaid, true);
    assertThat(anotherTrial.getStatusCode().value()).isEqualTo(422);
    assertThat(anotherTrial.getBody()).containsEntry("rule", "PP-6");
  }

  @Test
  void PP2_prepaidPlansNeverNeedPostpayPermission() {
    Customer c = api.account("NOT_VERIFIED");
    ResponseEntity<Map<String, Object>> order = api.customerOrders(c, prepaid, false);
    // A PREPAY commercial order waits for its payment (the payments feature), never for a postpay review.
    assertThat(order.getBody()).containsEntry("status", "AWAITING_PAYMENT");
    assertThat(api.operatorAccount(c.accountId())).containsEntry("postpayPermission", "NOT_VERIFIED");
    assertThat(api.reviewTasks(c.accountId())).isEmpty();
  }

  @Test
  void PP6_anApprovedAccountOrdersPostpaidPlansWithoutReview() {
    Customer c = api.account("APPROVED");
    assertThat(api.customerOrders(c, postpaid, false).getBody()).containsEntry("status", "PROVISIONED");
    assertThat(api.customerOrders(c, postpaid, false).getBody()).containsEntry("status", "PROVISIONED");
    assertThat(api.reviewTasks(c.accountId())).isEmpty();
  }

  @Test
  void PP9_theOperatorApiFollowsTheSameRule_andRecordsTheManagerAsCreator() {
    Customer c = api.account("NOT_VERIFIED");
    ResponseEntity<Map<String, Object>> placed = api.operatorOrders(c.accountId(), postpaid, false);
    assertThat(placed.getBody()).containsEntry("status", "PENDING_APPROVAL").containsEntry("createdBy", "manager")
        .containsEntry("createdVia", "OPERATOR_API");
    assertThat(api.reviewTasks(c.accountId())).hasSize(1);
    ResponseEntity<Map<String, Object>> second = api.operatorOrders(c.accountId(), postpaid, false);
    assertThat(second.getStatusCode().value()).isEqualTo(422);
  }

  @Test
  void PP8_switchingToAutomaticKeepsPermissionsAndOpenTasks_newOrdersFollowTheNewMode() {
    Customer c = api.account("NOT_VERIFIED");
    long first = BillingApi.id(api.customerOrders(c, postpaid, false).getBody());

    api.mode("AUTOMATIC", "COMMERCIAL");

    // The operator API hides the permission in AUTOMATIC mode (ACC-10); it is kept all the same.
    assertThat(api.operatorAccount(c.accountId())).doesNotContainKey("postpayPermission");
    assertThat(jdbc.queryForObject("SELECT postpay_permission FROM account WHERE id = ?", String.class,
        c.accountId())).isEqualTo("UNDER_REVIEW");
    assertThat(api.reviewTasks(c.accountId())).hasSize(1);
    assertThat(api.customerOrders(c, postpaid, false).getBody()).containsEntry("status", "PROVISIONED");

    String taskId = (String) api.reviewTasks(c.accountId()).get(0).get("id");
    assertThat(api.completeReview(taskId, true, null).getStatusCode().value()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.operatorOrder(first)).containsEntry("status", "PROVISIONED"));
  }

  @Test
  void PP10_anOverdueReviewEscalatesAndTheTaskStaysOpen() {
    Customer c = api.account("NOT_VERIFIED");
    api.customerOrders(c, postpaid, false);
    String taskId = (String) api.reviewTasks(c.accountId()).get(0).get("id");

    ResponseEntity<Map<String, Object>> moved = api.call("admin", HttpMethod.POST, "/api/admin/clock",
        Map.of("advanceBy", "P5D"));
    assertThat(moved.getStatusCode().value()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM account_event WHERE account_id = ? AND type = 'APPROVAL_ESCALATED'", Integer.class,
        c.accountId())).isEqualTo(1));
    assertThat(api.reviewTasks(c.accountId())).extracting(t -> t.get("id")).containsExactly(taskId);
    // No manager on this account: the managers' lead (demo user "manager") gets the mail.
    assertThat(TestMailServer.mailsTo("manager@demo.example")).anySatisfy(m ->
        assertThat(m.getSubject()).isEqualTo("Postpay review overdue: Olga Owner"));
  }

  @Test
  void PP3_fiftyConcurrentFirstOrdersStartExactlyOneApproval() throws Exception {
    Customer c = api.account("NOT_VERIFIED");
    List<Callable<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(() -> api.customerOrders(c, postpaid, false));
    }
    List<ResponseEntity<Map<String, Object>>> responses = Concurrently.runAtOnce(calls);

    assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 201).hasSize(1);
    assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 422).hasSize(49)
        .allSatisfy(r -> assertThat(r.getBody()).containsEntry("rule", "PP-6"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("postpay-approval")
        .processInstanceBusinessKey(String.valueOf(c.accountId())).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE account_id = ?", Integer.class,
        c.accountId())).isEqualTo(1);
  }

  @Test
  void PAY6_aRepeatedIdempotencyKeyReturnsTheFirstOrderAndCreatesNothing_anotherBodyIsRefused() {
    Customer c = api.account("APPROVED");
    String key = BillingApi.unique("order-key-");
    ResponseEntity<String> first = api.raw(c.userId(), "/api/customer/orders",
        Map.of("planId", postpaid, "trial", false), key);
    ResponseEntity<String> repeat = api.raw(c.userId(), "/api/customer/orders",
        Map.of("planId", postpaid, "trial", false), key);
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(repeat.getStatusCode().value()).isEqualTo(201);
    assertThat(repeat.getBody()).as("byte-identical, amounts included").isEqualTo(first.getBody())
        .contains("\"price\":49.00,");
    assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE account_id = ?", Integer.class,
        c.accountId())).isEqualTo(1);

    ResponseEntity<Map<String, Object>> otherBody = api.call(c.userId(), HttpMethod.POST, "/api/customer/orders",
        Map.of("planId", prepaid, "trial", false), key);
    assertThat(otherBody.getStatusCode().value()).isEqualTo(422);
    assertThat(otherBody.getBody()).containsEntry("rule", "idempotency-key-reused")
        .containsEntry("field", "Idempotency-Key");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theOrderListsShowEachOrderWithItsOwnPlansName_forTheCustomerAndTheOperator() {
    // the plans' names of a page are read together: each line must still carry its own plan's
    Customer c = api.account("APPROVED");
    long first = BillingApi.id(api.customerOrders(c, prepaid, false).getBody());
    long second = BillingApi.id(api.customerOrders(c, postpaid, false).getBody());
    long third = BillingApi.id(api.customerOrders(c, prepaid, false).getBody());

    for (String[] caller : List.of(new String[] {c.userId(), "/api/customer/orders"},
        new String[] {"manager", "/api/operator/accounts/" + c.accountId() + "/orders"})) {
      ResponseEntity<Map<String, Object>> page = api.call(caller[0], HttpMethod.GET, caller[1], null);
      assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
      assertThat((List<Map<String, Object>>) page.getBody().get("content")).as(caller[1])
          .extracting(o -> ((Number) o.get("id")).longValue(), o -> o.get("planId"), o -> o.get("planName"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple(third, (int) prepaid, "Test plan PREPAY"),
              org.assertj.core.groups.Tuple.tuple(second, (int) postpaid, "Test plan POSTPAY"),
              org.assertj.core.groups.Tuple.tuple(first, (int) prepaid, "Test plan PREPAY"));
    }
  }

  @Test
  void aCustomerCannotReadAnotherAccountsOrder() {
    Customer owner = api.account("APPROVED");
    Customer other = api.account("APPROVED");
    long orderId = BillingApi.id(api.customerOrders(owner, prepaid, false).getBody());
    assertThat(api.call(other.userId(), HttpMethod.GET, "/api/customer/orders/" + orderId, null).getStatusCode()
        .value()).isEqualTo(404);
  }

  @Test
  void badOrderInputIsAProblemNamingTheField() {
    Customer c = api.account("APPROVED");
    ResponseEntity<Map<String, Object>> missing = api.call(c.userId(), HttpMethod.POST, "/api/customer/orders",
        Map.of("trial", false));
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getBody()).containsEntry("field", "planId").containsEntry("rule", "required");
    ResponseEntity<Map<String, Object>> unknownPlan = api.customerOrders(c, 987654321L, false);
    assertThat(unknownPlan.getStatusCode().value()).isEqualTo(422);
    assertThat(unknownPlan.getBody()).containsEntry("field", "planId");
    ResponseEntity<Map<String, Object>> wrongType = api.call(c.userId(), HttpMethod.POST, "/api/customer/orders",
        Map.of("planId", "seven"));
    assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
    assertThat(wrongType.getBody()).containsEntry("field", "planId");
  }

}
