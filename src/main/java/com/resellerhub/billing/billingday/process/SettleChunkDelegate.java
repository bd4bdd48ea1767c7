package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.billingday.SettlementService.ChunkOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Settle chunk": pays the chunk's payments from the balance where PAY-4 allows it; its figures as variables. */
@Component(BillingDayProcess.Beans.SETTLE)
public class SettleChunkDelegate implements JavaDelegate {

  private final SettlementService settlement;

  public SettleChunkDelegate(SettlementService settlement) {
    this.settlement = settlement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChunkOutcome outcome = settlement.settle(ProcessVariables.requiredLong(execution, CHUNK_ID));
    execution.setVariable(PAID, outcome.paid());
    execution.setVariable(PAID_AMOUNT, outcome.paidAmount().toPlainString());
    execution.setVariable(SKIPPED, outcome.skipped());
    execution.setVariable(SKIPPED_BY_REASON, outcome.skippedByReasonText());
  }
}
