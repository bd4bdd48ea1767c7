package com.resellerhub.billing.billingday.process;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.BUSINESS_DATE;
import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.LATE_AT;

import com.resellerhub.billing.billingday.BillingDaySettings;
import com.resellerhub.billing.billingday.SettlementService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a billing day's instance starts (timer or request): its date (the requested one, or today by the application
 * clock), its business key {@code <reseller>:<date>}, so Cockpit names every instance from its first moment, and the
 * moment it is late ({@code lateAt}: now plus {@code billing.billing-day.late-after}), which the "Billing day late"
 * timer waits for.
 */
@Component(BillingDayProcess.Beans.RUN_KEY)
public class BillingDayKeyListener implements ExecutionListener {

  private final SettlementService settlement;
  private final BillingDaySettings settings;
  private final Clock clock;

  public BillingDayKeyListener(SettlementService settlement, BillingDaySettings settings, Clock clock) {
    this.settlement = settlement;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object requested = execution.getVariable(BUSINESS_DATE);
    LocalDate date = requested == null || requested.toString().isBlank() ? LocalDate.now(clock)
        : LocalDate.parse(requested.toString());
    execution.setVariable(BUSINESS_DATE, date.toString());
    OffsetDateTime lateAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).plus(settings.lateAfter());
    execution.setVariable(LATE_AT, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(lateAt));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(settlement.runKey(date));
    }
  }
}
