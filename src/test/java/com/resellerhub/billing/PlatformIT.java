package com.resellerhub.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import jakarta.persistence.EntityManagerFactory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The platform on a real MySQL-compatible database: schema (OPS-2), security (SEC-1, SEC-2), clock (OPS-5). */
@IntegrationTest
class PlatformIT {

  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManagerFactory entityManagerFactory;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Value("${billing.it.database}") String database;
  @LocalServerPort int port;
  String base;

  @org.junit.jupiter.api.BeforeEach
  void base() {
    base = "http://localhost:" + port;
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void OPS2_liquibaseCreatedEveryTableTheEnginesIncludedAndASecondRunHasNothingToDo() throws Exception {
    List<String> tables = jdbc.queryForList(
        "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = ?", String.class, database);
    assertThat(tables).contains("act_ru_task", "act_ru_job", "act_hi_procinst", "act_id_user", "act_re_deployment",
        "act_ru_authorization", "reseller", "account", "account_user", "databasechangelog");
    assertThat(engineConfiguration.getDatabaseSchemaUpdate()).isEqualTo("false");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '7.24.0-tag'", Integer.class))
        .as("Camunda's own changelog ran through Liquibase").isEqualTo(1);

    try (Connection connection = dataSource.getConnection()) {
      Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.xml",
          new ClassLoaderResourceAccessor(), db)) {
        assertThat(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())).isEmpty();
      }
    }
  }

  @Test
  void OPS2_theConnectionRunsReadCommittedAndHibernateSpeaksTheServersDialect() {
    assertThat(jdbc.queryForObject("SELECT @@tx_isolation", String.class)).isEqualTo("READ-COMMITTED");
    String version = jdbc.queryForObject("SELECT VERSION()", String.class);
    var dialect = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    if (version.toLowerCase().contains("mariadb")) {
      assertThat(dialect).isInstanceOf(MariaDBDialect.class);
    } else {
      assertThat(dialect).isNotInstanceOf(MariaDBDialect.class);
    }
  }

  @ParameterizedTest(name = "{0} {1} without credentials answers 401")
  @CsvSource({
      "GET, /api/operator/settings", "GET, /api/customer/account", "POST, /api/erp/acts/1/confirm",
      "GET, /api/admin/clock", "GET, /api/me", "GET, /engine-rest/task", "GET, /engine-rest/process-definition",
      "GET, /camunda/api/engine/engine/default/task", "GET, /v3/api-docs", "GET, /actuator/prometheus"})
  void SEC1_nothingIsReachableWithoutAuthentication(HttpMethod method, String path) {
    ResponseEntity<String> response = http.exchange(path, method, json(null), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void SEC1_loginPagesStaticAssetsAndHealthAreOpen() {
    assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
    assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void SEC1_theWebappsFirstAdminSetupIsClosed() {
    ResponseEntity<String> response = http.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
        json(Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x"))), String.class);
    assertThat(response.getStatusCode().is4xxClientError()).isTrue();
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @ParameterizedTest(name = "{0} on {1} {2} answers {3}")
  @CsvSource({
      "customer, GET, /api/operator/settings, 403",
      "analyst, GET, /api/operator/settings, 403",
      "erp, GET, /api/customer/account, 403",
      "manager, GET, /api/customer/account, 403",
      "customer, POST, /api/erp/acts/1/confirm, 403",
      "manager, GET, /api/admin/clock, 403",
      "admin, GET, /api/admin/clock, 200",
      "customer, GET, /api/me, 200"})
  void SEC2_eachRoleReachesOnlyItsOwnApi(String user, HttpMethod method, String path, int status) {
    ResponseEntity<String> response = http.withBasicAuth(user, user).exchange(path, method, json(null), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    if (status >= 400) {
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void SEC2_aCustomerIsLinkedToItsAccount() {
    Map<String, Object> me = http.withBasicAuth("customer", "customer")
        .exchange("/api/me", HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {})
        .getBody();
    assertThat(me).containsEntry("userId", "customer");
    assertThat(me.get("accountId")).isNotNull();
  }

  @Test
  void SEC2_analystsReadTasksThroughTheEngineRestApiButCannotCompleteThem_managersCan() {
    repositoryService.createDeployment().addClasspathResource("review-probe.bpmn").deploy();
    String instanceId = runtimeService.startProcessInstanceByKey("review-probe", "sec2-probe").getId();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    ResponseEntity<List<Map<String, Object>>> seen = http.withBasicAuth("analyst", "analyst").exchange(
        "/engine-rest/task?processInstanceId=" + instanceId, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(seen.getBody()).extracting(t -> t.get("id")).containsExactly(taskId);

    ResponseEntity<String> analystCompletes = http.withBasicAuth("analyst", "analyst").exchange(
        "/engine-rest/task/" + taskId + "/complete", HttpMethod.POST, json(Map.of()), String.class);
    assertThat(analystCompletes.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> customerReads = http.withBasicAuth("customer", "customer").exchange(
        "/engine-rest/task?processInstanceId=" + instanceId, HttpMethod.GET, null, String.class);
    assertThat(customerReads.getStatusCode()).as("SEC-5: customers never reach the engine").isEqualTo(
        HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    ResponseEntity<String> managerCompletes = http.withBasicAuth("manager", "manager").exchange(
        "/engine-rest/task/" + taskId + "/complete", HttpMethod.POST, json(Map.of()), String.class);
    assertThat(managerCompletes.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndTime()).isNotNull();
  }

  @Test
  void OPS5_anAdminMovesTheClockAndTheEnginesTimersFire() {
    repositoryService.createDeployment().addClasspathResource("clock-probe.bpmn").deploy();
    String instanceId = runtimeService.startProcessInstanceByKey("clock-probe", "ops5-probe").getId();

    ResponseEntity<Map<String, Object>> moved = http.withBasicAuth("admin", "admin").exchange("/api/admin/clock",
        HttpMethod.POST, json(Map.of("advanceBy", "PT2H")), new ParameterizedTypeReference<>() {});
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    Instant now = Instant.parse((String) moved.getBody().get("now"));
    assertThat(Duration.between(Instant.now().plus(Duration.ofHours(2)), now).abs()).isLessThan(Duration.ofMinutes(1));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
        runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero());
  }

  @Test
  void SEC3_aBadClockRequestIsAProblemNamingTheField() {
    ResponseEntity<Map<String, Object>> response = http.withBasicAuth("admin", "admin").exchange("/api/admin/clock",
        HttpMethod.POST, json(Map.of("advanceBy", "tomorrow")), new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("field", "advanceBy").containsEntry("rule", "type");

    ResponseEntity<Map<String, Object>> neither = http.withBasicAuth("admin", "admin").exchange("/api/admin/clock",
        HttpMethod.POST, json(Map.of()), new ParameterizedTypeReference<>() {});
    assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(neither.getBody()).containsEntry("field", "set");
  }

  @Test
  void SEC3_anUnknownPathIsAProblemToo() {
    ResponseEntity<Map<String, Object>> response = http.withBasicAuth("manager", "manager").exchange(
        "/api/operator/no-such-thing", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("status", 404);
  }

  @ParameterizedTest(name = "{0} logs in to {1}: {2}")
  @CsvSource({
      "manager, tasklist, 200", "manager, cockpit, 403",
      "analyst, cockpit, 200", "analyst, tasklist, 403",
      "admin, admin, 200", "customer, tasklist, 403", "erp, cockpit, 403", "throwaway, tasklist-wrong-password, 401"})
  void SEC2_webappLoginFollowsTheRole(String user, String app, int status) throws Exception {
    boolean wrongPassword = app.endsWith("-wrong-password");
    if (wrongPassword) {
      // Failed logins count towards the login throttle (SEC-7): never do it to a user other tests log in as.
      user = "wrongpw" + System.nanoTime();
      org.camunda.bpm.engine.identity.User u = identityService.newUser(user);
      u.setPassword(user);
      identityService.saveUser(u);
    }
    String webapp = wrongPassword ? app.replace("-wrong-password", "") : app;
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + webapp + "/default/")).build(),
        BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + webapp))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + (wrongPassword ? "nope" : user)))
        .build(), BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(status);
  }

  @Test
  void camundaAdminIsPopulated() {
    Set<String> adminMembers = new HashSet<>();
    identityService.createUserQuery().memberOfGroup("camunda-admin").list().forEach(u -> adminMembers.add(u.getId()));
    assertThat(adminMembers).contains("admin");
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
