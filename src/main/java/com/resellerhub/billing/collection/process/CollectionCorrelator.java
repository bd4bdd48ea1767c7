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

  public CollectionCorrelator(CollectionService collections, RuntimeService runtimeService) {
    this.collections = collections;
    this.runtimeService = runtimeService;
  }

  @ApplicationModuleListener
  public void paymentsClosed(PaymentsClosed closed) {
    for (Long paymentId : collections.openAmong(closed.paymentIds())) {
      var correlated = runtimeService.createMessageCorrelation(CollectionsProcess.MESSAGE_SETTLED)
          .processInstanceBusinessKey(String.valueOf(paymentId)).correlateAllWithResult();
      if (correlated.isEmpty()) {
        // the instance ended meanwhile (its last step ran as the payment closed): settle the collection itself
        collections.settled(paymentId);
      }
    }
  }
}
