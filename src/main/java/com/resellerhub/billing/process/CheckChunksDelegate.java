package com.resellerhub.billing.process;

import static com.resellerhub.billing.process.AutoDebitProcess.Variables.*;

import com.resellerhub.billing.autodebit.AutoDebitService;
import com.resellerhub.billing.autodebit.AutoDebitService.Progress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check chunks": the run's figures so far as variables (Cockpit shows them on the instance): chunks settled, paid,
 * not paid by reason, chunks whose settlement became an incident, and whether every chunk is settled.
 */
@Component(AutoDebitProcess.Beans.CHECK)
public class CheckChunksDelegate implements JavaDelegate {

  private final AutoDebitService autoDebit;

  public CheckChunksDelegate(AutoDebitService autoDebit) {
    this.autoDebit = autoDebit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Progress progress = autoDebit.progress(ProcessVariables.requiredLong(execution, RUN_ID));
    long incidents = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(AutoDebitProcess.CHUNK_PROCESS_KEY)
        .processInstanceBusinessKeyLike(execution.getProcessBusinessKey() + ":chunk:%").withIncident().count();
    RunFigures.set(execution, progress);
    execution.setVariable(CHUNKS_WITH_INCIDENT, incidents);
    execution.setVariable(ALL_SETTLED, progress.allSettled());
    Object checks = execution.getVariable(CHECKS);
    execution.setVariable(CHECKS, (checks instanceof Number n ? n.intValue() : 0) + 1);
  }
}
