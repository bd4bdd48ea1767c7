package com.resellerhub.billing.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Many engine calls as one engine command: every runtime call made inside {@link #asOne} joins that command, so the
 * engine writes what all of them changed in one flush at its end (batched statements), instead of one flush per call.
 * Used where hundreds of instances move at once (the promise expiry sweep's chunk); the caller's transaction is
 * joined as by any engine call.
 */
@Component
public class EngineCommands {

  private final ProcessEngine engine;

  public EngineCommands(ProcessEngine engine) {
    this.engine = engine;
  }

  public void asOne(Runnable calls) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> {
          calls.run();
          return null;
        });
  }
}
