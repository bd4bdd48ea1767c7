package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.billingday.SettlementSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The settings the auto-debit processes read in expressions: {@code ${autoDebitSchedule.cron}} (the daily timer),
 * {@code ${autoDebitSchedule.retryCycle}} (a failing chunk's retries before its incident) and
 * {@code ${autoDebitSchedule.waitFor(checks)}} (how long the run waits before it checks its chunks again: the poll
 * interval for the first {@value #QUICK_CHECKS} checks, then {@value #SLOW_WAIT}, so a run waiting for an incident to
 * be resolved does not fill the history).
 */
@Component(BillingDayProcess.Beans.SCHEDULE)
public class BillingDaySchedule {

  static final int QUICK_CHECKS = 120;
  static final String SLOW_WAIT = "PT5M";

  private final SettlementSettings settings;

  public BillingDaySchedule(SettlementSettings settings) {
    this.settings = settings;
  }

  public String getCron() {
    return settings.cron();
  }

  public String getRetryCycle() {
    return settings.retryCycle();
  }

  public String waitFor(Object checks) {
    long done = checks instanceof Number n ? n.longValue() : 0;
    Duration poll = settings.pollInterval();
    return done < QUICK_CHECKS ? poll.toString() : SLOW_WAIT;
  }
}
