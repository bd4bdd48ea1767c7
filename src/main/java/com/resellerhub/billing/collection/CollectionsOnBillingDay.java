package com.resellerhub.billing.collection;

import com.resellerhub.billing.billingday.BillingDayFinished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** After each billing day (its debits done, the expired payments OVERDUE), the day's collections start. */
@Component
class CollectionsOnBillingDay {

  private final CollectionService collections;
  private final CollectionSettings settings;

  CollectionsOnBillingDay(CollectionService collections, CollectionSettings settings) {
    this.collections = collections;
    this.settings = settings;
  }

  @ApplicationModuleListener
  void billingDayFinished(BillingDayFinished finished) {
    if (settings.startAfterBillingDay()) {
      collections.startDue(finished.businessDate());
    }
  }
}
