package com.resellerhub.billing.promise;

import com.resellerhub.billing.ledger.MoneyReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listens to the ledger: once money received is committed, repays running promises and lifts a block (PROM-5), in
 * a transaction of its own. A failure here is logged; the money itself stays recorded.
 */
@Component
public class PromiseRepayments {

  private static final Logger log = LoggerFactory.getLogger(PromiseRepayments.class);

  private final PromiseService promises;

  public PromiseRepayments(PromiseService promises) {
    this.promises = promises;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void on(MoneyReceived money) {
    try {
      promises.moneyReceived(money);
    } catch (RuntimeException e) {
      log.error("Money received on account {} (entry {}) could not be applied to its promised payments",
          money.accountId(), money.entryId(), e);
    }
  }
}
