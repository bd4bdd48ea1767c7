package com.resellerhub.billing.process;

import static com.resellerhub.billing.process.AutoDebitProcess.Variables.*;

import com.resellerhub.billing.autodebit.AutoDebitService;
import com.resellerhub.billing.autodebit.AutoDebitService.ChunkOutcome;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Settle chunk": pays the chunk's payments from the balance where PAY-4 allows it; its figures as variables. */
@Component(AutoDebitProcess.Beans.SETTLE)
public class SettleChunkDelegate implements JavaDelegate {

  private final AutoDebitService autoDebit;

  public SettleChunkDelegate(AutoDebitService autoDebit) {
    this.autoDebit = autoDebit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChunkOutcome outcome = autoDebit.settle(ProcessVariables.requiredLong(execution, CHUNK_ID));
    execution.setVariable(PAID, outcome.paid());
    execution.setVariable(PAID_AMOUNT, outcome.paidAmount().toPlainString());
    execution.setVariable(SKIPPED, outcome.skipped());
    execution.setVariable(SKIPPED_BY_REASON, outcome.skippedByReason().isEmpty() ? "none"
        : outcome.skippedByReason().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ")));
  }
}
