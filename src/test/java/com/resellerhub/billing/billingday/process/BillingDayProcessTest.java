package com.resellerhub.billing.billingday.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.resellerhub.billing.process.ProcessTestEngine;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Elements.*;
import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.resellerhub.billing.billingday.BillingDayLateNotice;
import com.resellerhub.billing.billingday.BillingDayRun;
import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.billingday.SettlementService.ChunkOutcome;
import com.resellerhub.billing.billingday.SettlementService.ChunkRef;
import com.resellerhub.billing.billingday.SettlementService.PreparedRun;
import com.resellerhub.billing.billingday.SettlementService.Progress;
import com.resellerhub.billing.billingday.BillingDaySettings;
import com.resellerhub.billing.billingday.SkipReason;
import com.resellerhub.billing.billingday.BillingDayService;
import com.resellerhub.billing.clock.EngineClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * Every path of {@code processes/billing-day.bpmn} and {@code processes/billing-day-chunk.bpmn} (PAY-4, PAY-5, PAY-6) on
 * the in-memory engine with the domain mocked behind {@link SettlementService}: the daily timer, a requested run, one
 * chunk instance per chunk, waiting for unsettled chunks, the figures as variables, a failing chunk retried into an
 * incident and then resolved, and a settlement that takes too long ("Billing day late" tells operations, the run goes
 * on). Together they cover every flow node and flow of both processes.
 */
