package com.resellerhub.billing.collection;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountOwners;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.payment.Payment;
import com.resellerhub.billing.payment.PaymentCollections;
import com.resellerhub.billing.payment.PaymentService;
import com.resellerhub.billing.promise.OfferService;
import com.resellerhub.billing.promise.PromiseOffer;
import com.resellerhub.billing.promise.PromiseOrigin;
import com.resellerhub.billing.promise.PromiseService;
import com.resellerhub.billing.promise.PromisedPayment;
import com.resellerhub.billing.subscription.Subscription;
import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * COL-2: what the manager reads in "Review overdue account" and what the decisions do beyond the collection's own
 * days: granting a promised payment goes through the promise feature's rules (PROM-1, PROM-3), which may refuse.
 */
@Service
public class CollectionReviews {

  private static final Logger log = LoggerFactory.getLogger(CollectionReviews.class);

  private final CollectionService collections;
  private final PaymentCollections paymentFacts;
  private final PaymentService payments;
  private final AccountService accounts;
  private final AccountOwners owners;
  private final BalanceService balances;
  private final SubscriptionService subscriptions;
  private final PlanService plans;
  private final PromiseService promises;
  private final OfferService offers;
  private final AccountEventLog eventLog;
  private final JavaMailSender mail;
  private final CollectionSettings settings;
  private final com.resellerhub.billing.platform.MailSettings mailSettings;
  private final Counter escalated;
  private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

  public CollectionReviews(CollectionService collections, PaymentCollections paymentFacts, PaymentService payments,
      AccountService accounts, AccountOwners owners, BalanceService balances, SubscriptionService subscriptions,
      PlanService plans, PromiseService promises, OfferService offers, AccountEventLog eventLog, JavaMailSender mail,
      CollectionSettings settings, com.resellerhub.billing.platform.MailSettings mailSettings,
      MeterRegistry registry, org.springframework.transaction.PlatformTransactionManager transactions) {
    this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.collections = collections;
    this.paymentFacts = paymentFacts;
    this.payments = payments;
    this.accounts = accounts;
    this.owners = owners;
    this.balances = balances;
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.promises = promises;
    this.offers = offers;
    this.eventLog = eventLog;
    this.mail = mail;
    this.settings = settings;
    this.mailSettings = mailSettings;
    this.escalated = Counter.builder("billing.collections.review.escalated")
        .description("Reviews of overdue accounts left open past billing.collections.review-escalate-after")
        .register(registry);
  }

