package com.resellerhub.billing.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.resellerhub.billing.process.ProcessTestEngine;

/** OPS-5: the application's clock and Camunda's timers are one clock; moving it makes timers due. */
class AdjustableClockProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.extension();

  private final EngineClock clock = new EngineClock(ZoneOffset.UTC);

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  @Deployment(resources = "clock-probe.bpmn")
  void OPS5_movingTheClockMakesATimerDueAndTheDomainSeesTheSameTime() {
    Instant start = Instant.parse("2026-04-02T09:00:00Z");
    clock.set(start);
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("clock-probe", "probe-1");
    assertThat(instance).isWaitingAt("Event_HourPassed");
    Date due = job().getDuedate();
    assertThat(Duration.between(start, due.toInstant())).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    assertThat(managementService().createJobQuery().executable().count()).as("not due yet").isZero();

    clock.set(start.plus(Duration.ofHours(2)));

    assertThat(Duration.between(start.plus(Duration.ofHours(2)), clock.instant()).abs())
        .isLessThan(Duration.ofSeconds(5));
    assertThat(managementService().createJobQuery().executable().count()).as("due after the move").isEqualTo(1);
    execute(job());
    assertThat(instance).isEnded();
  }
}
