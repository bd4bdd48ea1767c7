package com.resellerhub.billing.process;

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
}