  /**
   * The facts of the form, display-ready (Camunda Forms show variables): the account, its owner, the overdue total,
   * balance and credit limit, its open payments, subscriptions, promised payments and the offers a manager may
   * grant, and the days of this payment's suspension and termination.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> facts(long paymentId, String reason) {
    PaymentCollections.Facts p = paymentFacts.facts(paymentId);
    long accountId = p.accountId();
    String currency = p.currency();
    CollectionRules.Schedule days = collections.schedule(paymentId);
    BalanceService.Balance balance = balances.balance(accountId);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("reviewReason", reason);
    facts.put("accountName", accounts.get(accountId).getName() + " (account " + accountId + ")");
    facts.put("ownerName", owners.ownerInfo(accountId).map(o -> o.name() + " <" + o.email() + ">")
        .orElse("No owner"));
    facts.put("overdueTotal", CollectionService.money(paymentFacts.overdueTotal(accountId), currency));
    facts.put("balance", CollectionService.money(balance.balance(), currency) + ", credit limit "
        + CollectionService.money(balance.creditLimit(), currency) + ", available "
        + CollectionService.money(balance.available(), currency));
    List<Payment> open = payments.ofAccount(accountId, PageRequest.of(0, 50)).getContent().stream()
        .filter(x -> x.getStatus().isOpen()).toList();
    facts.put("openPayments", open.isEmpty() ? "None" : open.stream().map(x -> "Payment " + x.getId() + ": "
        + CollectionService.money(x.getAmount(), x.getCurrency()) + ", " + x.getStatus() + ", expires "
        + x.getExpiresOn()).collect(Collectors.joining("\n")));
    List<Subscription> subs = subscriptions.ofAccount(accountId);
    facts.put("subscriptions", subs.isEmpty() ? "None" : subs.stream().map(s -> "Subscription " + s.getId()
        + " (" + planName(s.getPlanId()) + "): " + s.getStatus() + ", expires " + s.getExpiresOn()
        + (s.getPaidUntil() == null ? "" : ", paid until " + s.getPaidUntil())).collect(Collectors.joining("\n")));
    List<PromisedPayment> history = promises.ofAccount(accountId, PageRequest.of(0, 10)).getContent();
    facts.put("promiseHistory", history.isEmpty() ? "No promised payments" : history.stream().map(x ->
        "Promise " + x.getId() + ": " + CollectionService.money(x.getAmount(), currency) + " for "
            + x.getDurationDays() + " days, " + x.getStatus() + ", taken " + x.getTakenAt())
        .collect(Collectors.joining("\n")));
    Long planId = promises.planOf(accountId).map(plan -> plan.getId()).orElse(null);
    List<PromiseOffer> grantable = offers.list().stream().filter(o -> o.allowsPlan(planId)).toList();
    facts.put("promiseOffers", grantable.isEmpty() ? "No offer applies to the account's plan" : grantable.stream()
        .map(o -> "Offer " + o.getId() + ": " + o.getName() + ", " + (o.isComputed() ? "amount computed"
            : CollectionService.money(o.getAmount(), currency)) + " for " + o.getDurationDays() + " days")
        .collect(Collectors.joining("\n")));
    facts.put("suspendOn", p.subscriptionIds().isEmpty() ? "No subscription to suspend"
        : days.suspendOn().toString());
    facts.put("terminateOn", p.subscriptionIds().isEmpty() ? "No subscription to terminate"
        : days.terminateOn().toString());
    facts.put("promiseRefusal", "");
    return facts;
  }

  private String planName(long planId) {
    try {
      return plans.get(planId).getName();
    } catch (ApiException gone) {
      return "plan " + planId;
    }
  }

  /**
   * COL-2 "grant a promised payment": a manager's grant of the offer, through the promise feature's rules. Returns
   * the refusal in words, or empty when granted (its credit then pays the overdue payments, COL-3).
   */
  public Optional<String> grantPromise(long paymentId, long offerId, String actor) {
    long accountId = collections.accountOf(paymentId);
    try {
      // its own transaction: a refusal rolls back the attempt only, not the step that asked
      PromisedPayment promise = ownTransaction.execute(tx -> promises.take(new PromiseService.Take(accountId,
          offerId, null, actor, PromiseOrigin.OPERATOR_API)));
      collections.reviewDecided(paymentId, "promised payment " + promise.getId() + " granted", actor);
      return Optional.empty();
    } catch (ApiException refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** COL-2: the review is open too long: operations are mailed and the account's log says so. */
  @Transactional
  public void escalate(long paymentId) {
    long accountId = collections.accountOf(paymentId);
    String text = "The review of overdue account " + accounts.get(accountId).getName() + " (account " + accountId
        + ", payment " + paymentId + ") has been open for more than " + settings.reviewEscalateAfter()
        + ". Open Tasklist, filter \"Overdue accounts\".";
    eventLog.record(accountId, AccountEventType.COLLECTION_REVIEW_ESCALATED, AccountEventLog.SYSTEM, false, text);
    escalated.increment();
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(mailSettings.from());
    message.setTo(settings.escalationMail());
    message.setSubject("Review of overdue account " + accountId + " is waiting");
    message.setText(text);
    try {
      mail.send(message);
    } catch (MailException e) {
      log.warn("Could not mail the escalation of the review of payment {}: {}", paymentId, e.getMessage());
    }
    log.warn(text);
  }

}
