package com.resellerhub.billing.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.browser.Browser;
import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * COL-2 in a real (headless) Chromium: a manager finds "Review overdue account" in the "Overdue accounts" filter of
 * Tasklist, claims it, reads the facts on the form (read-only), grants a promised payment; its credit pays the overdue
 * payment and the collection ends.
 */
@IntegrationTest
class CollectionsBrowserIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired EngineClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;

  BillingApi api;
  CollectionScenario scenario;
  Browser browser;

  @BeforeEach
  void setUp() {
    api = new BillingApi(http, identity);
    api.awaitLogin("manager");
    api.mode("AUTOMATIC", "COMMERCIAL");
    scenario = new CollectionScenario(api, clock, jdbc);
    scenario.reseller(5, "10");
    scenario.at(LocalDate.now().plusYears(5).withDayOfMonth(1), LocalTime.of(6, 0));
    scenario.plan = scenario.plan(2);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
    clock.reset();
    scenario.reseller(30, "500");
  }

  @Test
  void COL2_aManagerOpensTheReviewInTasklist_seesTheFacts_andGrantsAPromise() {
    long offer = scenario.offer();
    Customer c = api.account("APPROVED");
    CollectionScenario.Sub sub = scenario.paidSubscription(c);
    LocalDate e = sub.expiresOn();
    long payment = scenario.renewalPayment(c, sub, e);
    scenario.createAndMarkOverdue(e.plusDays(1));
    scenario.startCollections();
    scenario.at(e.plusDays(1), LocalTime.of(9, 1));
    await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(String.valueOf(payment)).taskDefinitionKey("Task_ReviewOverdueAccount")
        .count() == 1);
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(payment)).singleResult().getId();
    String accountName = (String) api.operatorAccount(c.accountId()).get("name");

    browser = Browser.open("http://localhost:" + port, getClass().getSimpleName());
    try {
      browser.loginToWebapp("tasklist", "manager", "manager");
      browser.click(By.xpath("//*[contains(@class,'task-filter')]//h4[@uib-tooltip='Overdue accounts']/a"));
      browser.visible(By.cssSelector("a[href*='task=" + taskId + "']"));
      browser.screenshot("tasklist-overdue-accounts");
      browser.click(By.cssSelector("a[href*='task=" + taskId + "']"));
      browser.click(By.cssSelector("button.claim"));

      WebElement account = browser.visible(By.cssSelector("input[id$='Field_AccountName']"));
      browser.until(d -> String.valueOf(account.getDomProperty("value")).startsWith(accountName));
      assertThat(account.getDomProperty("readOnly")).isEqualTo("true");
      assertThat(browser.visible(By.cssSelector("input[id$='Field_OverdueTotal']")).getDomProperty("value"))
          .isEqualTo("49.00 EUR");
      assertThat(browser.visible(By.cssSelector("textarea[id$='Field_Subscriptions']")).getDomProperty("value"))
          .contains("Subscription " + sub.id()).contains("PAYMENT_OVERDUE");
      assertThat(browser.visible(By.cssSelector("textarea[id$='Field_PromiseOffers']")).getDomProperty("value"))
          .contains("Offer " + offer);
      assertThat(browser.visible(By.cssSelector("input[id$='Field_SuspendOn']")).getDomProperty("value"))
          .isEqualTo(e.plusDays(3).toString());
      browser.screenshot("tasklist-review-overdue-account");

      browser.click(By.cssSelector("input[type='radio'][id$='Field_Decision-1']"));
      By offerField = By.cssSelector("input[id$='Field_OfferId']");
      browser.type(offerField, String.valueOf(offer));
      // the form takes a typed value after its input debounce (about 300 ms)
      browser.until(d -> {
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return String.valueOf(offer).equals(d.findElement(offerField).getDomProperty("value"));
      });
      browser.screenshot("tasklist-review-grant-promise");
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | AssertionError failure) {
      browser.screenshot("failure");
      browser.dumpPage("failure");
      throw failure;
    }

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.call("manager", HttpMethod.GET,
        "/api/operator/collections/" + payment, null).getBody()).containsEntry("status", "SETTLED"));
    assertThat(scenario.status(sub.id())).isEqualTo("ACTIVE");
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/payments/" + payment, null).getBody())
        .containsEntry("status", "PAID_FROM_BALANCE");
  }
}
