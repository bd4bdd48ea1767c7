package com.resellerhub.billing.collection.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.collection.CollectionProcesses;
import com.resellerhub.billing.collection.CollectionReviews;
import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.collection.CollectionSettings;
import com.resellerhub.billing.collection.ReminderKind;
import com.resellerhub.billing.process.ProcessTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
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
 * Every path of {@code processes/collections.bpmn} (SUB-3, COL-1..3) on the in-memory engine, the domain mocked:
 * reminders only (no subscription), the whole lifecycle to termination, reviews with each decision (extend the
 * grace, a promise refused then granted, let it run), the review's SLA, and payment settling the collection at
 * once, an open review included. Timers run by {@code execute(job(...))}.
 */
@Deployment(resources = {"processes/collections.bpmn", "forms/review-overdue-account.form"})
class CollectionsProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.extensionRequiringCoverage(1.0);

  private static final long PAYMENT = 31;
  private static final long ACCOUNT = 42;
  private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

  private final EngineClock clock = new EngineClock(ZoneOffset.UTC);
  private final CollectionService collections = mock(CollectionService.class);
  private final CollectionReviews reviews = mock(CollectionReviews.class);
  private final CollectionSettings settings = new CollectionSettings(3, 2, 3, LocalTime.of(9, 0), 30,
      Duration.ofHours(8), "collections@localhost", 200, true);
  private CollectionProcessStarter starter;

  @BeforeEach
  void wire() {
    clock.set(NOW);
    Mocks.register("collectionReminderDelegate", new CollectionReminderDelegate(collections));
    Mocks.register("collectionReviewCheckDelegate", new CollectionReviewCheckDelegate(collections));
    Mocks.register("suspendSubscriptionsDelegate", new SuspendSubscriptionsDelegate(collections));
    Mocks.register("terminateSubscriptionsDelegate", new TerminateSubscriptionsDelegate(collections));
    Mocks.register("restoreSubscriptionsDelegate", new RestoreSubscriptionsDelegate(collections));
    Mocks.register("closeCollectionDelegate", new CloseCollectionDelegate(collections));
    Mocks.register("extendGraceDelegate", new ExtendGraceDelegate(collections,
        new CollectionTimers(collections, runtimeService(), managementService())));
    Mocks.register("grantPromiseDelegate", new GrantPromiseDelegate(reviews));
    Mocks.register("letItRunDelegate", new LetItRunDelegate(collections));
    Mocks.register("notifyReviewEscalationDelegate", new NotifyReviewEscalationDelegate(reviews));
    Mocks.register("overdueReviewListener", new OverdueReviewListener(reviews, settings));
    Mocks.register("collectionReviewDue", new CollectionReviewDue(clock, settings));
    when(reviews.facts(anyLong(), anyString())).thenReturn(Map.of("accountName", "Northwind (account 42)",
        "overdueTotal", "900.00 EUR"));
    starter = new CollectionProcessStarter(runtimeService());
  }

  @AfterEach
  void unwire() {
    Mocks.reset();
    clock.reset();
  }

  private static CollectionProcesses.Timers timers(int shiftDays, boolean subscriptions) {
    Instant expiry = NOW.plus(Duration.ofDays(3));
    return new CollectionProcesses.Timers(NOW, expiry.plus(Duration.ofDays(1)),
        expiry.plus(Duration.ofDays(3 + shiftDays)), expiry.plus(Duration.ofDays(5 + shiftDays)),
        expiry.plus(Duration.ofDays(32 + shiftDays)), expiry.plus(Duration.ofDays(35 + shiftDays)), subscriptions);
  }

  private ProcessInstance started(boolean subscriptions) {
    starter.start(PAYMENT, ACCOUNT, timers(0, subscriptions));
    ProcessInstance instance = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("31")
        .singleResult();
    assertThat(instance).isStarted().isWaitingAt("Event_BeforeExpiry");
    return instance;
  }

  /** Runs the main path from the expiry reminder to the overdue check. */
  private void untilOverdueChecked(ProcessInstance instance, boolean reviewNeeded) {
    when(collections.reviewNeeded(PAYMENT, CollectionService.ReviewTrigger.OVERDUE_TOTAL)).thenReturn(reviewNeeded);
    execute(job("Event_BeforeExpiry"));
    execute(job("Task_RemindBeforeExpiry"));
    verify(collections).remind(PAYMENT, ReminderKind.BEFORE_EXPIRY);
    assertThat(instance).isWaitingAt("Event_PaymentOverdue");
    execute(job("Event_PaymentOverdue"));
    execute(job("Task_RemindOverdue"));
    verify(collections).remind(PAYMENT, ReminderKind.OVERDUE);
    execute(job("Task_CheckOverdueTotal"));
  }

  private void fromSuspensionToTerminationCheck(ProcessInstance instance, boolean reviewNeeded) {
    when(collections.reviewNeeded(PAYMENT, CollectionService.ReviewTrigger.TERMINATION_AHEAD))
        .thenReturn(reviewNeeded);
    execute(job("Event_BeforeSuspension"));
    execute(job("Task_RemindBeforeSuspension"));
    verify(collections).remind(PAYMENT, ReminderKind.BEFORE_SUSPENSION);
    execute(job("Event_GraceOver"));
    execute(job("Task_SuspendSubscriptions"));
    verify(collections).suspend(PAYMENT);
    execute(job("Event_BeforeTermination"));
    execute(job("Task_RemindBeforeTermination"));
    verify(collections).remind(PAYMENT, ReminderKind.BEFORE_TERMINATION);
    execute(job("Task_CheckTerminationAhead"));
    assertThat(instance).isWaitingAt("Event_SuspensionOver");
  }

  @Test
  void COL1_aPaymentPayingNoSubscription_getsItsTwoRemindersAndCloses() {
    ProcessInstance instance = started(false);
    untilOverdueChecked(instance, false);
    execute(job("Task_CloseCollection"));
    verify(collections).close(PAYMENT);
    verify(collections, never()).suspend(anyLong());
    assertThat(instance).hasPassed("EndEvent_RemindersSent").isEnded();
  }

  @Test
  void COL2_aReviewOfAPaymentPayingNoSubscription_keepsTheInstanceUntilTheManagerDecides() {
    ProcessInstance instance = started(false);
    untilOverdueChecked(instance, true);
    execute(job("Task_CloseCollection"));
    assertThat(instance).hasPassed("EndEvent_RemindersSent").isWaitingAt("Task_ReviewOverdueAccount");
    taskService().setAssignee(task().getId(), "manager");
    taskService().complete(task().getId(), Map.of("decision", "LET_IT_RUN"));
    execute(job("Task_ReviewOverdueAccount"));
    execute(job("Task_LetItRun"));
    assertThat(instance).isEnded();
  }

  @Test
  void COL2_aSecondReviewStartsWithoutTheFirstOnesDecision() {
    when(collections.timers(PAYMENT)).thenReturn(timers(0, true));
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, true);
    taskService().setAssignee(task().getId(), "manager");
    taskService().complete(task().getId(), Map.of("decision", "EXTEND_GRACE", "graceDays", 5));
    execute(job("Task_ReviewOverdueAccount"));
    execute(job("Task_ExtendGrace"));
    fromSuspensionToTerminationCheck(instance, true);
    assertThat(runtimeService().getVariable(instance.getId(), "decision")).isNull();
    assertThat(runtimeService().getVariable(instance.getId(), "graceDays")).isNull();
  }

  @Test
  void SUB3_anUnpaidTerm_isSuspendedThenTerminated_withEveryReminderOnItsTimer() {
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, false);
    assertThat(instance).isWaitingAt("Event_BeforeSuspension");
    Job suspensionReminder = managementService().createJobQuery().activityId("Event_BeforeSuspension")
        .singleResult();
    assertThat(suspensionReminder.getDuedate()).isEqualTo(Date.from(timers(0, true).remindBeforeSuspensionAt()));
    fromSuspensionToTerminationCheck(instance, false);
    execute(job("Event_SuspensionOver"));
    execute(job("Task_TerminateSubscriptions"));
    verify(collections).terminate(PAYMENT);
    assertThat(instance).hasPassed("EndEvent_SubscriptionsTerminated", "Event_CollectionEnded",
        "EndEvent_CollectionTerminated").isEnded();
    verify(collections, never()).settled(anyLong());
  }

  @Test
  void COL2_aReviewOverTheThreshold_extendsTheGrace_andTheWaitingTimerMoves() {
    when(collections.timers(PAYMENT)).thenReturn(timers(5, true));
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, true);
    assertThat(instance).isWaitingAt("Event_BeforeSuspension", "Task_ReviewOverdueAccount");
    assertThat(task()).hasCandidateGroup("managers").hasName("Review overdue account");
    assertThat(runtimeService().getVariable(instance.getId(), "overdueTotal")).isEqualTo("900.00 EUR");
    assertThat(task().getDueDate()).isCloseTo(Date.from(NOW.plus(Duration.ofHours(8))), 10_000);

    taskService().setAssignee(task().getId(), "manager");
    taskService().complete(task().getId(), Map.of("decision", "EXTEND_GRACE", "graceDays", 5));
    execute(job("Task_ReviewOverdueAccount"));
    execute(job("Task_ExtendGrace"));
    verify(collections).extendGrace(PAYMENT, 5, "manager");
    assertThat(instance).hasPassed("EndEvent_GraceExtended");
    Job moved = managementService().createJobQuery().activityId("Event_BeforeSuspension").singleResult();
    assertThat(moved.getDuedate()).isEqualTo(Date.from(timers(5, true).remindBeforeSuspensionAt()));

    // before termination a second review: the manager lets it run its course
    fromSuspensionToTerminationCheck(instance, true);
    assertThat(instance).isWaitingAt("Event_SuspensionOver", "Task_ReviewOverdueAccount");
    taskService().setAssignee(task().getId(), "manager");
    taskService().complete(task().getId(), Map.of("decision", "LET_IT_RUN"));
    execute(job("Task_ReviewOverdueAccount"));
    execute(job("Task_LetItRun"));
    verify(collections).reviewDecided(PAYMENT, "let it run its course", "manager");
    assertThat(instance).hasPassed("EndEvent_LetItRun").isWaitingAt("Event_SuspensionOver");
  }

  @Test
  void COL2_aRefusedPromiseGoesBackToTheManager_withTheReason_thenAGrantEndsTheReview() {
    when(reviews.grantPromise(PAYMENT, 3L, "manager")).thenReturn(Optional.of("PROM-3: once per calendar month"))
        .thenReturn(Optional.empty());
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, true);
    taskService().setAssignee(task().getId(), "manager");
    taskService().complete(task().getId(), Map.of("decision", "GRANT_PROMISE", "offerId", 3));
    execute(job("Task_ReviewOverdueAccount"));
    execute(job("Task_GrantPromise"));
    assertThat(instance).isWaitingAt("Task_ReviewOverdueAccount", "Event_BeforeSuspension");
    assertThat((String) runtimeService().getVariable(instance.getId(), "promiseRefusal"))
        .contains("once per calendar month");

    taskService().setAssignee(task().getId(), "manager");
    taskService().complete(task().getId(), Map.of("decision", "GRANT_PROMISE", "offerId", "3"));
    execute(job("Task_ReviewOverdueAccount"));
    execute(job("Task_GrantPromise"));
    assertThat(instance).hasPassed("EndEvent_PromiseGranted").isWaitingAt("Event_BeforeSuspension");
  }

  @Test
  void COL2_aCompletionWithoutADecisionOrWithTooManyDays_isRefusedAndTheTaskStays() {
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, true);
    String id = task().getId();
    taskService().setAssignee(id, "manager");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService().complete(id, Map.of("decision", "MAYBE")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("choose a decision");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService().complete(id,
        Map.of("decision", "EXTEND_GRACE", "graceDays", 31))).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("graceDays must be 1..30");
    assertThat(instance).isWaitingAt("Task_ReviewOverdueAccount");
  }

  @Test
  void COL2_aReviewOpenPastItsSla_escalates_andStaysOpen() {
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, true);
    execute(job("Event_ReviewSlaPassed"));
    execute(job("Task_NotifyReviewEscalation"));
    verify(reviews).escalate(PAYMENT);
    assertThat(instance).hasPassed("EndEvent_ReviewEscalated").isWaitingAt("Task_ReviewOverdueAccount");
  }

  @Test
  void COL3_payingDuringTheSuspensionWait_stopsTheRest_andCancelsAnOpenReview() {
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, true);
    assertThat(instance).isWaitingAt("Event_BeforeSuspension", "Task_ReviewOverdueAccount");
    runtimeService().createMessageCorrelation(CollectionsProcess.MESSAGE_SETTLED).processInstanceBusinessKey("31")
        .correlateAll();
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    execute(job("Task_RestoreSubscriptions"));
    verify(collections).settled(PAYMENT);
    verify(collections, never()).suspend(anyLong());
    assertThat(instance).hasPassed("EndEvent_PaymentSettled").isEnded();
  }

  @Test
  void COL3_aPaymentPaidBeforeItsExpiry_endsWithoutAnyReminder() {
    ProcessInstance instance = started(true);
    runtimeService().createMessageCorrelation(CollectionsProcess.MESSAGE_SETTLED).processInstanceBusinessKey("31")
        .correlateAll();
    execute(job("Task_RestoreSubscriptions"));
    verify(collections, never()).remind(anyLong(), any());
    assertThat(instance).isEnded();
  }

  @Test
  void COL2_aTerminationEndsTheCollection_andAnOpenReviewWithIt() {
    ProcessInstance instance = started(true);
    untilOverdueChecked(instance, false);
    fromSuspensionToTerminationCheck(instance, true);
    assertThat(instance).isWaitingAt("Event_SuspensionOver", "Task_ReviewOverdueAccount");
    execute(job("Event_SuspensionOver"));
    execute(job("Task_TerminateSubscriptions"));
    assertThat(instance).isEnded();
    assertThat(taskService().createTaskQuery().count()).isZero();
    verify(collections, never()).reviewDecided(eq(PAYMENT), anyString(), anyString());
  }
}
