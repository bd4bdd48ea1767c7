package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.support.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SEC-5: Camunda's REST API serves staff only, and analysts change nothing. Every finding of the review is
 * reproduced: customers and {@code erp} reading engine metadata, renaming or deleting their own Camunda user, the
 * message endpoint as an existence oracle, analysts writing comments, {@code identity/verify} as a password oracle.
 */
@IntegrationTest
class EngineRoleGateIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;
  String taskId;

  @BeforeEach
  void aTask() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("review-probe").count() == 0) {
      repositoryService.createDeployment().addClasspathResource("review-probe.bpmn").deploy();
    }
    String instance = runtimeService.startProcessInstanceByKey("review-probe", "sec5-probe").getId();
    taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
    return client.exchange(path.replace("TASK", taskId), method, new HttpEntity<>(body, headers), String.class);
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource(delimiter = '|', value = {
      "-|GET|/engine-rest/engine|401", "-|GET|/engine-rest/version|401",
      "customer|GET|/engine-rest/engine|403", "erp|GET|/engine-rest/engine|403",
      "customer|GET|/engine-rest/version|403", "erp|GET|/engine-rest/version|403",
      "customer|GET|/engine-rest/application.wadl|403", "erp|GET|/engine-rest/application.wadl|403",
      "customer|GET|/engine-rest/user/customer/profile|403", "erp|GET|/engine-rest/user/erp/profile|403",
      "customer|GET|/engine-rest/task/count|403", "erp|POST|/engine-rest/task/count|403",
      "customer|GET|/engine-rest/history/cleanup/configuration|403",
      "erp|GET|/engine-rest/engine/default/process-definition|403",
      "manager|GET|/engine-rest/engine|200", "analyst|GET|/engine-rest/engine|200",
      "admin|GET|/engine-rest/engine|200", "manager|GET|/engine-rest/version|200",
      "analyst|GET|/engine-rest/task/count|200", "analyst|GET|/engine-rest/history/process-instance/count|200"})
  void SEC5_theEngineRestApiServesStaffOnly(String user, String method, String path, int status) {
    ResponseEntity<String> answer = call(user.equals("-") ? null : user, HttpMethod.valueOf(method), path,
        method.equals("POST") ? "{}" : null);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
    if (status >= 400) {
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void SEC5_aCustomerCanNeitherRenameNorDeleteItsCamundaUser() {
    ResponseEntity<String> rename = call("customer", HttpMethod.PUT, "/engine-rest/user/customer/profile",
        "{\"id\":\"customer\",\"firstName\":\"Ünïcødé\",\"lastName\":\"X\",\"email\":\"x@example.com\"}");
    ResponseEntity<String> delete = call("customer", HttpMethod.DELETE, "/engine-rest/user/customer", null);
    assertThat(rename.getStatusCode().value()).isEqualTo(403);
    assertThat(delete.getStatusCode().value()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("customer").singleResult().getFirstName()).isEqualTo("Carl");
  }

  @Test
  void SEC5_managersDoNotEditUsersEitherNotEvenTheirOwn_theAdminDoes() {
    ResponseEntity<String> own = call("manager", HttpMethod.PUT, "/engine-rest/user/manager/profile",
        "{\"id\":\"manager\",\"firstName\":\"Evil\",\"lastName\":\"Manager\",\"email\":\"m@example.com\"}");
    assertThat(own.getStatusCode().value()).isEqualTo(403);
    assertThat(own.getBody()).contains("identity-admin-only");
    assertThat(identityService.createUserQuery().userId("manager").singleResult().getFirstName()).isEqualTo("Mary");
  }

  @Test
  void SEC5_theMessageEndpointIsNoExistenceOracle() {
    ResponseEntity<String> known = call("customer", HttpMethod.POST, "/engine-rest/message",
        "{\"messageName\":\"PromiseRepaid\",\"businessKey\":\"1\"}");
    ResponseEntity<String> unknown = call("customer", HttpMethod.POST, "/engine-rest/message",
        "{\"messageName\":\"PromiseRepaid\",\"businessKey\":\"no-such-promise\"}");
    assertThat(known.getStatusCode().value()).isEqualTo(403);
    assertThat(known.getBody()).isEqualTo(unknown.getBody());
    ResponseEntity<String> manager = call("manager", HttpMethod.POST, "/engine-rest/message",
        "{\"messageName\":\"PromiseRepaid\",\"businessKey\":\"1\"}");
    assertThat(manager.getStatusCode().value()).isEqualTo(403);
    assertThat(manager.getBody()).contains("correlation-internal").doesNotContain("processInstance");
  }

  @ParameterizedTest(name = "analysts create nothing: {0} {1}")
  @CsvSource(delimiter = '|', value = {
      "POST|/engine-rest/task/TASK/comment/create|{\"message\":\"looks fine\"}",
      "POST|/engine-rest/task/TASK/identity-links|{\"groupId\":\"analysts\",\"type\":\"candidate\"}",
      "PUT|/engine-rest/task/TASK/variables/approved|{\"value\":true,\"type\":\"Boolean\"}",
      "POST|/engine-rest/task/TASK/localVariables|{\"modifications\":{\"x\":{\"value\":1}}}",
      "POST|/engine-rest/task/TASK/claim|{\"userId\":\"analyst\"}",
      "POST|/engine-rest/task/TASK/complete|{}",
      "PUT|/engine-rest/task/TASK|{\"name\":\"renamed\"}",
      "POST|/engine-rest/task/create|{\"id\":\"analyst-task\",\"name\":\"x\"}"})
  void SEC5_analystsChangeNothing(String method, String path, String body) {
    ResponseEntity<String> answer = call("analyst", HttpMethod.valueOf(method), path, body);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(403);
    assertThat(answer.getBody()).contains("analysts-read-only");
    assertThat(taskService.getTaskComments(taskId)).isEmpty();
    assertThat(taskService.getIdentityLinksForTask(taskId)).noneMatch(l -> "analysts".equals(l.getGroupId()));
    assertThat(taskService.getVariables(taskId)).doesNotContainKeys("approved", "x");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(taskService.createTaskQuery().taskId("analyst-task").count()).isZero();
  }

  @Test
  void SEC5_analystsInCockpitChangeNothingEither() {
    WebappSession cockpit = WebappSession.login(port, "cockpit", "analyst", "analyst");
    assertThat(cockpit.loginStatus).isEqualTo(200);
    assertThat(cockpit.engine("POST", "/task/" + taskId + "/comment/create", "{\"message\":\"x\"}").statusCode())
        .isEqualTo(403);
    assertThat(cockpit.engine("POST", "/process-instance/count", "{}").statusCode()).as("searching is reading")
        .isEqualTo(200);
    assertThat(taskService.getTaskComments(taskId)).isEmpty();
  }

  @ParameterizedTest(name = "identity/verify is closed to {0}")
  @CsvSource({"manager", "analyst", "admin", "customer"})
  void SEC5_identityVerifyIsNoPasswordOracle(String user) {
    ResponseEntity<String> answer = call(user, HttpMethod.POST, "/engine-rest/identity/verify",
        "{\"username\":\"admin\",\"password\":\"admin\"}");
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(answer.getBody()).doesNotContain("authenticated");
  }

  @Test
  void SEC5_aCustomerLoggedInToAWebappStillGetsNoEngineApi() {
    WebappSession welcome = WebappSession.login(port, "welcome", "customer", "customer");
    if (welcome.loginStatus == 200) {
      assertThat(welcome.engine("GET", "/user/customer/profile", null).statusCode()).isEqualTo(403);
      assertThat(welcome.engine("POST", "/task", "{}").statusCode()).isEqualTo(403);
    } else {
      assertThat(welcome.loginStatus).isEqualTo(403);
    }
  }

  @Test
  void SEC5_anEmptyPathSegmentIsAProblem_notAStackTrace() throws Exception {
    // The container merges "//", Camunda's Jersey servlets did not: a 500 with a stack trace in the log.
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + "/camunda//api/admin/setup/default/user/create")).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"evil\"}}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(identityService.createUserQuery().userId("evil").count()).isZero();
  }

  @Test
  void SEC5_deploymentsOverHttpAreClosedEvenToTheAdmin() {
    ResponseEntity<String> answer = call("admin", HttpMethod.POST, "/engine-rest/deployment/create", "{}");
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(answer.getBody()).contains("deployed with the application");
  }

}
