package com.resellerhub.billing.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock when the adjustable clock is on: it reads Camunda's {@link ClockUtil}, so the domain and
 * the engine (timers, due dates, job acquisition) always agree on what time it is. Moving it moves both.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new EngineClock(newZone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.now().toInstant();
  }

  /** Sets the time; it keeps running from there. */
  public void set(Instant instant) {
    ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
  }

  /** Back to the real time. */
  public void reset() {
    ClockUtil.reset();
  }
}
