package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.billingday.SettlementSettings;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code billing.auto-debit.daily-timer}: after the deployment (when the context is refreshed, before the job executor
 * starts), the daily "Billing day" timer of every version of the
 * {@code auto-debit} process is activated (true, the default) or suspended (false). Only the timer: a suspended timer
 * starts no run, while requested runs and runs under way go on. Every node applies its own setting at start, so the
 * nodes of one cluster should agree.
 */
@Component
public class BillingDayTimerSwitch {

  private static final Logger log = LoggerFactory.getLogger(BillingDayTimerSwitch.class);

  private final ManagementService management;
  private final SettlementSettings settings;

  public BillingDayTimerSwitch(ManagementService management, SettlementSettings settings) {
    this.management = management;
    this.settings = settings;
  }

  /** After the engine deployed the processes and before the job executor starts (it starts when the app is ready). */
  @EventListener
  public void deployed(ContextRefreshedEvent event) {
    for (JobDefinition timer : management.createJobDefinitionQuery().processDefinitionKey(BillingDayProcess.PROCESS_KEY)
        .activityIdIn(BillingDayProcess.Elements.TIMER_START).list()) {
      if (settings.dailyTimer() && timer.isSuspended()) {
        management.activateJobDefinitionById(timer.getId(), true);
      } else if (!settings.dailyTimer() && !timer.isSuspended()) {
        management.suspendJobDefinitionById(timer.getId(), true);
      }
    }
    log.info("The daily billing-day timer ({}) is {}", settings.cron(), settings.dailyTimer() ? "active" : "paused");
  }
}
