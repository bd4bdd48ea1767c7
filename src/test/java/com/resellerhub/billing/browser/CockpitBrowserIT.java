package com.resellerhub.billing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * An analyst watches the postpay approvals in Cockpit, in a real (headless) Chromium, and cannot work on them
 * (SEC-2): Tasklist refuses the analyst's login, and Camunda's REST API refuses to complete the task.
 */
@IntegrationTest
class CockpitBrowserIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;

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
  void SEC2_anAnalystSeesTheRunningPostpayApprovalInCockpit_butCannotCompleteItsTask() {
    Customer customer = api.account("NOT_VERIFIED");
    long planId = api.plan("POSTPAY", false);
    assertThat(api.customerOrders(customer, planId, false).getBody()).containsEntry("status", "PENDING_APPROVAL");
    String taskId = (String) api.reviewTasks(customer.accountId()).get(0).get("id");
    String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("postpay-approval")
        .processInstanceBusinessKey(String.valueOf(customer.accountId())).singleResult().getId();

    browser = Browser.open("http://localhost:" + port, getClass().getSimpleName());
    try {
      browser.loginToWebapp("cockpit", "analyst", "analyst");
      browser.visible(By.xpath("//*[contains(normalize-space(text()),'Running Process Instances')]"));
      browser.screenshot("cockpit-dashboard");

      browser.go("/camunda/app/cockpit/default/#/processes");
      browser.click(By.xpath("//a[normalize-space()='Postpay approval']"));
      browser.visible(By.cssSelector("svg, .djs-container"));
      browser.visible(By.xpath("//a[contains(@href,'" + instanceId + "')]"));
      browser.screenshot("cockpit-postpay-approval-instances");

      browser.go("/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime");
      browser.visible(By.cssSelector(".djs-container"));
      browser.visible(By.xpath("//td[normalize-space()='accountName']"));
      browser.screenshot("cockpit-process-instance");

      // Tasklist is not the analyst's application: with the Cockpit session, Tasklist answers 403 Forbidden.
      browser.go("/camunda/app/tasklist/default/");
      browser.until(d -> d.getPageSource().contains("Forbidden") && d.getPageSource().contains("403"));
      assertThat(browser.driver().findElements(By.xpath("//*[normalize-space()='Claim']"))).isEmpty();
      browser.screenshot("tasklist-refuses-analyst");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("failure");
      browser.dumpPage("failure");
      throw e;
    }

    ResponseEntity<String> complete = http.withBasicAuth("analyst", "analyst").postForEntity(
        "/engine-rest/task/" + taskId + "/complete", BillingApi.json(Map.of()), String.class);
    assertThat(complete.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> claim = http.withBasicAuth("analyst", "analyst").postForEntity(
        "/engine-rest/task/" + taskId + "/claim", BillingApi.json(Map.of("userId", "analyst")), String.class);
    assertThat(claim.getStatusCode().value()).isEqualTo(403);
    assertThat(api.reviewTasks(customer.accountId())).extracting(t -> t.get("id")).containsExactly(taskId);
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + customer.accountId(), null).getBody())
        .containsEntry("postpayPermission", "UNDER_REVIEW");
  }
}
