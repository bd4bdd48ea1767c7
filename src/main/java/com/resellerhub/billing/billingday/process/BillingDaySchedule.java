package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.billingday.BillingDaySettings;
import org.springframework.stereotype.Component;

/**
 * The settings the billing-day process reads in expressions: {@code ${billingDaySchedule.cron}} (the daily timer) and
 * {@code ${billingDaySchedule.waitFor(checks, chunksWithIncident)}} (how long the run waits before it counts its
 * settled chunks again: the poll interval while its chunks are settling, however long a big day takes; once a chunk
 * has an incident, still the poll interval up to the {@value #QUICK_CHECKS}th check, then {@value #SLOW_WAIT}, so a
 * run waiting for an operator does not fill the history). Retries are the engine-wide default.
 */
@Component(BillingDayProcess.Beans.SCHEDULE)
public class BillingDaySchedule {

  static final int QUICK_CHECKS = 120;
  static final String SLOW_WAIT = "PT5M";

  private final BillingDaySettings settings;

  public BillingDaySchedule(BillingDaySettings settings) {
    this.settings = settings;
  }

  public String getCron() {
    return settings.cron();
  }

  /**
   * What the definitions deployed before this release call ({@code waitFor(checks)}; instances of them may still
   * run): the poll interval for the first {@value #QUICK_CHECKS} checks, then {@value #SLOW_WAIT}, as they did.
   */
  public String waitFor(Object checks) {
    long done = checks instanceof Number n ? n.longValue() : 0;
    return done < QUICK_CHECKS ? settings.pollInterval().toString() : SLOW_WAIT;
  }

  public String waitFor(Object checks, Object chunksWithIncident) {
    long done = checks instanceof Number n ? n.longValue() : 0;
    boolean waitingForAnOperator = chunksWithIncident instanceof Number n && n.longValue() > 0;
    return waitingForAnOperator && done >= QUICK_CHECKS ? SLOW_WAIT : settings.pollInterval().toString();
  }
}
