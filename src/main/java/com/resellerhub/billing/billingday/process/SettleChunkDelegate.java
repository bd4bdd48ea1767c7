package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.billingday.SettlementService.ChunkOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Settle chunk": pays the chunk's payments from the balance where PAY-4 allows it; its figures as variables. Each
 * chunk's work is timed ({@code billing_billing_day_chunk_seconds}: count, sum, max), the figure the job lock time is
 * weighed against (docs/operations.md#job-executor).
 */
@Component(BillingDayProcess.Beans.SETTLE)
public class SettleChunkDelegate implements JavaDelegate {

  public static final String CHUNK_TIMER = "billing.billing-day.chunk";

  private final SettlementService settlement;
  private final Timer timer;

  public SettleChunkDelegate(SettlementService settlement, MeterRegistry registry) {
    this.settlement = settlement;
    this.timer = Timer.builder(CHUNK_TIMER).description("One billing-day chunk settled (its job's work, commit excluded)")
        .register(registry);
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChunkOutcome outcome = timer.record(() -> settlement.settle(ProcessVariables.requiredLong(execution, CHUNK_ID)));
    execution.setVariable(PAID, outcome.paid());
    execution.setVariable(PAID_AMOUNT, outcome.paidAmount().toPlainString());
    execution.setVariable(SKIPPED, outcome.skipped());
    execution.setVariable(SKIPPED_BY_REASON, outcome.skippedByReasonText());
  }
}
