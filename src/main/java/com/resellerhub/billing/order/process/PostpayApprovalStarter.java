package com.resellerhub.billing.order.process;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.ACCOUNT_ID;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.ORDER_ID;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the postpay-approval process of an account (PP-3): business key = account id, variables {@code accountId},
 * {@code orderId} and the {@link ReviewFacts} the form shows. Only the order service calls it.
 *
 * <p>Idempotent per account: when the account already has a running instance, that one is returned and nothing
 * starts. This check is not safe against two concurrent first orders of one account; the caller serialises them
 * (for example by locking the account row in the transaction that accepts the order as PENDING_APPROVAL and sets the
 * account UNDER_REVIEW, and starting the process only when it made that change). The engine joins the caller's
 * Spring transaction, so a rolled-back order leaves no process behind.
 */
@Component
public class PostpayApprovalStarter {

  private static final Logger log = LoggerFactory.getLogger(PostpayApprovalStarter.class);

  private final RuntimeService runtimeService;

  public PostpayApprovalStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The account's running approval, started now for {@code orderId} unless one is already running. */
  public ProcessInstance start(long accountId, long orderId, ReviewFacts facts) {
    ProcessInstance running = running(accountId);
    if (running != null) {
      log.info("Postpay approval of account {} is already running ({}); order {} waits for it", accountId,
          running.getId(), orderId);
      return running;
    }
    Map<String, Object> variables = facts.variables();
    variables.put(ACCOUNT_ID, accountId);
    variables.put(ORDER_ID, orderId);
    ProcessInstance started = runtimeService.startProcessInstanceByKey(PostpayApproval.PROCESS_KEY,
        String.valueOf(accountId), variables);
    log.info("Postpay approval of account {} started ({}) for order {}", accountId, started.getId(), orderId);
    return started;
  }

  /** The account's running (not ended, possibly suspended) approval process, or {@code null}. */
  public ProcessInstance running(long accountId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PostpayApproval.PROCESS_KEY)
        .processInstanceBusinessKey(String.valueOf(accountId)).singleResult();
  }
}
