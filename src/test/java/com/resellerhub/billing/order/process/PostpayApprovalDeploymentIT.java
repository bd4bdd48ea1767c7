package com.resellerhub.billing.order.process;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.APPROVED;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.DECLINE_REASON;
import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.IntegrationTest;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The approval process as the application deploys it: stable resource names, the form in the same deployment
 * (formRefBinding "deployment"), no new version on restart, and the PP-5 refusal through Camunda's REST API.
 */
@IntegrationTest
class PostpayApprovalDeploymentIT {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProcessEngine processEngine;
  @Autowired PostpayApprovalStarter starter;
  @Autowired TestRestTemplate http;

  @Test
  void theProcessAndItsFormAreDeployedTogetherUnderStableNames() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(PostpayApproval.PROCESS_KEY).latestVersion().singleResult();

    assertThat(definition.getResourceName()).isEqualTo("processes/postpay-approval.bpmn");
    assertThat(definition.getName()).isEqualTo("Postpay approval");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
    assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
        .contains("processes/postpay-approval.bpmn", "forms/review-postpay-permission.form");
  }

  @Test
  void aRestartWithUnchangedFilesDeploysNothingNew() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();

    Method autoDeploy = SpringTransactionsProcessEngineConfiguration.class.getDeclaredMethod("autoDeployResources",
        ProcessEngine.class);
    autoDeploy.setAccessible(true);
    autoDeploy.invoke(processEngine.getProcessEngineConfiguration(), processEngine);

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PostpayApproval.PROCESS_KEY)
        .list()).extracting(ProcessDefinition::getVersion).containsExactly(1);
  }

  @Test
  void PP3_PP5_managersSeeTheReviewThroughTheRestApiAndADeclineWithoutReasonLeavesItOpen() {
    long accountId = 900_001;
    ProcessInstance instance = starter.start(accountId, 77, new ReviewFacts("Rest Test Ltd", "Company",
        "Rita Owner", "Mary Manager", BigDecimal.ZERO, "EUR", 1, "Cloud Server M", new BigDecimal("49"), "P1M",
        false));
    try {
      assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(accountId));
      ResponseEntity<List<Map<String, Object>>> tasks = http.withBasicAuth("manager", "manager").exchange(
          "/engine-rest/task?processInstanceId=" + instance.getId() + "&candidateGroup=managers", HttpMethod.GET,
          null, new ParameterizedTypeReference<>() {});
      assertThat(tasks.getBody()).singleElement()
          .satisfies(t -> assertThat(t).containsEntry("name", "Review postpay permission"));
      String taskId = (String) tasks.getBody().get(0).get("id");

      for (String action : List.of("complete", "submit-form")) {
        ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("manager", "manager").exchange(
            "/engine-rest/task/" + taskId + "/" + action, HttpMethod.POST,
            json(Map.of("variables", Map.of(APPROVED, Map.of("value", false), DECLINE_REASON, Map.of("value", " ")))),
            new ParameterizedTypeReference<>() {});

        assertThat(refused.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("rule", "task-refused").containsEntry("field", DECLINE_REASON)
            .as("SEC-8: no engine class is named").doesNotContainValue("FormFieldValidationException");
        assertThat((String) refused.getBody().get("message")).startsWith("PP-5: a decline needs a reason");
      }
      ResponseEntity<Map<String, Object>> unknownTask = http.withBasicAuth("manager", "manager").exchange(
          "/engine-rest/task/no-such-task/complete", HttpMethod.POST, json(Map.of()),
          new ParameterizedTypeReference<>() {});
      assertThat(unknownTask.getStatusCode()).as("other errors as Camunda documents them")
          .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
      assertThat((String) unknownTask.getBody().get("message")).startsWith("Cannot complete task no-such-task");
      Task open = taskService.createTaskQuery().taskId(taskId).singleResult();
      assertThat(open).as("the task stays open").isNotNull();
      assertThat(runtimeService.getVariable(instance.getId(), APPROVED)).isNull();
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "test cleanup", true, true);
    }
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
