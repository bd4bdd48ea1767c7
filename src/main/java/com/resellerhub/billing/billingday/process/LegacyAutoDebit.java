package com.resellerhub.billing.billingday.process;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The upgrade path from the process's old name. Until this release the billing day was the process {@code auto-debit}
 * (with {@code auto-debit-chunk}); a database upgraded from then may hold instances of it under way. They are neither
 * migrated nor cancelled: they finish on the definition they started on, whose expressions name the beans below
 * (the delegates kept their names). Their daily timer is suspended at start ({@link BillingDayTimerSwitch}), so only
 * {@code billing-day} starts new days; a day started by the old process is found by the new one as the same run (the
 * run is unique per date). The tables were renamed by Liquibase ({@code 012-billing-day-names}), keeping every row.
 * Once Cockpit shows no {@code auto-debit} instance, this class can be deleted.
 */
@Configuration(proxyBeanMethods = false)
public class LegacyAutoDebit {

  /** What the old definitions read: {@code cron} (never fires: suspended), {@code retryCycle} and {@code waitFor}. */
  public record Schedule(BillingDaySchedule schedule, ProcessEngineConfiguration engine) {
    public String getCron() {
      return schedule.getCron();
    }

    public String getRetryCycle() {
      return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine).getFailedJobRetryTimeCycle();
    }

    public String waitFor(Object checks) {
      return schedule.waitFor(checks);
    }
  }

  @Bean(BillingDayProcess.Beans.LEGACY_SCHEDULE)
  Schedule legacyAutoDebitSchedule(BillingDaySchedule schedule, @Lazy ProcessEngineConfiguration engine) {
    return new Schedule(schedule, engine);
  }

  @Bean(BillingDayProcess.Beans.LEGACY_RUN_KEY)
  ExecutionListener legacyAutoDebitRunKeyListener(BillingDayKeyListener listener) {
    return listener::notify;
  }
}
