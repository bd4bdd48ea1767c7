package com.resellerhub.billing.billingday.process;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService.Progress;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A billing day's figures as process variables (numbers and one text), never entities. */
final class RunFigures {

  private RunFigures() {}

  static void set(VariableScope scope, Progress progress) {
    scope.setVariable(CHUNKS, progress.chunks());
    scope.setVariable(CHUNKS_SETTLED, progress.chunksSettled());
    scope.setVariable(PAID, progress.paid());
    scope.setVariable(PAID_AMOUNT, progress.paidAmount().toPlainString());
    scope.setVariable(SKIPPED, progress.skipped());
    scope.setVariable(SKIPPED_BY_REASON, progress.skippedByReasonText());
  }
}
