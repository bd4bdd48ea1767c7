package com.resellerhub.billing.promise.process;

import com.resellerhub.billing.process.ProcessTestEngine;

import static com.resellerhub.billing.promise.process.PromisedPaymentProcess.Elements.*;
import static com.resellerhub.billing.promise.process.PromisedPaymentProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.promise.PromiseExpirySettings;
import com.resellerhub.billing.promise.PromiseLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/**
 * Every path of {@code processes/promised-payment.bpmn} (PROM-2, PROM-4, PROM-5) on the in-memory engine with the
 * domain mocked behind {@link PromiseLifecycle}: expiry by the sweep's "Promise expired" (no job of the instance's
 * own) with the balance negative or not, the backstop timer at {@code closeBy} when no sweep closed it, early
 * repayment by message, retries of a failing step. Together they cover every flow node and flow.
 */
@Deployment(resources = PromisedPaymentProcess.RESOURCE)
class PromisedPaymentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.extensionRequiringCoverage(1.0);

  private static final Instant TAKEN = Instant.parse("2027-04-02T09:00:00Z");
  private static final Instant ENDS = TAKEN.plus(Duration.ofDays(5));
  private static final long PROMISE = 7;
  private static final long ACCOUNT = 42;
  private static final PromiseExpirySettings SWEEP = new PromiseExpirySettings(true, Duration.ofSeconds(5), 250, 2,
      Duration.ofMinutes(15));
  /** When the backstop timer fires: the end plus the sweep's backstop. */
  private static final Instant CLOSE_BY = ENDS.plus(SWEEP.backstop());

  private final EngineClock clock = new EngineClock(ZoneOffset.UTC);
  private final PromiseLifecycle promises = mock(PromiseLifecycle.class);
  private PromiseProcessStarter starter;

  @BeforeEach
  void wire() {
    clock.set(TAKEN);
    Mocks.register(PromisedPaymentProcess.Beans.GRANT, new GrantCreditDelegate(promises));
    Mocks.register(PromisedPaymentProcess.Beans.CLOSE, new ClosePromiseDelegate(promises));
    starter = new PromiseProcessStarter(runtimeService(), SWEEP);
  }

  @AfterEach
  void unwire() {
    Mocks.reset();
    clock.reset();
  }

  private ProcessInstance takenAndGranted() {
    ProcessInstance instance = starter.startInstance(PROMISE, ACCOUNT, ENDS);
    assertThat(instance).isStarted().hasBusinessKey("7").isWaitingAt(GRANT);
    execute(job());
    verify(promises).grant(PROMISE);
    assertThat(instance).isWaitingAt(WAIT);
    return instance;
  }

  @Test
  void PROM2_grantsAsItsOwnJobThenWaitsForTheSweepRepaymentOrTheBackstop() {
    ProcessInstance instance = starter.startInstance(PROMISE, ACCOUNT, ENDS);

    assertThat(instance).variables().containsEntry(PROMISE_ID, PROMISE).containsEntry(ACCOUNT_ID, ACCOUNT);
    verify(promises, never()).grant(anyLong());
    execute(job());
    Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).as("the backstop: the end plus 15 minutes").isEqualTo(CLOSE_BY);
    assertThat(instance).isWaitingAt(WAIT);
  }

  @Test
  void PROM5_closedByTheExpirySweep_withANegativeBalance_endsBlocked_inTheSweepsTransaction_withoutAJobOfItsOwn() {
    ProcessInstance instance = takenAndGranted();

    clock.set(ENDS.plusSeconds(3));
    // what the sweep (PromiseExpirySweep) does in the transaction in which PromiseService.expireAll closed the promise
    runtimeService().createMessageCorrelation(PromisedPaymentProcess.MESSAGE_EXPIRED)
        .processInstanceId(instance.getId()).setVariable(BALANCE_NEGATIVE, true).correlateAll();

    assertThat(instance).hasPassedInOrder(START, GRANT, WAIT, EXPIRED, CLOSED_JOIN, NEGATIVE_GATEWAY, ACCOUNT_BLOCKED)
        .hasNotPassed(DAYS_OVER, REPAID, CLOSE, PROMISE_CLOSED).isEnded();
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("the backstop timer is cancelled").isZero();
    verify(promises, never()).close(anyLong());
  }

  @Test
  void PROM5_closedByTheExpirySweep_balanceNotNegative_endsClosed() {
    ProcessInstance instance = takenAndGranted();

    runtimeService().createMessageCorrelation(PromisedPaymentProcess.MESSAGE_EXPIRED)
        .processInstanceId(instance.getId()).setVariable(BALANCE_NEGATIVE, false).correlateAll();

    assertThat(instance).hasPassed(EXPIRED, PROMISE_CLOSED).hasNotPassed(ACCOUNT_BLOCKED, CLOSE).isEnded();
    verify(promises, never()).close(anyLong());
  }

  @Test
  void PROM5_notClosedByASweep_withANegativeBalance_theBackstopClosesInTheTimersOwnJob_andEndsBlocked() {
    ProcessInstance instance = takenAndGranted();
    when(promises.close(PROMISE)).thenReturn(true);

    clock.set(CLOSE_BY.plusSeconds(1));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());

    // one job after the grant: the timer's, which closes the promise and ends the instance
    assertThat(instance).hasPassedInOrder(START, GRANT, WAIT, DAYS_OVER, ENDED_JOIN, CLOSE, CLOSED_JOIN, NEGATIVE_GATEWAY,
        ACCOUNT_BLOCKED).hasNotPassed(REPAID, EXPIRED, PROMISE_CLOSED).isEnded();
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(BALANCE_NEGATIVE)
        .singleResult().getValue()).isEqualTo(true);
    InOrder order = inOrder(promises);
    order.verify(promises).grant(PROMISE);
    order.verify(promises).close(PROMISE);
    verify(promises, never()).chargeCommission(anyLong());
    verify(promises, never()).withdrawCredit(anyLong());
    verify(promises, never()).blockAccount(anyLong());
  }

  @Test
  void PROM5_notClosedByASweep_balanceNotNegative_theBackstopClosesWithoutBlocking() {
    ProcessInstance instance = takenAndGranted();
    when(promises.close(PROMISE)).thenReturn(false);

    clock.set(CLOSE_BY.plusSeconds(1));
    execute(job(DAYS_OVER));

    assertThat(instance).hasPassed(DAYS_OVER, CLOSE, PROMISE_CLOSED).hasNotPassed(ACCOUNT_BLOCKED).isEnded();
    verify(promises).close(PROMISE);
  }

  @Test
  void PROM5_repaidBeforeTheEnd_endsEarly_closedInAJobAfterTheTopUpsTransaction_timerCancelled() {
    ProcessInstance instance = takenAndGranted();
    when(promises.close(PROMISE)).thenReturn(false);

    clock.set(TAKEN.plus(Duration.ofDays(1)));
    starter.repaid(PROMISE);
    // the correlating transaction (the top-up's reaction) only records the message
    verify(promises, never()).close(anyLong());
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
        .isZero();
    Job continuation = managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(continuation.getDuedate()).isNull();
    execute(continuation);

    assertThat(instance).hasPassedInOrder(WAIT, REPAID, ENDED_JOIN, CLOSE, PROMISE_CLOSED)
        .hasNotPassed(DAYS_OVER, EXPIRED).isEnded();
    verify(promises).close(PROMISE);
  }

  @Test
  void PROM5_repaymentAfterTheEndIsIgnored_andAnotherPromisesRepaymentDoesNotTouchThisOne() {
    ProcessInstance instance = takenAndGranted();

    starter.repaid(PROMISE + 1);
    assertThat(instance).isWaitingAt(WAIT);

    clock.set(CLOSE_BY.plusSeconds(1));
    execute(job(DAYS_OVER));
    starter.repaid(PROMISE); // no error: the process no longer waits for it
    assertThat(instance).isEnded();
    verify(promises, times(1)).close(PROMISE);
  }

  @Test
  void PROM5_aFailingCloseKeepsTheTimersJob_retriedOnTheEngineWideCycle_thenAnIncidentAtTheTimer() {
    ProcessInstance instance = takenAndGranted();
    doThrow(new IllegalStateException("ledger down")).when(promises).close(PROMISE);

    clock.set(CLOSE_BY.plusSeconds(1));
    Job timer = job(DAYS_OVER);
    int attempts = ProcessTestEngine.runUntilOutOfRetries(managementService(), timer, clock, "ledger down");

    assertThat(attempts).isEqualTo(ProcessTestEngine.ATTEMPTS);
    assertThat(instance).isWaitingAt(WAIT).hasNotPassed(DAYS_OVER, CLOSE);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).activityId(DAYS_OVER)
        .count()).isEqualTo(1);
    verify(promises, times(ProcessTestEngine.ATTEMPTS)).close(PROMISE);
  }

  @Test
  void aFailingStepIsRetriedOnTheEngineWideCycle_thenAnIncident() {
    ProcessInstance instance = starter.startInstance(PROMISE, ACCOUNT, ENDS);
    doThrow(new IllegalStateException("ledger down")).when(promises).grant(PROMISE);
    assertThat(instance).isActive();

    Job job = job();
    int attempts = ProcessTestEngine.runUntilOutOfRetries(managementService(), job, clock, "ledger down");
    assertThat(attempts).as("the engine-wide cycle: six attempts").isEqualTo(ProcessTestEngine.ATTEMPTS);

    Job failed = managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    verify(promises, times(ProcessTestEngine.ATTEMPTS)).grant(PROMISE);
  }
}
