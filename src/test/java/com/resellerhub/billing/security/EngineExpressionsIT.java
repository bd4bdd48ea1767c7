package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.support.WebappSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SEC-4: no caller-supplied expression is evaluated, on either REST surface, in any query shape, for any staff role.
 * Each probe would sleep 5 s if the engine evaluated it (Camunda 7.24.0 CE evaluates {@code orQueries} expressions
 * with reflection); each must be refused at once with a 400 that names no engine class, and the shipped Tasklist
 * filters, whose stored queries use {@code ${currentUser()}} and {@code ${currentUserGroups()}}, keep working.
 */
@IntegrationTest
class EngineExpressionsIT {

  static final String SLEEP = "${''.getClass().forName('java.lang.Thread').getMethod('sleep', "
      + "''.getClass().forName('java.lang.Long').getField('TYPE').get(null)).invoke(null, 5000)}";
  static final Duration AT_ONCE = Duration.ofSeconds(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;
  String reviewQueue;

  @BeforeEach
  void filters() {
    reviewQueue = filterService.createTaskFilterQuery().filterName("Review queue").singleResult().getId();
  }

  /** Where an expression can hide: resource, method, body (or query string), and the field the refusal names. */
  record Probe(String name, String method, String resource, String body, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Probe> corpus() throws Exception {
    String or = JSON.writeValueAsString(Map.of("orQueries", List.of(Map.of("assigneeExpression", SLEEP))));
    return List.of(
        new Probe("top level", "POST", "/task", JSON.writeValueAsString(Map.of("assigneeExpression", SLEEP)),
            "assigneeExpression"),
        new Probe("orQueries", "POST", "/task", or, "orQueries[0].assigneeExpression"),
        new Probe("second orQuery", "POST", "/task", JSON.writeValueAsString(Map.of("orQueries",
            List.of(Map.of("name", "x"), Map.of("candidateGroupInExpression", SLEEP)))),
            "orQueries[1].candidateGroupInExpression"),
        new Probe("nested orQueries", "POST", "/task", JSON.writeValueAsString(Map.of("orQueries",
            List.of(Map.of("orQueries", List.of(Map.of("dueBeforeExpression", SLEEP)))))),
            "orQueries[0].orQueries[0].dueBeforeExpression"),
        new Probe("count", "POST", "/task/count", or, "orQueries[0].assigneeExpression"),
        new Probe("filter list, extending body", "POST", "/filter/REVIEW_QUEUE/list", or,
            "orQueries[0].assigneeExpression"),
        new Probe("filter count, extending body", "POST", "/filter/REVIEW_QUEUE/count", or,
            "orQueries[0].assigneeExpression"),
        new Probe("query parameter", "GET", "/task?assigneeExpression="
            + URLEncoder.encode(SLEEP, StandardCharsets.UTF_8), null, "assigneeExpression"),
        new Probe("filter saved by a caller", "POST", "/filter/create", JSON.writeValueAsString(Map.of(
            "resourceType", "Task", "name", "evil", "query", Map.of("assigneeExpression", SLEEP))),
            "query.assigneeExpression"));
  }

  static Stream<Arguments> restProbes() {
    return Stream.of("manager", "analyst", "admin").flatMap(user -> probes().map(p -> Arguments.of(user, p)));
  }

  static Stream<Probe> probes() {
    try {
      return corpus().stream();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "/engine-rest as {0}: {1}")
  @MethodSource("restProbes")
  void SEC4_noExpressionIsEvaluatedThroughTheEngineRestApi(String user, Probe probe) {
    long start = System.nanoTime();
    String resource = probe.resource().replace("REVIEW_QUEUE", reviewQueue);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = http.withBasicAuth(user, user).exchange("/engine-rest" + resource,
        HttpMethod.valueOf(probe.method()), new HttpEntity<>(probe.body(), headers), String.class);
    assertRefusedAtOnce(user, answer.getStatusCode().value(), answer.getBody(), probe, start);
  }

  static Stream<Arguments> webappProbes() {
    return Stream.of(Arguments.of("manager", "tasklist"), Arguments.of("analyst", "cockpit"),
        Arguments.of("admin", "admin")).flatMap(a -> probes().map(p -> Arguments.of(a.get()[0], a.get()[1], p)));
  }

  @ParameterizedTest(name = "webapps' engine API as {0} ({1}): {2}")
  @MethodSource("webappProbes")
  void SEC4_noExpressionIsEvaluatedThroughTheWebappsEngineApi(String user, String app, Probe probe) {
    WebappSession session = WebappSession.login(port, app, user, user);
    assertThat(session.loginStatus).isEqualTo(200);
    long start = System.nanoTime();
    HttpResponse<String> answer = session.engine(probe.method(),
        probe.resource().replace("REVIEW_QUEUE", reviewQueue), probe.body());
    assertRefusedAtOnce(user, answer.statusCode(), answer.body(), probe, start);
  }

  private static void assertRefusedAtOnce(String user, int status, String body, Probe probe, long start) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (user.equals("analyst") && probe.resource().equals("/filter/create")) {
      // SEC-5 comes first: analysts save nothing, expression or not.
      assertThat(status).as("%s: %s", probe, body).isEqualTo(403);
      assertThat(body).contains("\"rule\":\"analysts-read-only\"");
    } else {
      assertThat(status).as("%s: %s", probe, body).isEqualTo(400);
      assertThat(body).contains("\"rule\":\"expression-not-allowed\"")
          .contains("\"field\":\"" + probe.field() + "\"");
    }
    assertThat(body).doesNotContain("org.camunda").doesNotContain("Exception");
    assertThat(took).as("refused before anything was evaluated").isLessThan(AT_ONCE);
  }

  @Test
  void SEC4_theShippedTasklistFiltersStillListTheirTasks() {
    for (String name : List.of("Review queue", "My tasks")) {
      String id = filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
      ResponseEntity<String> rest = http.withBasicAuth("manager", "manager").exchange(
          "/engine-rest/filter/" + id + "/list", HttpMethod.POST, json("{}"), String.class);
      assertThat(rest.getStatusCode().value()).as(name).isEqualTo(200);
      ResponseEntity<String> count = http.withBasicAuth("manager", "manager").getForEntity(
          "/engine-rest/filter/" + id + "/count", String.class);
      assertThat(count.getStatusCode().value()).as(name).isEqualTo(200);
      HttpResponse<String> webapp = WebappSession.login(port, "tasklist", "manager", "manager")
          .engine("POST", "/filter/" + id + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":"
              + "\"created\",\"sortOrder\":\"desc\"}]}");
      assertThat(webapp.statusCode()).as(name + " in Tasklist").isEqualTo(200);
    }
  }

  @Test
  void SEC4_anAdminSavesATasklistFilterWithTasklistsOwnExpressions_butNoOther() throws Exception {
    String safe = JSON.writeValueAsString(Map.of("resourceType", "Task", "name", "Due soon (SEC4 test)",
        "query", Map.of("assigneeExpression", "${currentUser()}", "dueBeforeExpression",
            "${dateTime().plusDays(2).toDate()}")));
    ResponseEntity<Map> saved = http.withBasicAuth("admin", "admin").exchange("/engine-rest/filter/create",
        HttpMethod.POST, json(safe), Map.class);
    assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
    String id = (String) saved.getBody().get("id");
    try {
      ResponseEntity<String> listed = http.withBasicAuth("admin", "admin").exchange(
          "/engine-rest/filter/" + id + "/list", HttpMethod.POST, json("{}"), String.class);
      assertThat(listed.getStatusCode().value()).isEqualTo(200);
      ResponseEntity<String> manager = http.withBasicAuth("manager", "manager").exchange(
          "/engine-rest/filter/create", HttpMethod.POST, json(safe), String.class);
      assertThat(manager.getStatusCode().value()).as("only an admin saves filters with expressions")
          .isEqualTo(400);
    } finally {
      filterService.deleteFilter(id);
    }
  }

  @Test
  void SEC4_aStoredFilterHoldingAnyOtherExpressionIsNotRun() {
    Filter evil = filterService.newTaskFilter("Planted (SEC4 test)")
        .setQuery(taskService.createTaskQuery().taskAssigneeExpression(SLEEP));
    filterService.saveFilter(evil);
    try {
      long start = System.nanoTime();
      ResponseEntity<String> listed = http.withBasicAuth("admin", "admin").exchange(
          "/engine-rest/filter/" + evil.getId() + "/list", HttpMethod.POST, json("{}"), String.class);
      assertThat(listed.getStatusCode().value()).isEqualTo(400);
      assertThat(listed.getBody()).contains("expression-not-allowed").doesNotContain("org.camunda");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
      HttpResponse<String> webapp = WebappSession.login(port, "tasklist", "manager", "manager")
          .engine("GET", "/filter/" + evil.getId() + "/count", null);
      assertThat(webapp.statusCode()).isEqualTo(400);
      // Tasklist's own listing of the filters with their counts runs every stored query too
      for (String path : List.of("/engine-rest/filter?itemCount=true",
          "/engine-rest/filter/" + evil.getId() + "?itemCount=true")) {
        long begin = System.nanoTime();
        ResponseEntity<String> counted = http.withBasicAuth("admin", "admin").getForEntity(path, String.class);
        assertThat(counted.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(AT_ONCE);
      }
    } finally {
      filterService.deleteFilter(evil.getId());
    }
  }

  @Test
  void SEC4_theEngineReadsExactlyTheBodyThatWasChecked_otherCharsetsAndTrailingValuesAreRefused() throws Exception {
    // In x-IBM943 the byte 0x5C is a yen sign, not a backslash: read as UTF-8 the body below ends after "a\":":1",
    // read as x-IBM943 its second half is an orQueries expression.
    String smuggled = "{\"a\\\":\":1}\",\"orQueries\":[{\"assigneeExpression\":\"" + SLEEP.replace("\"", "") + "\"}]}";
    HttpHeaders ibm = new HttpHeaders();
    ibm.set("Content-Type", "application/json; charset=x-IBM943");
    long start = System.nanoTime();
    ResponseEntity<String> charset = http.withBasicAuth("manager", "manager").exchange(
        "/engine-rest/filter/" + reviewQueue + "/list", HttpMethod.POST, new HttpEntity<>(smuggled, ibm), String.class);
    assertThat(charset.getStatusCode().value()).isEqualTo(415);
    assertThat(charset.getBody()).contains("\"rule\":\"charset\"");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);

    ResponseEntity<String> trailing = http.withBasicAuth("manager", "manager").exchange(
        "/engine-rest/task", HttpMethod.POST, json("{\"name\":\"x\"} " + JSON.writeValueAsString(
            Map.of("orQueries", List.of(Map.of("assigneeExpression", SLEEP))))), String.class);
    assertThat(trailing.getStatusCode().value()).isEqualTo(400);
    assertThat(trailing.getBody()).contains("\"rule\":\"malformed\"");

    ResponseEntity<String> utf8 = http.withBasicAuth("manager", "manager").exchange(
        "/engine-rest/task/count", HttpMethod.POST, json("{\"processDefinitionKey\":\"postpay-approval\"}"),
        String.class);
    assertThat(utf8.getStatusCode().value()).as("a plain UTF-8 query still works").isEqualTo(200);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
