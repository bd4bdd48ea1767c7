package com.resellerhub.billing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SEC-6 in the engine: a user task for {@code managers} is taken and decided by managers only, whoever sets the
 * assignee and whatever candidates are added at run time; one guard, added to every user task at parse time.
 */
@Deployment(resources = "review-probe.bpmn")
class TaskDecisionGuardProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.guardedExtension();

  private String taskId;

  @BeforeEach
  void users() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId("managers").count() == 0) {
      identity.saveGroup(identity.newGroup("managers"));
      identity.saveGroup(identity.newGroup("analysts"));
      for (String[] user : new String[][] {{"mary", "managers"}, {"alan", "analysts"}, {"carl", null}}) {
        identity.saveUser(identity.newUser(user[0]));
        if (user[1] != null) {
          identity.createMembership(user[0], user[1]);
        }
      }
    }
  }

  /** Starts the review (the deployment exists only once the test runs, after {@code @BeforeEach}). */
  private void aTask() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("review-probe", "42").getId();
    taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  @AfterEach
  void logout() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void SEC6_aManagerClaimsAndDecides() {
    aTask();
    engine.getIdentityService().setAuthentication("mary", List.of("managers"));
    engine.getTaskService().claim(taskId, "mary");
    engine.getTaskService().complete(taskId);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isOne();
  }

  @Test
  void SEC6_theTaskCannotBeAssignedToSomeoneOutsideTheModelsGroups() {
    aTask();
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(taskId, "carl"))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("SEC-6: carl may not take");
    assertThatThrownBy(() -> engine.getTaskService().claim(taskId, "alan")).hasMessageContaining("SEC-6: alan may not take");
    assertThatThrownBy(() -> engine.getTaskService().delegateTask(taskId, "carl")).hasMessageContaining("SEC-6");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void SEC6_candidatesAddedAtRunTimeDoNotCount_theModelDecides() {
    aTask();
    engine.getTaskService().addCandidateGroup(taskId, "analysts");
    engine.getTaskService().addCandidateUser(taskId, "carl");
    assertThatThrownBy(() -> engine.getTaskService().claim(taskId, "alan")).hasMessageContaining("SEC-6");
    engine.getIdentityService().setAuthentication("carl", List.of());
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId)).hasMessageContaining("SEC-6: carl may not decide");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void SEC6_aCompletionByTheApplicationIsHeldToTheAssignee() {
    aTask();
    engine.getTaskService().claim(taskId, "mary");
    engine.getTaskService().complete(taskId);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void SEC6_unclaimingIsAlwaysAllowed() {
    aTask();
    engine.getTaskService().claim(taskId, "mary");
    engine.getTaskService().setAssignee(taskId, null);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }
}