@Deployment(resources = {BillingDayProcess.RESOURCE, BillingDayProcess.CHUNK_RESOURCE})
class BillingDayProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.extensionRequiringCoverage(1.0);

  private static final Instant NOW = Instant.parse("2027-05-10T01:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2027-05-10");
  private static final long RUN = 3;

  private final EngineClock clock = new EngineClock(ZoneOffset.UTC);
  private final SettlementService settlement = mock(SettlementService.class);
  private final BillingDayService billingDay = mock(BillingDayService.class);
  private final BillingDayLateNotice lateNotice = mock(BillingDayLateNotice.class);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void wire() {
    clock.set(NOW);
    BillingDaySettings settings = new BillingDaySettings("0 0 2 * * ?", true, 500, Duration.ofSeconds(5),
        Duration.ofHours(4), "operations@localhost", "test-node", 7, 7, 200, 5000, 4);
    Mocks.register(BillingDayProcess.Beans.SCHEDULE, new BillingDaySchedule(settings));
    Mocks.register(BillingDayProcess.Beans.NOTIFY_LATE, new NotifyBillingDayLateDelegate(lateNotice));
    Mocks.register(BillingDayProcess.Beans.CREATE, new CreateDuePaymentsDelegate(billingDay));
    when(billingDay.createDueStep(any(), anyLong()))
        .thenReturn(new BillingDayService.Step(new BillingDayService.Created(0, 0, 0, 0), 0, false));
    Mocks.register(BillingDayProcess.Beans.SELECT, new SelectExpiringPaymentsDelegate(settlement));
    Mocks.register(BillingDayProcess.Beans.START_CHUNKS, new StartChunkSettlementsDelegate(settlement));
    Mocks.register(BillingDayProcess.Beans.CHECK, new CheckChunksDelegate(settlement));
    Mocks.register(BillingDayProcess.Beans.MARK_OVERDUE, new MarkExpiredPaymentsOverdueDelegate(settlement));
    Mocks.register(BillingDayProcess.Beans.SETTLE, new SettleChunkDelegate(settlement, meters));
    Mocks.register(BillingDayProcess.Beans.RUN_KEY, new BillingDayKeyListener(settlement, settings, clock));
    when(settlement.runKey(any())).thenAnswer(call -> "demo:" + call.getArgument(0));
  }

  @AfterEach
  void unwire() {
    Mocks.reset();
    clock.reset();
  }

  private static Progress progress(int settled, int paid, int skipped, Integer overdue) {
    return new Progress(RUN, DAY, overdue == null ? BillingDayRun.Status.RUNNING : BillingDayRun.Status.FINISHED, 900,
        2, settled, paid, skipped, new BigDecimal("1234.5000"),
        skipped == 0 ? Map.of() : Map.of(SkipReason.INSUFFICIENT_BALANCE, skipped), overdue);
  }

  private void twoChunks(LocalDate day) {
    PreparedRun run = new PreparedRun(RUN, day, 900, List.of(new ChunkRef(11L, 1), new ChunkRef(12L, 2)));
    when(settlement.prepare(day)).thenReturn(run);
    when(settlement.lockForChunkStart(RUN)).thenReturn(run);
  }

  private static List<ProcessInstance> chunkInstances() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(BillingDayProcess.CHUNK_PROCESS_KEY)
        .orderByBusinessKey().asc().list();
  }

  @Test
  void PAY4_theDailyTimerStartsTheDaysRun_chunksSettleInTheirOwnInstances_thenExpiredPaymentsBecomeOverdue() {
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer).as("the daily timer is deployed").isNotNull();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2027-05-10T02:00:00Z"));
    clock.set(Instant.parse("2027-05-10T02:00:00Z"));
    twoChunks(DAY);
    when(settlement.progress(RUN)).thenReturn(progress(1, 400, 50, null), progress(2, 800, 100, null));
    when(settlement.finish(RUN)).thenReturn(progress(2, 800, 100, 7));
    when(settlement.settle(11L)).thenReturn(new ChunkOutcome(11L, 400, 50, new BigDecimal("600.0000"),
        Map.of(SkipReason.INSUFFICIENT_BALANCE, 50), false));

    execute(timer);
    ProcessInstance run = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(BillingDayProcess.PROCESS_KEY).singleResult();
    assertThat(run).isWaitingAt(CREATE).hasBusinessKey("demo:2027-05-10");
    assertThat(managementService().createJobQuery().timers().count())
        .as("the next day's timer is scheduled").isEqualTo(1);
    // a day of many accounts is created slice after slice, one job each, from where the previous one stopped
    when(billingDay.createDueStep(DAY, 0L))
        .thenReturn(new BillingDayService.Step(new BillingDayService.Created(2, 1, 1, 3), 5000L, true));
    when(billingDay.createDueStep(DAY, 5000L))
        .thenReturn(new BillingDayService.Step(new BillingDayService.Created(1, 1, 0, 1), 7200L, false));
    execute(job(CREATE, run));
    assertThat(run).isWaitingAt(CREATE).hasPassed(ALL_CREATED_GATEWAY).variables()
        .containsEntry(CREATED_UP_TO, 5000L).containsEntry(MORE_TO_CREATE, true).containsEntry("renewalsCreated", 2);
    execute(job(CREATE, run));
    assertThat(run).isWaitingAt(SELECT).variables().containsEntry("renewalsCreated", 3)
        .containsEntry("prolongationsCreated", 2).containsEntry("combinedCreated", 1).containsEntry("actsCreated", 4)
        .containsEntry(CREATED_UP_TO, 7200L).containsEntry(MORE_TO_CREATE, false);
    verify(billingDay).createDueStep(DAY, 0L);
    verify(billingDay).createDueStep(DAY, 5000L);

    execute(job(SELECT, run));
    assertThat(run).hasBusinessKey("demo:2027-05-10").isWaitingAt(START_CHUNKS)
        .variables().containsEntry(RUN_ID, RUN).containsEntry(BUSINESS_DATE, "2027-05-10")
        .containsEntry(PAYMENTS, 900).containsEntry(CHUNKS, 2);

    execute(job(START_CHUNKS, run));
    List<ProcessInstance> chunks = chunkInstances();
    assertThat(chunks).extracting(ProcessInstance::getBusinessKey)
        .containsExactly("demo:2027-05-10:chunk:1", "demo:2027-05-10:chunk:2");
    assertThat(run).isWaitingAt(WAIT).variables().containsEntry(CHUNKS_SETTLED, 1).containsEntry(PAID, 400)
        .containsEntry(SKIPPED, 50).containsEntry(SKIPPED_BY_REASON, "INSUFFICIENT_BALANCE=50")
        .containsEntry(ALL_SETTLED, false).containsEntry(CHECKS, 1);

    ProcessInstance first = chunks.get(0);
    assertThat(first).isWaitingAt(SETTLE);
    execute(job(SETTLE, first));
    assertThat(first).isEnded().variables().containsEntry(PAID, 400).containsEntry(SKIPPED, 50)
        .containsEntry(PAID_AMOUNT, "600.0000");
    assertThat(meters.get(SettleChunkDelegate.CHUNK_TIMER).timer().count())
        .as("each chunk's settlement is timed, for operations to weigh against the job lock").isEqualTo(1);

    execute(job(WAIT, run));
    assertThat(run).isWaitingAt(MARK_OVERDUE).variables().containsEntry(CHUNKS_SETTLED, 2)
        .containsEntry(ALL_SETTLED, true).containsEntry(CHECKS, 2);
    execute(job(MARK_OVERDUE, run));
    assertThat(run).isEnded().hasPassed(TIMER_START, STARTED, SETTLEMENT_START, PAYMENTS_SETTLED, DONE)
        .hasNotPassed(MESSAGE_START, LATE);
    verify(settlement).finish(RUN);
    verify(lateNotice, times(0)).notifyLate(RUN);
  }

  @Test
  void OPS3_aSettlementStillRunningAfterLateAfter_notifiesOperations_andTheRunGoesOnToTheEnd() {
    twoChunks(DAY);
    when(settlement.progress(RUN)).thenReturn(progress(1, 400, 0, null), progress(2, 900, 0, null));
    when(settlement.finish(RUN)).thenReturn(progress(2, 900, 0, 0));
    new BillingDayStarter(runtimeService()).request(DAY, "admin");
    ProcessInstance run = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(BillingDayProcess.PROCESS_KEY).singleResult();
    assertThat(run).variables().containsEntry(LATE_AT, "2027-05-10T05:00:00Z");
    assertThat(managementService().createJobQuery().processInstanceId(run.getId()).activityId(LATE).count())
        .as("the late timer exists only while the payments are being settled").isZero();
    execute(job(CREATE, run));
    Job late = job(LATE, run);
    assertThat(late.getDuedate().toInstant()).as("start + late-after (PT4H)")
        .isEqualTo(Instant.parse("2027-05-10T05:00:00Z"));
    execute(job(SELECT, run));
    execute(job(START_CHUNKS, run));
    assertThat(run).isWaitingAt(WAIT);

    clock.set(Instant.parse("2027-05-10T05:00:00Z"));
    execute(late);
    assertThat(run).isWaitingAt(WAIT, NOTIFY_LATE);
    execute(job(NOTIFY_LATE, run));
    verify(lateNotice).notifyLate(RUN);
    assertThat(run).hasPassed(LATE, NOTIFY_LATE, LATE_NOTIFIED).isWaitingAt(WAIT);

    execute(job(WAIT, run));
    execute(job(MARK_OVERDUE, run));
    assertThat(run).isEnded().hasPassed(PAYMENTS_SETTLED, DONE);
  }

  @Test
  void PAY4_aRequestedRunSettlesTheGivenDate_andStartsNoChunkTwiceWhenTheStepIsRepeated() {
    LocalDate yesterday = DAY.minusDays(1);
    twoChunks(yesterday);
    when(settlement.progress(RUN)).thenReturn(progress(2, 900, 0, null));
    when(settlement.finish(RUN)).thenReturn(progress(2, 900, 0, 0));

    new BillingDayStarter(runtimeService()).request(yesterday, "admin");
    ProcessInstance run = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(BillingDayProcess.PROCESS_KEY).singleResult();
    execute(job(CREATE, run));
    verify(billingDay).createDueStep(yesterday, 0L);
    execute(job(SELECT, run));
    assertThat(run).hasBusinessKey("demo:2027-05-09");
    execute(job(START_CHUNKS, run));
    assertThat(chunkInstances()).hasSize(2);
    assertThat(run).isWaitingAt(MARK_OVERDUE).variables().containsEntry(SKIPPED_BY_REASON, "none");

    // a second instance of the same day (the timer and a request at once) gets the same run and starts no chunk twice
    new BillingDayStarter(runtimeService()).request(yesterday, "admin");
    ProcessInstance again = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(BillingDayProcess.PROCESS_KEY).list().stream()
        .filter(p -> !p.getId().equals(run.getId())).findFirst().orElseThrow();
    execute(job(CREATE, again));
    execute(job(SELECT, again));
    execute(job(START_CHUNKS, again));
    assertThat(chunkInstances()).hasSize(2);

    execute(job(MARK_OVERDUE, run));
    assertThat(run).isEnded().hasPassed(MESSAGE_START).hasNotPassed(WAIT)
        .variables().containsEntry(OVERDUE_MARKED, 0).containsEntry(PAID, 900);
  }

  @Test
  void PAY6_aFailingChunkIsRetriedThenBecomesAnIncident_andResolvingItSettlesIt() {
    twoChunks(DAY);
    when(settlement.progress(RUN)).thenReturn(progress(1, 400, 0, null));
    new BillingDayStarter(runtimeService()).request(DAY, "admin");
    ProcessInstance run = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(BillingDayProcess.PROCESS_KEY).singleResult();
    execute(job(CREATE, run));
    execute(job(SELECT, run));
    execute(job(START_CHUNKS, run));
    ProcessInstance second = chunkInstances().get(1);
    doThrow(new IllegalStateException("database down")).when(settlement).settle(12L);

    Job job = job(SETTLE, second);
    int attempts = ProcessTestEngine.runUntilOutOfRetries(managementService(), job, clock, "database down");
    assertThat(attempts).as("the engine-wide cycle: six attempts").isEqualTo(ProcessTestEngine.ATTEMPTS);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(second.getId()).count()).isEqualTo(1);

    execute(job(WAIT, run));
    assertThat(run).isWaitingAt(WAIT).variables().containsEntry("chunksWithIncident", 1L);

    // resolved: retries set again, the cause gone
    org.mockito.Mockito.reset(settlement);
    when(settlement.settle(12L)).thenReturn(new ChunkOutcome(12L, 500, 0, new BigDecimal("700.0000"), Map.of(), false));
    managementService().setJobRetries(job.getId(), 1);
    execute(job(SETTLE, second));
    assertThat(second).isEnded();
    verify(settlement, times(1)).settle(12L);
  }
}
