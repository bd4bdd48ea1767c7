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
   * due about five minutes later (the engine-wide {@code R3/PT5M}); returns how many times it ran.
   */
  public static int runUntilOutOfRetries(ManagementService management, Job job, Clock clock, String failure) {
    int attempts = 0;
    while (job != null && job.getRetries() > 0) {
      String jobId = job.getId();
      Instant failedAt = clock.instant();
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining(failure);
      attempts++;
      job = management.createJobQuery().jobId(jobId).singleResult();
      if (job.getRetries() > 0) {
        assertThat(Duration.between(failedAt, job.getDuedate().toInstant()))
            .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
      }
    }
    return attempts;
  }
}
