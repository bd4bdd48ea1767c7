package com.resellerhub.billing.order.process;

import com.resellerhub.billing.process.ProcessTestEngine;

import static com.resellerhub.billing.order.process.PostpayApproval.Elements.*;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.order.PostpayApprovalService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/postpay-approval.bpmn} (PP-3, PP-4, PP-5, PP-10) on the in-memory engine, with the
 * domain mocked behind {@link PostpayApprovalService}. Together the tests must cover every flow node and flow.
 */
@Deployment(resources = {PostpayApproval.RESOURCE, PostpayApproval.FORM_RESOURCE})
class PostpayApprovalProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.extensionRequiringCoverage(1.0);

  /** A Thursday morning. */
  private static final Instant THURSDAY_9AM = Instant.parse("2026-04-02T09:00:00Z");
  private static final long ACCOUNT = 42;
  private static final long ORDER = 4711;

  private final EngineClock clock = new EngineClock(ZoneOffset.UTC);
  private final PostpayApprovalService approvals = mock(PostpayApprovalService.class);
  private PostpayApprovalStarter starter;

  @BeforeEach
  void wire() {
    clock.set(THURSDAY_9AM);
    Mocks.register(PostpayApproval.Beans.SETTINGS,
        new PostpayApprovalSettings(clock, Duration.ofDays(1), ZoneOffset.UTC, List.of()));
    Mocks.register(PostpayApproval.Beans.DECISION_LISTENER, new ReviewDecisionListener());
    Mocks.register(PostpayApproval.Beans.APPROVE_DELEGATE, new ApprovePostpayDelegate(approvals));
    Mocks.register(PostpayApproval.Beans.DECLINE_DELEGATE, new DeclinePostpayDelegate(approvals));
    Mocks.register(PostpayApproval.Beans.ESCALATION_DELEGATE, new NotifyEscalationDelegate(approvals));
    starter = new PostpayApprovalStarter(runtimeService());
  }

  @AfterEach
  void unwire() {
    processEngine().getIdentityService().clearAuthentication();
    Mocks.reset();
    clock.reset();
  }

  @Test
  void PP3_theFirstPostpaidOrderStartsAReviewForManagersKeyedByTheAccount() throws Exception {
    ProcessInstance instance = start();

    assertThat(instance).isStarted().hasBusinessKey("42").isWaitingAt(REVIEW_TASK)
        .variables().containsEntry(ACCOUNT_ID, ACCOUNT).containsEntry(ORDER_ID, ORDER)
        .containsEntry(ACCOUNT_NAME, "Acme Hosting Ltd").containsEntry(BALANCE, "120.50 EUR")
        .containsEntry(MANAGER_NAME, "No manager assigned").containsEntry(ACCOUNT_AGE_DAYS, 3)
        .containsEntry(PLAN_PRICE, "49.00 EUR per month").containsEntry(TRIAL, false);
    assertThat(task()).hasName("Review postpay permission").hasCandidateGroup("managers").isNotAssigned();
    assertThat(taskService().createTaskQuery().taskId(task().getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo(PostpayApproval.FORM_ID);
    try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"reviewPostpayPermission\"", "\"key\": \"declineReason\"");
    }
  }

  @Test
  void PP3_oneProcessPerAccount_startingAgainReturnsTheRunningOne() {
    ProcessInstance first = start();
    ProcessInstance second = starter.start(ACCOUNT, ORDER + 1, facts());

    assertThat(second.getId()).isEqualTo(first.getId());
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("42").count()).isEqualTo(1);
    assertThat(starter.running(ACCOUNT).getId()).isEqualTo(first.getId());
    assertThat(starter.running(ACCOUNT + 1)).isNull();

    runtimeService().suspendProcessInstanceById(first.getId());
    assertThat(starter.start(ACCOUNT, ORDER + 2, facts()).getId()).as("a suspended review still counts")
        .isEqualTo(first.getId());
  }

  @Test
  void PP4_anApprovalIsHandedToTheDomainWithTheCompletingManagerAsApprover() {
    ProcessInstance instance = start();
    taskService().claim(task().getId(), "mary");
    processEngine().getIdentityService().setAuthenticatedUserId("mary");

    taskService().complete(task().getId(), Map.of(APPROVED, true));

    assertThat(instance).hasPassed(REVIEW_TASK).isNotEnded();
    assertThat(job()).as("asyncAfter: the decision is committed before anything else runs").isNotNull();
    execute(job());
    assertThat(instance).isWaitingAt(APPROVE);
    verifyNoInteractions(approvals);
    execute(job());
    verify(approvals).approve(ACCOUNT, "mary");
    verify(approvals, never()).decline(anyLong(), anyString(), anyString());
    assertThat(instance).hasPassedInOrder(REVIEW_TASK, APPROVED_GATEWAY, APPROVE, PERMISSION_APPROVED).isEnded()
        .hasNotPassed(DECLINE, NOTIFY_ESCALATION);
    assertThat(historicVariable(instance, APPROVER_USER_ID)).isEqualTo("mary");
  }

  @Test
  void SEC6_theDecisionActsOnTheBusinessKeysAccount_aRewrittenAccountIdFailsTheStepInsteadOfDecidingAnother() {
    ProcessInstance instance = start();
    taskService().claim(task().getId(), "mary");
    runtimeService().setVariable(instance.getId(), ACCOUNT_ID, ACCOUNT + 1);
    taskService().complete(task().getId(), Map.of(APPROVED, false, DECLINE_REASON, "x"));
    execute(job());

    assertThatThrownBy(() -> execute(job())).hasMessageContaining("SEC-6")
        .hasMessageContaining("not the process's subject (42)");
    verifyNoInteractions(approvals);
    assertThat(instance).isWaitingAt(DECLINE);
  }

  @Test
  void PP4_theTasklistFormsTextDecisionIsStoredAsABooleanAndTheAssigneeIsTheApproverWithoutALogin() {
    ProcessInstance instance = start();
    taskService().claim(task().getId(), "mary");

    taskService().complete(task().getId(), Map.of(APPROVED, "true"));

    assertThat(historicVariable(instance, APPROVED)).isEqualTo(Boolean.TRUE);
    execute(job());
    execute(job());
    verify(approvals).approve(ACCOUNT, "mary");
    assertThat(instance).hasPassed(PERMISSION_APPROVED).isEnded();
  }

  @Test
  void PP5_aDeclineWithAReasonIsHandedToTheDomain() {
    ProcessInstance instance = start();
    processEngine().getIdentityService().setAuthenticatedUserId("mary");

    Map<String, Object> decision = new HashMap<>();
    decision.put(APPROVED, "false");
    decision.put(DECLINE_REASON, "  No credit history  ");
    taskService().complete(task().getId(), decision);
    execute(job());
    assertThat(instance).isWaitingAt(DECLINE);
    execute(job());

    verify(approvals).decline(ACCOUNT, "mary", "No credit history");
    verify(approvals, never()).approve(anyLong(), anyString());
    assertThat(instance).hasPassedInOrder(REVIEW_TASK, APPROVED_GATEWAY, DECLINE, PERMISSION_DECLINED).isEnded()
        .hasNotPassed(APPROVE);
    assertThat(historicVariable(instance, APPROVED)).isEqualTo(Boolean.FALSE);
  }

  @Test
  void PP5_aDeclineWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = start();
    processEngine().getIdentityService().setAuthenticatedUserId("mary");
    String taskId = task().getId();

    for (Map<String, Object> decision : List.<Map<String, Object>>of(Map.of(APPROVED, false),
        Map.of(APPROVED, "false", DECLINE_REASON, "   "))) {
      assertThatThrownBy(() -> taskService().complete(taskId, decision))
          .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("PP-5").hasMessageContaining("reason"));
    }

    assertThat(instance).isWaitingAt(REVIEW_TASK);
    assertThat(task().getId()).isEqualTo(taskId);
    assertThat(runtimeService().getVariable(instance.getId(), APPROVED)).as("the refused completion left nothing")
        .isNull();
    assertThat(managementService().createJobQuery().messages().count()).isZero();
    verifyNoInteractions(approvals);
  }

  @Test
  void aCompletionWithoutADecisionOrByNobodyIsRefused() {
    ProcessInstance instance = start();
    String taskId = task().getId();

    processEngine().getIdentityService().setAuthenticatedUserId("mary");
    assertThatThrownBy(() -> taskService().complete(taskId))
        .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("Choose a decision"));
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(APPROVED, "maybe")))
        .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("Choose a decision"));

    processEngine().getIdentityService().clearAuthentication();
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of(APPROVED, true)))
        .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("PP-4"));

    assertThat(instance).isWaitingAt(REVIEW_TASK);
  }

  @Test
  void PP10_anUnfinishedReviewEscalatesWithoutCancellingTheTask() {
    ProcessInstance instance = start();
    Instant friday9am = THURSDAY_9AM.plus(Duration.ofDays(1));
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isBetween(friday9am, friday9am.plusSeconds(5));
    assertThat(task().getDueDate().toInstant()).as("Tasklist shows when it becomes overdue")
        .isBetween(friday9am, friday9am.plusSeconds(5));

    clock.set(friday9am.minusSeconds(1));
    assertThat(managementService().createJobQuery().executable().count()).as("not overdue yet").isZero();
    clock.set(friday9am.plusSeconds(10));
    execute(managementService().createJobQuery().timers().executable().singleResult());

    assertThat(instance).isWaitingAt(REVIEW_TASK, NOTIFY_ESCALATION);
    execute(job());
    verify(approvals).escalate(ACCOUNT);
    assertThat(instance).hasPassed(REVIEW_OVERDUE, NOTIFY_ESCALATION, ESCALATED).isWaitingAt(REVIEW_TASK);
    assertThat(managementService().createJobQuery().timers().count()).as("escalates once").isZero();

    processEngine().getIdentityService().setAuthenticatedUserId("mary");
    taskService().complete(task().getId(), Map.of(APPROVED, true));
    execute(job());
    execute(job());
    verify(approvals).approve(ACCOUNT, "mary");
    verify(approvals, times(1)).escalate(ACCOUNT);
    assertThat(instance).hasPassed(PERMISSION_APPROVED).isEnded();
  }

  @Test
  void PP10_theEscalationWaitsOneBusinessDay_aFridayAfternoonReviewIsOverdueOnMonday() {
    Instant friday3pm = Instant.parse("2026-04-03T15:00:00Z");
    clock.set(friday3pm);
    start();

    assertThat(managementService().createJobQuery().timers().singleResult().getDuedate().toInstant())
        .isBetween(Instant.parse("2026-04-06T15:00:00Z"), Instant.parse("2026-04-06T15:00:05Z"));
  }

  @Test
  void aFailingDecisionIsTriedOnTheEngineWideCycleThenBecomesAnIncident() {
    doThrow(new IllegalStateException("database down")).when(approvals).approve(anyLong(), anyString());
    ProcessInstance instance = start();
    processEngine().getIdentityService().setAuthenticatedUserId("mary");
    taskService().complete(task().getId(), Map.of(APPROVED, true));
    execute(job());

    Job job = job();
    int attempts = ProcessTestEngine.runUntilOutOfRetries(managementService(), job, clock, "database down");

    assertThat(attempts).as("the engine-wide cycle: six attempts").isEqualTo(ProcessTestEngine.ATTEMPTS);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
        .getActivityId()).isEqualTo(APPROVE);
    assertThat(instance).isWaitingAt(APPROVE);
  }

  /** Starts for the account; camunda-bpm-assert's task() and job() then look at this instance. */
  private ProcessInstance start() {
    ProcessInstance instance = starter.start(ACCOUNT, ORDER, facts());
    assertThat(instance).isActive();
    return instance;
  }

  private static ReviewFacts facts() {
    return new ReviewFacts("Acme Hosting Ltd", "Company", "Olga Owner", null, new BigDecimal("120.5000"), "EUR", 3,
        "Cloud Server M", new BigDecimal("49.0000"), "P1M", false);
  }

  private static Object historicVariable(ProcessInstance instance, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  /** The listener's refusal, however the engine wraps it. */
  private static Throwable refusal(Throwable thrown) {
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof FormFieldValidationException)) {
      cause = cause.getCause();
    }
    assertThat(thrown).isInstanceOf(ProcessEngineException.class);
    assertThat(cause).as("a FormFieldValidationException in " + thrown).isNotNull();
    return cause;
  }
}
