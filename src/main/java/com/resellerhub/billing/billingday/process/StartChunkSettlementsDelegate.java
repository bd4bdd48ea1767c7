package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.billingday.SettlementService.ChunkRef;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Settle the accounts in parallel": one {@code billing-day-chunk} instance per chunk (business key {@code <run key>:chunk:<n>}),
 * whose asynchronous "Settle chunk" job any node's job executor picks up, so chunks settle in parallel. A chunk that
 * already has an instance (another instance of the same day's run started it) is not started again; the run's row lock
 * makes two instances doing this at the same moment take turns.
 */
@Component(BillingDayProcess.Beans.START_CHUNKS)
public class StartChunkSettlementsDelegate implements JavaDelegate {

  private final SettlementService settlement;

  public StartChunkSettlementsDelegate(SettlementService settlement) {
    this.settlement = settlement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long runId = ProcessVariables.requiredLong(execution, RUN_ID);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    // the run's row stays locked until this job commits: another instance of the same day waits here, then finds in
    // history the chunk instances started by this one
    for (ChunkRef chunk : settlement.lockForChunkStart(runId).chunks()) {
      String key = BillingDayProcess.chunkKey(execution.getProcessBusinessKey(), chunk.chunkNo());
      boolean started = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(BillingDayProcess.CHUNK_PROCESS_KEY).processInstanceBusinessKey(key).count() > 0;
      if (!started) {
        runtime.startProcessInstanceByKey(BillingDayProcess.CHUNK_PROCESS_KEY, key,
            Map.of(RUN_ID, runId, CHUNK_ID, chunk.chunkId(), CHUNK_NO, chunk.chunkNo()));
      }
    }
  }

}
