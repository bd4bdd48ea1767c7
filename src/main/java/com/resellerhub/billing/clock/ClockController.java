package com.resellerhub.billing.clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import com.resellerhub.billing.web.BadRequestException;

/**
 * Moves the application's time (OPS-5), Camunda's timers included. Exists only when the adjustable clock is on;
 * only camunda-admin may call it (see the security configuration).
 */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnProperty(name = "billing.clock.adjustable", havingValue = "true")
@Tag(name = "admin", description = "Administration: the adjustable clock")
public class ClockController {

  private static final Logger log = LoggerFactory.getLogger(ClockController.class);

  private final EngineClock clock;
  private final ProcessEngineConfiguration engineConfiguration;

  public ClockController(EngineClock clock, ProcessEngineConfiguration engineConfiguration) {
    this.clock = clock;
    this.engineConfiguration = engineConfiguration;
  }

  /** What to do with the clock: either set it to an instant, or advance it by a duration. */
  public record ClockChange(Instant set, Duration advanceBy) {}

  public record ClockState(Instant now, boolean adjusted) {}

  @GetMapping
  @Operation(summary = "The application's current time")
  public ClockState now() {
    return state();
  }

  @PostMapping
  @Operation(summary = "Set the time (`set`, an ISO instant) or advance it (`advanceBy`, an ISO duration such as P1D)")
  public ClockState change(@RequestBody ClockChange change, @AuthenticationPrincipal UserDetails admin) {
    if ((change.set() == null) == (change.advanceBy() == null)) {
      throw new BadRequestException("set", "exactly one of `set` and `advanceBy` is required");
    }
    if (change.advanceBy() != null && change.advanceBy().isNegative()) {
      throw new BadRequestException("advanceBy", "must not be negative; use `set` to go back");
    }
    Instant target = change.set() != null ? change.set() : clock.instant().plus(change.advanceBy());
    clock.set(target);
    log.info("{} moved the clock to {}", admin.getUsername(), target);
    wakeUpJobExecutor();
    return state();
  }

  @DeleteMapping
  @Operation(summary = "Return to the real time")
  public ClockState reset() {
    clock.reset();
    return state();
  }

  private ClockState state() {
    Instant now = clock.instant();
    return new ClockState(now, Math.abs(Duration.between(Instant.now(), now).toSeconds()) > 1);
  }

  /** Timers that are due now should fire now, not when the idle job executor next looks. */
  private void wakeUpJobExecutor() {
    if (engineConfiguration instanceof ProcessEngineConfigurationImpl impl) {
      JobExecutor executor = impl.getJobExecutor();
      if (executor != null && executor.isActive()) {
        executor.jobWasAdded();
      }
    }
  }

}
