package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
 * SEC-6: a review is decided only by a member of {@code managers}, and only about its own account. Reproduces the
 * findings: a completion that sends another account's id as {@code accountId}, and a review assigned to the
 * reviewed customer or handed to {@code analysts}, then decided by them.
 */
@IntegrationTest
class TaskDecisionIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired TaskService taskService;
  BillingApi api;
  long postpaid;

  @BeforeEach
  void setUp() {
    api = new BillingApi(http, identity);
    api.mode("MANUAL", "COMMERCIAL");
    postpaid = api.plan("POSTPAY", false);
  }

  @AfterEach
  void automaticMode() {
    ClockUtil.reset();
    identity.clearAuthentication();
    api.mode("AUTOMATIC", "COMMERCIAL");
  }

  private String reviewOf(Customer c) {
    api.customerOrders(c, postpaid, false);
    List<Map<String, Object>> tasks = api.reviewTasks(c.accountId());
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  @Test
  void SEC6_aCompletionCannotRedirectTheDecisionToAnotherAccount() {
    Customer x = api.account("NOT_VERIFIED");
    Customer y = api.account("NOT_VERIFIED");
    String review = reviewOf(x);
    post("manager", "/engine-rest/task/" + review + "/claim", "{\"userId\":\"manager\"}");

    ResponseEntity<String> forged = post("manager", "/engine-rest/task/" + review + "/complete",
        "{\"variables\":{\"approved\":{\"value\":false},\"declineReason\":{\"value\":\"x\"},"
            + "\"accountId\":{\"value\":" + y.accountId() + ",\"type\":\"Long\"}}}");

    assertThat(forged.getStatusCode().value()).isEqualTo(400);
    assertThat(forged.getBody()).contains("\"field\":\"variables.accountId\"").contains("not a decision");
    assertThat(api.operatorAccount(y.accountId())).containsEntry("postpayPermission", "NOT_VERIFIED");
    assertThat(api.operatorAccount(x.accountId())).containsEntry("postpayPermission", "UNDER_REVIEW");
    assertThat(api.reviewTasks(x.accountId())).as("X's review is still open").hasSize(1);

    ResponseEntity<String> rewritten = http.withBasicAuth("manager", "manager").exchange(
        "/engine-rest/task/" + review + "/variables/accountId", HttpMethod.PUT,
        BillingApi.json(Map.of("value", y.accountId(), "type", "Long")), String.class);
    assertThat(rewritten.getStatusCode().value()).as("nor by rewriting the variable first").isEqualTo(403);
  }

  @Test
  void SEC6_theFormsDisplayedFactsComeBackOnlyUnchanged() {
    Customer x = api.account("NOT_VERIFIED");
    String review = reviewOf(x);
    post("manager", "/engine-rest/task/" + review + "/claim", "{\"userId\":\"manager\"}");
    Object accountName = taskService.getVariable(review, "accountName");

    ResponseEntity<String> changed = post("manager", "/engine-rest/task/" + review + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":true},\"accountName\":{\"value\":\"Someone else\"}}}");
    assertThat(changed.getStatusCode().value()).isEqualTo(400);
    assertThat(changed.getBody()).contains("variables.accountName").contains("cannot be changed");

    ResponseEntity<String> unchanged = post("manager", "/engine-rest/task/" + review + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":true},\"accountName\":{\"value\":\"" + accountName + "\"}}}");
    assertThat(unchanged.getStatusCode().value()).as("%s", unchanged.getBody()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.operatorAccount(x.accountId())).containsEntry("postpayPermission", "APPROVED"));
  }

  @Test
  void SEC6_aReviewCannotBeAssignedToTheReviewedCustomerOrAnAnalyst() {
    Customer x = api.account("NOT_VERIFIED");
    String review = reviewOf(x);
    for (String user : List.of(x.userId(), "analyst", "erp")) {
      ResponseEntity<String> assigned = post("manager", "/engine-rest/task/" + review + "/assignee",
          "{\"userId\":\"" + user + "\"}");
      assertThat(assigned.getStatusCode().value()).as(user).isEqualTo(400);
      assertThat(assigned.getBody()).contains("SEC-6").contains("members of managers")
          .doesNotContain("FormFieldValidationException");
    }
    ResponseEntity<String> delegated = post("manager", "/engine-rest/task/" + review + "/delegate",
        "{\"userId\":\"" + x.userId() + "\"}");
    assertThat(delegated.getStatusCode().value()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
  }

  @Test
  void SEC6_addingAnalystsAsCandidatesDoesNotLetThemDecide() {
    Customer x = api.account("NOT_VERIFIED");
    String review = reviewOf(x);
    ResponseEntity<String> link = post("manager", "/engine-rest/task/" + review + "/identity-links",
        "{\"groupId\":\"analysts\",\"type\":\"candidate\"}");
    assertThat(link.getStatusCode().value()).isEqualTo(204);

    // Through the engine itself, as the analyst: the membership check is the engine's, whatever the door.
    identity.setAuthentication("analyst", List.of("analysts"));
    try {
      assertThatThrownBy(() -> taskService.claim(review, "analyst")).hasMessageContaining("SEC-6");
      assertThatThrownBy(() -> taskService.complete(review, Map.of("approved", true)))
          .hasMessageContaining("SEC-6: analyst may not decide");
    } finally {
      identity.clearAuthentication();
    }
    Task task = taskService.createTaskQuery().taskId(review).singleResult();
    assertThat(task).as("still open").isNotNull();
    assertThat(api.operatorAccount(x.accountId())).containsEntry("postpayPermission", "UNDER_REVIEW");

    assertThat(api.completeReview(review, true, null).getStatusCode().value()).as("a manager decides").isEqualTo(204);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.operatorAccount(x.accountId())).containsEntry("postpayPermission", "APPROVED"));
  }
}
