package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.billingday.SettlementService.Progress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Count settled accounts": the run's figures so far as variables (Cockpit shows them on the instance): chunks settled, paid,
 * not paid by reason, chunks whose settlement became an incident, and whether every chunk is settled.
 */
@Component(BillingDayProcess.Beans.CHECK)
public class CheckChunksDelegate implements JavaDelegate {

  private final SettlementService settlement;

  public CheckChunksDelegate(SettlementService settlement) {
    this.settlement = settlement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Progress progress = settlement.progress(ProcessVariables.requiredLong(execution, RUN_ID));
    long incidents = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(BillingDayProcess.CHUNK_PROCESS_KEY)
        .processInstanceBusinessKeyLike(BillingDayProcess.chunkKeysOf(execution.getProcessBusinessKey())).withIncident().count();
    RunFigures.set(execution, progress);
    execution.setVariable(CHUNKS_WITH_INCIDENT, incidents);
    execution.setVariable(ALL_SETTLED, progress.allSettled());
    Object checks = execution.getVariable(CHECKS);
    execution.setVariable(CHECKS, (checks instanceof Number n ? n.intValue() : 0) + 1);
  }
}
