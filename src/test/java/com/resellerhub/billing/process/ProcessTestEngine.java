package com.resellerhub.billing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The in-memory engine of every process test (job executor off, coverage recorded under
 * {@code target/process-test-coverage}). Use as {@code @RegisterExtension static ProcessEngineCoverageExtension
 * engine = ProcessTestEngine.extension();}.
 */
public final class ProcessTestEngine {

  public static final String CONFIGURATION = "process-test.cfg.xml";

  private ProcessTestEngine() {}

  public static ProcessEngineCoverageExtension extension() {
    return ProcessEngineCoverageExtension.Companion.builder(CONFIGURATION).build();
  }

  /** An engine whose user tasks carry the application's SEC-6 guard ({@link TaskDecisionGuard}). */
  public static ProcessEngineCoverageExtension guardedExtension() {
    return ProcessEngineCoverageExtension.Companion.builder("process-test-guarded.cfg.xml").build();
  }

  /** The same engine, and the test class fails unless its tests together cover at least this share (0..1). */
  public static ProcessEngineCoverageExtension extensionRequiringCoverage(double minimum) {
    return ProcessEngineCoverageExtension.Companion.builder(CONFIGURATION).assertClassCoverageAtLeast(minimum)
        .build();
  }

  /**
   * Runs a failing job until it has no retries left, checking every failure names {@code failure} and every retry is
   * due after the engine-wide cycle's next delay ({@link #RETRY_DELAYS}); returns how many times it ran.
   */
  /**
   * The engine-wide retry cycle {@code PT5S,PT10S,PT15S,PT30S,PT5M} (application.yml, process-test.cfg.xml): four
   * quick retries within a minute (a database that was away for up to a minute), then one five minutes later, then
   * an incident; six attempts in all.
   */
  public static final java.util.List<Duration> RETRY_DELAYS = java.util.List.of(Duration.ofSeconds(5),
      Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(5));

  /** How many times a step that always fails runs before its incident. */
  public static final int ATTEMPTS = RETRY_DELAYS.size() + 1;

  public static int runUntilOutOfRetries(ManagementService management, Job job, Clock clock, String failure) {
    int attempts = 0;
    while (job != null && job.getRetries() > 0) {
      String jobId = job.getId();
      Instant failedAt = clock.instant();
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining(failure);
      attempts++;
      job = management.createJobQuery().jobId(jobId).singleResult();
      if (job.getRetries() > 0) {
        Duration expected = RETRY_DELAYS.get(attempts - 1);
        assertThat(Duration.between(failedAt, job.getDuedate().toInstant())).as("retry %d", attempts)
            .isBetween(expected.minusSeconds(2), expected.plusSeconds(2));
      }
    }
    return attempts;
  }
}
