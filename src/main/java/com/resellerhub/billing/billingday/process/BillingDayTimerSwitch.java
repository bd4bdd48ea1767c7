package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.billingday.BillingDaySettings;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code billing.billing-day.daily-timer}: after the deployment (when the context is refreshed, before the job
 * executor starts), the daily "Billing day" timer of every version of the {@code billing-day} process is activated
 * (true, the default) or suspended (false). Only the timer: a suspended timer starts no run, while requested runs and
 * runs under way go on. Every node applies its own setting at start, so the nodes of one cluster should agree. The
 * timer of the legacy {@code auto-debit} definitions is always suspended ({@link LegacyAutoDebit}).
 */
@Component
public class BillingDayTimerSwitch {

  private static final Logger log = LoggerFactory.getLogger(BillingDayTimerSwitch.class);

  private final ManagementService management;
  private final BillingDaySettings settings;

  public BillingDayTimerSwitch(ManagementService management, BillingDaySettings settings) {
    this.management = management;
    this.settings = settings;
  }

  /** After the engine deployed the processes and before the job executor starts (it starts when the app is ready). */
  @EventListener
  public void deployed(ContextRefreshedEvent event) {
    switchTimers(BillingDayProcess.PROCESS_KEY, settings.dailyTimer());
    switchTimers(BillingDayProcess.LEGACY_PROCESS_KEY, false);
    log.info("The daily billing-day timer ({}) is {}", settings.cron(), settings.dailyTimer() ? "active" : "paused");
  }

  private void switchTimers(String processKey, boolean active) {
    for (JobDefinition timer : management.createJobDefinitionQuery().processDefinitionKey(processKey)
        .activityIdIn(BillingDayProcess.Elements.TIMER_START).list()) {
      if (active && timer.isSuspended()) {
        management.activateJobDefinitionById(timer.getId(), true);
      } else if (!active && !timer.isSuspended()) {
        management.suspendJobDefinitionById(timer.getId(), true);
      }
    }
  }
}
