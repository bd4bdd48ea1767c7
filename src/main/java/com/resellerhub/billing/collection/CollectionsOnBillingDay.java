package com.resellerhub.billing.collection;

import com.resellerhub.billing.billingday.BillingDayFinished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** After each billing day (its debits done, the expired payments OVERDUE), the day's collections start. */
@Component
class CollectionsOnBillingDay {

  private final CollectionService collections;

  CollectionsOnBillingDay(CollectionService collections) {
    this.collections = collections;
  }

  @ApplicationModuleListener
  void billingDayFinished(BillingDayFinished finished) {
    collections.startDue(finished.businessDate());
  }
}
