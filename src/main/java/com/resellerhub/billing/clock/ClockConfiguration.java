package com.resellerhub.billing.clock;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the application. All times are kept in UTC. With {@code billing.clock.adjustable=true}
 * (the demo profile) it is an {@link EngineClock} that a camunda-admin can move through {@code /api/admin/clock};
 * otherwise it is the system clock and the clock endpoint does not exist.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  @Bean
  @ConditionalOnProperty(name = "billing.clock.adjustable", havingValue = "true")
  public EngineClock adjustableClock() {
    return new EngineClock(ZoneOffset.UTC);
  }

  @Bean
  @ConditionalOnProperty(name = "billing.clock.adjustable", havingValue = "false", matchIfMissing = true)
  public Clock systemClock() {
    return Clock.systemUTC();
  }
}
