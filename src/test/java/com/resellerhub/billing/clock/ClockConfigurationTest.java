package com.resellerhub.billing.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** OPS-5: the adjustable clock and its endpoint exist only when switched on; otherwise the system clock in UTC. */
class ClockConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withBean(ProcessEngineConfiguration.class, StandaloneInMemProcessEngineConfiguration::new)
      .withUserConfiguration(ClockConfiguration.class, ClockController.class);

  @Test
  void OPS5_offByDefault_systemClockAndNoClockEndpoint() {
    context.run(ctx -> {
      assertThat(ctx).hasSingleBean(Clock.class).doesNotHaveBean(EngineClock.class)
          .doesNotHaveBean(ClockController.class);
      assertThat(ctx.getBean(Clock.class).getZone().getId()).isEqualTo("Z");
    });
  }

  @Test
  void OPS5_onWhenConfigured_engineClockAndEndpoint() {
    context.withPropertyValues("billing.clock.adjustable=true").run(ctx ->
        assertThat(ctx).hasSingleBean(Clock.class).hasSingleBean(EngineClock.class)
            .hasSingleBean(ClockController.class));
  }
}
