package com.resellerhub.billing.promise;

import com.resellerhub.billing.ledger.MoneyReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the ledger: once money received is committed, repays running promises and lifts their block cause
 * (PROM-5), asynchronously in a transaction of its own. Durable: the event publication registry (table
 * {@code EVENT_PUBLICATION}) holds the event until this listener has completed; one that failed, or was cut off by
 * a restart, is resubmitted ({@code platform/EventPublicationRetry}), and {@link PromiseService#moneyReceived}
 * counts each ledger entry once, so a redelivery repays nothing twice.
 */
@Component
public class PromiseRepayments {

  private final PromiseService promises;

  public PromiseRepayments(PromiseService promises) {
    this.promises = promises;
  }

  @ApplicationModuleListener
  public void on(MoneyReceived money) {
    promises.moneyReceived(money);
  }
}
