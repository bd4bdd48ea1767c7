package com.resellerhub.billing.promise.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.ArgumentMatchers.anyLong;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.process.ProcessTestEngine;
import com.resellerhub.billing.promise.PromiseExpirySettings;
import com.resellerhub.billing.promise.PromiseLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * The upgrade story of the single close step: an instance started on the earlier promised-payment definition (four
 * jobs: timer, "Charge commission", "Withdraw credit", "Block account"; kept in
 * {@code src/test/resources/legacy/promised-payment-four-jobs.bpmn}) still finds the beans its steps name and ends
 * on its own definition, each step once.
 */
@Deployment(resources = "legacy/promised-payment-four-jobs.bpmn")
class EarlierPromisedPaymentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.extension();

  private static final Instant TAKEN = Instant.parse("2027-04-02T09:00:00Z");
  private static final long PROMISE = 8;

  private final EngineClock clock = new EngineClock(ZoneOffset.UTC);
  private final PromiseLifecycle promises = mock(PromiseLifecycle.class);

  @BeforeEach
  void wire() {
    clock.set(TAKEN);
    Mocks.register(PromisedPaymentProcess.Beans.GRANT, new GrantCreditDelegate(promises));
    Mocks.register(PromisedPaymentProcess.Beans.CHARGE_COMMISSION, new ChargeCommissionDelegate(promises));
    Mocks.register(PromisedPaymentProcess.Beans.WITHDRAW, new WithdrawCreditDelegate(promises));
    Mocks.register(PromisedPaymentProcess.Beans.BLOCK, new BlockAccountDelegate(promises));
  }

  @AfterEach
  void unwire() {
    Mocks.reset();
    clock.reset();
  }

  @Test
  void PROM5_anInstanceOfTheEarlierDefinition_endsOnItsOwnSteps_withTheBlock() {
    ProcessInstance instance = new PromiseProcessStarter(runtimeService(),
        new PromiseExpirySettings(true, java.time.Duration.ofSeconds(5), 250, 2, java.time.Duration.ofMinutes(15))).startInstance(PROMISE, 43L,
        TAKEN.plus(Duration.ofDays(2)));
    execute(job(instance));
    when(promises.withdrawCredit(PROMISE)).thenReturn(true);

    clock.set(TAKEN.plus(Duration.ofDays(3)));
    execute(job("TimerEvent_PromiseDaysOver", instance));
    execute(job("Task_ChargeCommission", instance));
    execute(job("Task_WithdrawCredit", instance));
    execute(job("Task_BlockAccount", instance));

    assertThat(instance).hasPassedInOrder("Task_ChargeCommission", "Task_WithdrawCredit", "Task_BlockAccount",
        "EndEvent_AccountBlocked").isEnded();
    InOrder order = inOrder(promises);
    order.verify(promises).grant(PROMISE);
    order.verify(promises).chargeCommission(PROMISE);
    order.verify(promises).withdrawCredit(PROMISE);
    order.verify(promises).blockAccount(PROMISE);
    verify(promises, never()).close(anyLong());
  }
}
