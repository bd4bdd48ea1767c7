package com.resellerhub.billing.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.BillingApi.Customer;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Health, Prometheus gauges and the OpenAPI description with Swagger UI (OPS-4). */
@IntegrationTest
class OperationsIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountService accounts;
  @Autowired com.resellerhub.billing.account.AccountBlocks blocks;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  /**
   * Another test's wrong-password login makes Camunda's identity service refuse the manager for a few seconds (its
   * login delay); wait until the manager is let in again.
   */
  @org.junit.jupiter.api.BeforeEach
  void managerCanLogIn() {
    await().atMost(Duration.ofSeconds(60)).until(() ->
        http.withBasicAuth("manager", "manager").getForEntity("/api/me", String.class).getStatusCode().value() == 200);
  }

  @Test
  void OPS4_healthIncludesTheProcessEngineAndTheJobExecutor() {
    ResponseEntity<Map<String, Object>> health = http.withBasicAuth("admin", "admin").exchange("/actuator/health",
        HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).containsEntry("status", "UP");
    @SuppressWarnings("unchecked")
    Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
    assertThat(components).containsKeys("processEngine", "jobExecutor", "db");
    assertThat(components.get("jobExecutor").toString()).contains("UP");
  }

  @Test
  void OPS4_prometheusShowsTheOperatorsGaugesWithTheDatabasesValues() {
    BillingApi api = new BillingApi(http, identity);
    api.mode("MANUAL", "COMMERCIAL");
    Customer reviewed = api.account("NOT_VERIFIED");
    assertThat(api.customerOrders(reviewed, api.plan("POSTPAY", false), false).getBody())
        .containsEntry("status", "PENDING_APPROVAL");
    String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("postpay-approval")
        .processInstanceBusinessKey(String.valueOf(reviewed.accountId())).singleResult().getId();
    String executionId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getExecutionId();
    Incident incident = runtime.createIncident("ops4-probe", executionId, "a test incident");
    Customer blocked = api.account("APPROVED");
    blocks.block(blocked.accountId(), com.resellerhub.billing.account.BlockCause.MANAGER, "ops4-test", "test");
    // An overdue payment: a prepaid order's payment, five days later (its expiry has passed), marked overdue.
    Customer late = api.account("APPROVED");
    assertThat(api.customerOrders(late, api.plan("PREPAY", false), false).getBody())
        .containsEntry("status", "AWAITING_PAYMENT");
    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/clock", Map.of("advanceBy", "P5D")).getStatusCode()
        .value()).isEqualTo(200);
    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/payments/mark-overdue", null).getStatusCode().value())
        .isEqualTo(200);
    try {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        Map<String, Long> gauges = gauges();
        assertThat(gauges.get("billing_incidents_open"))
            .isEqualTo(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).isPositive();
        assertThat(gauges.get("billing_approval_tasks_open")).isEqualTo(count(
            "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewPostpayPermission'")).isPositive();
        assertThat(gauges.get("billing_accounts_blocked"))
            .isEqualTo(count("SELECT COUNT(*) FROM account WHERE status = 'BLOCKED'")).isPositive();
        assertThat(gauges.get("billing_subscriptions_suspended"))
            .isEqualTo(count("SELECT COUNT(*) FROM subscription WHERE status = 'SUSPENDED'"));
        assertThat(gauges.get("billing_subscriptions_terminated"))
            .isEqualTo(count("SELECT COUNT(*) FROM subscription WHERE status = 'TERMINATED'"));
        assertThat(gauges.get("billing_payments_overdue_amount")).as("COL: the overdue total (whole units)")
            .isEqualTo(count("SELECT FLOOR(COALESCE(SUM(amount), 0)) FROM payment WHERE status = 'OVERDUE'"))
            .isPositive();
        assertThat(gauges.get("billing_collections_open"))
            .isEqualTo(count("SELECT COUNT(*) FROM collection WHERE status = 'OPEN'"));
        assertThat(gauges.get("billing_collections_reviews_open"))
            .isEqualTo(count("SELECT COUNT(*) FROM collection WHERE review_open = TRUE"));
        assertThat(gauges.get("billing_jobs_executable")).isEqualTo(count("SELECT COUNT(*) FROM ACT_RU_JOB"
            + " WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= NOW())"));
        assertThat(gauges.get("billing_payments_overdue"))
            .isEqualTo(count("SELECT COUNT(*) FROM payment WHERE status = 'OVERDUE'")).isPositive();
        assertThat(gauges.get("billing_promised_payments_active"))
            .isEqualTo(count("SELECT COUNT(*) FROM promised_payment WHERE status = 'ACTIVE'"));
      });
    } finally {
      runtime.resolveIncident(incident.getId());
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void OPS4_SEC1_theOpenApiDescriptionCoversEveryEndpointOfOurApi_inGroups_withHttpBasic() {
    Set<String> endpoints = new HashSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")) {
          info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + path));
        }
      }
    }
    assertThat(endpoints).hasSizeGreaterThan(20);

    assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(401);
    Map<String, Object> all = apiDocs("/v3/api-docs");
    assertThat(operations(all)).containsAll(endpoints);
    assertThat(all.get("components").toString()).contains("basicAuth").contains("type=http").contains("scheme=basic");

    Set<String> grouped = new HashSet<>();
    for (String group : List.of("operator", "customer", "erp", "admin")) {
      Map<String, Object> doc = apiDocs("/v3/api-docs/" + group);
      assertThat(doc.get("security").toString()).contains("basicAuth");
      Set<String> ops = operations(doc);
      String prefix = "/api/" + group + "/";
      assertThat(ops).allSatisfy(op -> assertThat(op).matches("\\w+ (" + prefix + ".*|/api/me|/api/public/.*)"));
      grouped.addAll(ops);
    }
    assertThat(grouped).containsAll(endpoints);
  }

  @Test
  void OPS4_swaggerUiLoadsForAnAuthenticatedUser() {
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(401);
    ResponseEntity<String> ui = http.withBasicAuth("manager", "manager").getForEntity("/swagger-ui/index.html",
        String.class);
    assertThat(ui.getStatusCode().value()).isEqualTo(200);
    assertThat(ui.getBody()).contains("swagger-ui");
    ResponseEntity<String> config = http.withBasicAuth("manager", "manager")
        .getForEntity("/v3/api-docs/swagger-config", String.class);
    assertThat(config.getBody()).contains("operator").contains("customer").contains("erp").contains("admin");
  }

  private Map<String, Object> apiDocs(String path) {
    ResponseEntity<Map<String, Object>> doc = http.withBasicAuth("manager", "manager").exchange(path,
        HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(doc.getStatusCode().value()).as(path).isEqualTo(200);
    return doc.getBody();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> operations(Map<String, Object> doc) {
    Set<String> ops = new HashSet<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.getOrDefault("paths", Map.of());
    paths.forEach((path, methods) -> methods.keySet().forEach(m -> ops.add(m.toUpperCase() + " " + path)));
    return ops;
  }

  private Map<String, Long> gauges() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setAccept(List.of(org.springframework.http.MediaType.TEXT_PLAIN));
    ResponseEntity<String> scrape = http.withBasicAuth("admin", "admin").exchange("/actuator/prometheus",
        HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
    assertThat(scrape.getStatusCode().value()).as("%s", scrape.getBody()).isEqualTo(200);
    String text = scrape.getBody();
    Map<String, Long> values = new java.util.HashMap<>();
    Matcher m = Pattern.compile("(?m)^(billing_\\w+)(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
    while (m.find()) {
      values.put(m.group(1), (long) Double.parseDouble(m.group(2)));
    }
    assertThat(values).containsKeys("billing_incidents_open", "billing_jobs_executable",
        "billing_approval_tasks_open", "billing_payments_overdue", "billing_promised_payments_active",
        "billing_accounts_blocked", "billing_subscriptions_suspended", "billing_subscriptions_terminated",
        "billing_payments_overdue_amount", "billing_collections_open", "billing_collections_reviews_open").as(text.substring(0, Math.min(500, text.length())));
    return values;
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

}
