package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.CreditLimitRaised;
import com.resellerhub.billing.ledger.MoneyReceived;
import com.resellerhub.billing.web.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * COL-3: money that becomes available to an account (a top-up or other money received, or a promised payment's
 * credit limit) pays its due payments of subscriptions' terms (renewals, prolongations, acts: OVERDUE, or awaiting
 * payment on or past their expiry date; never a new order's, whose customer decides) from the balance at once,
 * oldest expiry first, each as far as the balance
 * and credit limit cover it whole (a payment is never paid in part). Each payment is paid in its own transaction,
 * as a completion from the balance by {@code system} ({@link PaymentCompletion}, key {@code payment:<id>}: never
 * twice); one that may not be paid from the balance (an unconfirmed ERP act, PAY-3) is left for its own channel.
 * Like the billing day's automatic debit, it does nothing while the reseller works without balance or invoices by an
 * external system (PAY-4's flags).
 * Paid payments end their collections ({@link PaymentsClosed}).
 *
 * <p>Runs after the commit, asynchronously, from the event publication registry (an event whose handling failed is
 * retried, {@code billing.events.retry-after}).
 */
@Component
class OverdueSettlement {

  private static final Logger log = LoggerFactory.getLogger(OverdueSettlement.class);

  private final PaymentRows rows;
  private final java.time.Clock clock;
  private final PaymentCollections collections;
  private final PaymentRepository payments;
  private final PaymentCompletion completion;
  private final BalanceService balances;
  private final TransactionTemplate eachPayment;
  private final com.resellerhub.billing.reseller.ResellerService resellers;

  OverdueSettlement(PaymentRows rows, PaymentRepository payments, PaymentCompletion completion,
      BalanceService balances, PlatformTransactionManager transactions,
      com.resellerhub.billing.reseller.ResellerService resellers, java.time.Clock clock,
      @org.springframework.context.annotation.Lazy PaymentCollections collections) {
    this.clock = clock;
    this.collections = collections;
    this.resellers = resellers;
    this.rows = rows;
    this.payments = payments;
    this.completion = completion;
    this.balances = balances;
    this.eachPayment = new TransactionTemplate(transactions);
    this.eachPayment.setPropagationBehavior(org.springframework.transaction.TransactionDefinition
        .PROPAGATION_REQUIRES_NEW);
  }

  @Async
  @TransactionalEventListener
  void moneyReceived(MoneyReceived money) {
    settle(money.accountId());
  }

  @Async
  @TransactionalEventListener
  void creditLimitRaised(CreditLimitRaised raised) {
    settle(raised.accountId());
  }

  /** Pays what the account's funds cover; returns how many payments it paid. Each in its own transaction. */
  int settle(long accountId) {
    com.resellerhub.billing.reseller.ResellerSettings reseller = resellers.settings();
    if (Boolean.TRUE.equals(reseller.allowWorkWithoutBalance())
        || Boolean.TRUE.equals(reseller.invoicesByExternalSystem())) {
      // PAY-4's reseller flags stop every automatic debit, this one too
      return 0;
    }
    List<Long> due = rows.dueTermPaymentsOf(accountId, java.time.LocalDate.now(clock));
    int paid = 0;
    for (Long id : due) {
      Boolean done;
      try {
        done = eachPayment.execute(tx -> {
          // locked first, as the completion locks it: a payment paid a moment ago by another channel is seen paid
          Payment payment = payments.lock(id).orElse(null);
          if (payment == null || !payment.getStatus().isOpen() || !collections.isTermPayment(payment)
              || balances.balance(accountId).available().compareTo(payment.getAmount()) < 0) {
            return false;
          }
          completion.complete(id, CompletionRules.Channel.SYSTEM, CompletionRules.BALANCE,
              AccountEventLog.SYSTEM, null);
          return true;
        });
      } catch (ApiException refused) {
        // PAY-3 (an ERP act), or paid a moment ago by another channel: left as it is
        log.info("COL-3: overdue payment {} of account {} not paid from the balance: {}", id, accountId,
            refused.getMessage());
        done = false;
      }
      if (Boolean.TRUE.equals(done)) {
        paid++;
      }
    }
    if (paid > 0) {
      log.info("COL-3: {} overdue payments of account {} paid from the balance", paid, accountId);
    }
    return paid;
  }
}
