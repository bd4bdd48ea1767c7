package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.payment.PaymentsClosed;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * COL-3: a paid or cancelled payment stops its collection at once: "Payment settled" is correlated to the open
 * collection of each (business key: the payment id) after the payment's transaction commits. Durable (the event
 * publication registry): a correlation that fails, e.g. while the instance's own step is running, is retried.
 */
@Component
public class CollectionCorrelator {

  private final CollectionService collections;
  private final RuntimeService runtimeService;

  private final org.springframework.transaction.support.TransactionTemplate eachAttempt;

  public CollectionCorrelator(CollectionService collections, RuntimeService runtimeService,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.eachAttempt = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.eachAttempt.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.collections = collections;
    this.runtimeService = runtimeService;
  }

  /**
   * Correlates "Payment settled", again at once when the instance was being changed by its own step or timer at the
   * same moment (optimistic locking), up to five times; then the event publication registry retries it later.
   */
  private java.util.List<org.camunda.bpm.engine.runtime.MessageCorrelationResult> correlate(long paymentId) {
    for (int attempt = 1; ; attempt++) {
      try {
        // each attempt in its own transaction: a failed one would leave the listener's marked rollback-only
        return eachAttempt.execute(tx -> runtimeService.createMessageCorrelation(CollectionsProcess.MESSAGE_SETTLED)
            .processInstanceBusinessKey(String.valueOf(paymentId)).correlateAllWithResult());
      } catch (org.camunda.bpm.engine.OptimisticLockingException busy) {
        if (attempt == 5) {
          throw busy;
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw busy;
        }
      }
    }
  }

  @ApplicationModuleListener
  public void paymentsClosed(PaymentsClosed closed) {
    for (Long paymentId : collections.openAmong(closed.paymentIds())) {
      var correlated = correlate(paymentId);
      if (correlated.isEmpty()) {
        // the instance ended meanwhile (its last step ran as the payment closed): settle the collection itself
        collections.settled(paymentId);
      }
    }
  }
}
