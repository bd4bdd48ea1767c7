package com.resellerhub.billing.subscription;

import com.resellerhub.billing.account.AccountBlocked;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountUnblocked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A blocked account's subscriptions: its active ones are suspended when it is blocked and its suspended ones resume
 * when its last block cause is lifted. Runs inside the transaction that blocked or unblocked the account, so the
 * account and its subscriptions never disagree.
 */
@Component
class SubscriptionsOnAccountBlock {

  private final SubscriptionService subscriptions;

  SubscriptionsOnAccountBlock(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @EventListener
  void blocked(AccountBlocked blocked) {
    for (Subscription s : subscriptions.ofAccounts(blocked.accountIds())) {
      if (s.getStatus() == SubscriptionStatus.ACTIVE) {
        subscriptions.changeStatus(s.getId(), SubscriptionStatus.SUSPENDED, AccountEventLog.SYSTEM,
            "The account is blocked (" + blocked.cause() + ")");
      }
    }
  }

  @EventListener
  void unblocked(AccountUnblocked unblocked) {
    for (Subscription s : subscriptions.ofAccount(unblocked.accountId())) {
      // an unpaid suspension (SUB-3) stays until the payment is paid
      if (s.getStatus() == SubscriptionStatus.SUSPENDED && !s.isUnpaidSuspension()) {
        subscriptions.changeStatus(s.getId(), SubscriptionStatus.ACTIVE, AccountEventLog.SYSTEM,
            "The account's last block (" + unblocked.lastCause() + ") was lifted");
      }
    }
  }
}
