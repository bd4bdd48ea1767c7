package com.resellerhub.billing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A manager decides a postpay review in Tasklist, in a real (headless) Chromium (PP-3, PP-4, PP-5): the task is in
 * the "Review queue" filter, the rendered Camunda Form shows the account and order read-only, a decline without a
 * reason is stopped by the form's validation, an approval provisions the order.
 */
@IntegrationTest
class TasklistBrowserIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;

  BillingApi api;
  Browser browser;

  @BeforeEach
  void setUp() {
    api = new BillingApi(http, identity);
    api.awaitLogin("manager");
    api.mode("MANUAL", "COMMERCIAL");
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void PP3_PP4_PP5_aManagerClaimsTheReviewInTasklistSeesTheFacts_aDeclineNeedsAReason_approvalProvisions() {
    Customer customer = api.account("NOT_VERIFIED");
    long planId = demoPlan("cloud-server-m");
    ResponseEntity<Map<String, Object>> placed = api.customerOrders(customer, planId, false);
    assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
    assertThat(placed.getBody()).containsEntry("status", "PENDING_APPROVAL");
    long orderId = BillingApi.id(placed.getBody());
    String accountName = (String) api.operatorAccount(customer.accountId()).get("name");
    String taskId = (String) api.reviewTasks(customer.accountId()).get(0).get("id");

    browser = Browser.open("http://localhost:" + port, getClass().getSimpleName());
    try {
      browser.loginToWebapp("tasklist", "manager", "manager");

      // The "Review queue" filter lists the tasks of the manager's groups, newest first.
      browser.click(By.xpath("//*[contains(@class,'task-filter')]//h4[@uib-tooltip='Review queue']/a"));
      browser.visible(By.cssSelector("a[href*='task=" + taskId + "']"));
      browser.screenshot("tasklist-review-queue");
      browser.click(By.cssSelector("a[href*='task=" + taskId + "']"));

      browser.click(By.cssSelector("button.claim"));
      WebElement name = browser.visible(By.cssSelector("input[id$='Field_AccountName']"));
      browser.until(d -> accountName.equals(name.getDomProperty("value")));
      assertThat(name.getDomProperty("readOnly")).isEqualTo("true");
      WebElement plan = browser.visible(By.cssSelector("input[id$='Field_PlanName']"));
      assertThat(plan.getDomProperty("value")).startsWith("Cloud Server M");
      assertThat(plan.getDomProperty("readOnly")).isEqualTo("true");
      assertThat(browser.visible(By.cssSelector("input[id$='Field_PlanPrice']")).getDomProperty("value"))
          .endsWith("EUR per month");
      assertThat(browser.visible(By.cssSelector("input[id$='Field_OwnerName']")).getDomProperty("value"))
          .isEqualTo("Olga Owner");
      assertThat(browser.driver().findElements(By.tagName("textarea"))).as("no reason box yet").isEmpty();
      browser.screenshot("tasklist-claimed-form-with-facts");

      // Decline without a reason: the form shows the reason box, refuses to complete and says why.
      browser.click(By.cssSelector("input[type='radio'][id$='Field_Approved-1']"));
      browser.visible(By.tagName("textarea"));
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      WebElement error = browser.visible(By.cssSelector(".fjs-form-field-error"));
      assertThat(error.getText()).containsIgnoringCase("required");
      browser.screenshot("tasklist-decline-without-reason-is-stopped");
      assertThat(api.reviewTasks(customer.accountId())).extracting(t -> t.get("id")).containsExactly(taskId);

      // Approve. Tasklist keeps Complete disabled after a refused submission; the manager reloads the task.
      browser.driver().navigate().refresh();
      browser.visible(By.cssSelector("input[id$='Field_AccountName']"));
      browser.click(By.cssSelector("input[type='radio'][id$='Field_Approved-0']"));
      browser.until(d -> d.findElements(By.tagName("textarea")).isEmpty());
      browser.screenshot("tasklist-approve-chosen");
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      await().atMost(Duration.ofSeconds(30)).until(() -> api.reviewTasks(customer.accountId()).isEmpty());
      browser.until(d -> d.findElements(By.cssSelector("a[href*='task=" + taskId + "']")).isEmpty());
      browser.screenshot("tasklist-task-completed");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("failure");
      browser.dumpPage("failure");
      throw e;
    }

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.operatorOrder(orderId)).containsEntry("status", "PROVISIONED"));
    Map<String, Object> order = api.call(customer.userId(), org.springframework.http.HttpMethod.GET,
        "/api/customer/orders/" + orderId, null).getBody();
    assertThat(order).containsEntry("status", "PROVISIONED");
    assertThat(api.operatorOrder(orderId)).containsEntry("approvedBy", "manager");
    assertThat(api.operatorAccount(customer.accountId())).containsEntry("postpayPermission", "APPROVED");
  }

  private long demoPlan(String code) {
    List<Map<String, Object>> plans = api.list("manager", "/api/operator/plans").getBody();
    return plans.stream().filter(p -> code.equals(p.get("code"))).map(BillingApi::id).findFirst().orElseThrow();
  }
}
