package com.resellerhub.billing.collection;

import com.resellerhub.billing.account.AccountBlocks;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountOwners;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.payment.PaymentCollections;
import com.resellerhub.billing.payment.PaymentStatus;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collections (SUB-3, COL-1..3): which payments are followed, the days of their steps ({@link CollectionRules}), the
 * reminders (each once), the suspension, termination and restoration of their subscriptions, and what a manager's
 * review decides. The collections process ({@code processes/collections.bpmn}) calls one method per step.
 */
@Service
public class CollectionService {

  private static final Logger log = LoggerFactory.getLogger(CollectionService.class);

  private final CollectionRepository collections;
  private final CollectionReminderRepository reminders;
  private final PaymentCollections payments;
  private final SubscriptionService subscriptions;
  private final AccountService accounts;
  private final AccountOwners owners;
  private final AccountBlocks blocks;
  private final AccountEventLog eventLog;
  private final BalanceService balances;
  private final ResellerService resellers;
  private final CollectionProcesses processes;
  private final CollectionSettings settings;
  private final com.resellerhub.billing.subscription.OpenPayments openPayments;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate eachPayment;

  public CollectionService(CollectionRepository collections, CollectionReminderRepository reminders,
      PaymentCollections payments, SubscriptionService subscriptions, AccountService accounts, AccountOwners owners,
      AccountBlocks blocks, AccountEventLog eventLog, BalanceService balances, ResellerService resellers,
      CollectionProcesses processes, CollectionSettings settings, ApplicationEventPublisher events, Clock clock,
      PlatformTransactionManager transactions, com.resellerhub.billing.subscription.OpenPayments openPayments) {
    this.openPayments = openPayments;
    this.collections = collections;
    this.reminders = reminders;
    this.payments = payments;
    this.subscriptions = subscriptions;
    this.accounts = accounts;
    this.owners = owners;
    this.blocks = blocks;
    this.eventLog = eventLog;
    this.balances = balances;
    this.resellers = resellers;
    this.processes = processes;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
    this.eachPayment = new TransactionTemplate(transactions);
    this.eachPayment.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Which payments are followed

  /**
   * The day's collections start (after the billing day of {@code today}): every OVERDUE payment without one, and
   * every payment awaiting payment that expires within {@code remind-days-before-expiry} days and that the account's
   * balance and credit limit do not cover (a covered one is debited on its expiry day and needs no reminder). Each
   * starts in its own transaction, once (the payment id is the collection's key). Returns how many started.
   */
  public int startDue(LocalDate today) {
    LocalDate remindFrom = today.plusDays(settings.remindDaysBeforeExpiry());
    int started = 0;
    long after = 0;
    while (true) {
      List<Long> page = payments.collectable(remindFrom, after, settings.pageSize());
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1);
      Set<Long> existing = new HashSet<>(collections.existing(page));
      for (Long paymentId : page) {
        if (!existing.contains(paymentId) && startOne(paymentId)) {
          started++;
        }
      }
      if (page.size() < settings.pageSize()) {
        break;
      }
    }
    if (started > 0) {
      log.info("Collections started for {} payments on {}", started, today);
    }
    return started;
  }

  private boolean startOne(long paymentId) {
    try {
      return Boolean.TRUE.equals(eachPayment.execute(tx -> start(paymentId)));
    } catch (DataIntegrityViolationException startedElsewhere) {
      return false;
    }
  }

  /** Starts the collection of one payment unless it has one or needs none; true when it started. */
  @Transactional
  public boolean start(long paymentId) {
    if (collections.existsById(paymentId)) {
      return false;
    }
    PaymentCollections.Facts p = payments.facts(paymentId);
    if (!p.open() || p.status() == PaymentStatus.AWAITING_PAYMENT
        && balances.balance(p.accountId()).available().compareTo(p.amount()) >= 0) {
      return false;
    }
    Collection collection = collections.saveAndFlush(new Collection(paymentId, p.accountId(), clock.instant()));
    CollectionRules.Schedule days = schedule(p, collection);
    processes.start(paymentId, p.accountId(), timers(days, !p.subscriptionIds().isEmpty()));
    eventLog.record(p.accountId(), AccountEventType.COLLECTION_STARTED, AccountEventLog.SYSTEM, false,
        "Collection of payment " + paymentId + " (" + money(p.amount(), p.currency()) + ", expires " + p.expiresOn()
            + ") started: suspension " + (p.subscriptionIds().isEmpty() ? "none (it pays no subscription)"
                : "on " + days.suspendOn() + ", termination on " + days.terminateOn()));
    return true;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The days

  /** The days of the payment's steps as they are now (a manager's extension included). */
  @Transactional(readOnly = true)
  public CollectionRules.Schedule schedule(long paymentId) {
    return schedule(payments.facts(paymentId), find(paymentId));
  }

  /** {@link #schedule} as the moments of the process's timers. */
  @Transactional(readOnly = true)
  public CollectionProcesses.Timers timers(long paymentId) {
    PaymentCollections.Facts p = payments.facts(paymentId);
    return timers(schedule(p, find(paymentId)), !p.subscriptionIds().isEmpty());
  }

  private CollectionRules.Schedule schedule(PaymentCollections.Facts p, Collection collection) {
    LocalDate covered = null;
    int grace = 0;
    List<SubscriptionService.State> states = new ArrayList<>(subscriptions.statesOf(p.subscriptionIds()).values());
    if (!states.isEmpty()) {
      // a postpaid subscription has no paid-until date: its act's payment is all there is (C = E)
      covered = states.stream().map(SubscriptionService.State::paidUntil).filter(Objects::nonNull)
          .min(LocalDate::compareTo).orElse(null);
      grace = states.stream().mapToInt(SubscriptionService.State::gracePeriodDays).min().orElse(0);
    }
    ResellerSettings.Collections reseller = resellers.settings().collections();
    return CollectionRules.schedule(new CollectionRules.Facts(p.expiresOn(), covered, grace,
        collection.getGraceExtensionDays(), reseller.suspendedDaysBeforeTermination(),
        collection.getStartedAt().atZone(ZoneOffset.UTC).toLocalDate()), settings.remindDaysBeforeExpiry(),
        settings.remindDaysBeforeSuspension(), settings.remindDaysBeforeTermination());
  }

  private CollectionProcesses.Timers timers(CollectionRules.Schedule d, boolean hasSubscriptions) {
    return new CollectionProcesses.Timers(at(d.remindBeforeExpiryOn()), at(d.overdueOn()),
        at(d.remindBeforeSuspensionOn()), at(d.suspendOn()), at(d.remindBeforeTerminationOn()), at(d.terminateOn()),
        hasSubscriptions);
  }

  private java.time.Instant at(LocalDate day) {
    return CollectionRules.at(day, settings.stepTime());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The steps

  /**
   * COL-1: mails the owner a reminder of this kind, once per payment (recorded, and in the account's event log),
   * while the payment is open and the reminder still announces something to come: a reminder before expiry after
   * the expiry day, or one before suspension or termination on or after that day, is not sent. Returns whether it
   * was recorded now.
   */
  @Transactional
  public boolean remind(long paymentId, ReminderKind kind) {
    Collection collection = lock(paymentId);
    PaymentCollections.Facts p = payments.facts(paymentId);
    if (collection.getStatus() != CollectionStatus.OPEN || !p.open()
        || reminders.existsByPaymentIdAndKind(paymentId, kind)) {
      return false;
    }
    CollectionRules.Schedule days = schedule(p, collection);
    LocalDate today = LocalDate.now(clock);
    LocalDate announced = switch (kind) {
      case BEFORE_EXPIRY -> p.expiresOn();
      case OVERDUE -> p.expiresOn();
      case BEFORE_SUSPENSION -> days.suspendOn();
      case BEFORE_TERMINATION -> days.terminateOn();
    };
    boolean stillAhead = switch (kind) {
      case OVERDUE -> today.isAfter(p.expiresOn());
      case BEFORE_EXPIRY -> !today.isAfter(announced);
      default -> today.isBefore(announced);
    };
    if (!stillAhead) {
      log.info("Reminder {} of payment {} not sent: not its time ({})", kind, paymentId, announced);
      return false;
    }
    AccountOwners.OwnerInfo owner = owners.ownerInfo(p.accountId()).orElse(null);
    String recipient = owner == null ? null : owner.email();
    reminders.save(new CollectionReminder(paymentId, kind, recipient, clock.instant()));
    eventLog.record(p.accountId(), AccountEventType.COLLECTION_REMINDER_SENT, AccountEventLog.SYSTEM, true,
        "Reminder " + kind + " for payment " + paymentId + " (" + money(p.amount(), p.currency()) + ") "
            + (recipient == null ? "not mailed: the account has no owner with a mail address" : "mailed to "
                + recipient));
    if (recipient != null) {
      events.publishEvent(new ReminderDue(p.accountId(), paymentId, kind, recipient, owner.name(),
          accounts.get(p.accountId()).getName(), p.amount(), p.currency(), p.expiresOn(), announced));
    }
    return true;
  }

  /** SUB-3: the grace period is over: the payment's subscriptions are SUSPENDED. */
  @Transactional
  public List<Long> suspend(long paymentId) {
    Collection collection = lock(paymentId);
    PaymentCollections.Facts p = stillUnpaid(collection, paymentId);
    if (p == null) {
      return List.of();
    }
    LocalDate suspendOn = schedule(p, collection).suspendOn();
    if (LocalDate.now(clock).isBefore(suspendOn)) {
      log.info("Payment {}: suspension not due before {}", paymentId, suspendOn);
      return List.of();
    }
    return subscriptions.suspendUnpaid(p.subscriptionIds(), describe(p) + " is unpaid after the grace period");
  }

  /** SUB-3: the suspension ran out unpaid: the payment's subscriptions are TERMINATED; the collection ends. */
  @Transactional
  public List<Long> terminate(long paymentId) {
    Collection collection = lock(paymentId);
    PaymentCollections.Facts p = stillUnpaid(collection, paymentId);
    if (p == null) {
      return List.of();
    }
    List<Long> ended = subscriptions.terminateUnpaid(p.subscriptionIds(), describe(p)
        + " stayed unpaid through the suspension");
    collection.end(CollectionStatus.TERMINATED, "Subscriptions " + ended + " terminated", clock.instant());
    return ended;
  }

  /**
   * The payment, when the locked collection is open and the payment still unpaid; null otherwise. A payment closed
   * while this step waited for its turn (the correlation found the instance busy) is settled here.
   */
  private PaymentCollections.Facts stillUnpaid(Collection collection, long paymentId) {
    if (collection.getStatus() != CollectionStatus.OPEN) {
      return null;
    }
    PaymentCollections.Facts p = payments.facts(paymentId);
    if (!p.open()) {
      settled(paymentId);
      return null;
    }
    return p;
  }

  private static String describe(PaymentCollections.Facts p) {
    return "payment " + p.paymentId() + " (" + money(p.amount(), p.currency()) + ", expired " + p.expiresOn() + ")";
  }

  /** The reminders went out and the payment pays no subscription: the collection ends. */
  @Transactional
  public void close(long paymentId) {
    Collection collection = lock(paymentId);
    if (collection.getStatus() == CollectionStatus.OPEN) {
      boolean review = collection.isReviewOpen();
      collection.end(CollectionStatus.CLOSED, "Reminders sent; the payment pays no subscription", clock.instant());
      // a review under way stays open until the manager decides it
      collection.reviewOpen(review);
    }
  }

  /**
   * COL-3: the payment was paid or cancelled: the collection ends; when paid, its subscriptions suspended for it
   * resume (unless the account is blocked for another cause), and one still PAYMENT_OVERDUE is ACTIVE again.
   */
  @Transactional
  public List<Long> settled(long paymentId) {
    Collection collection = lock(paymentId);
    PaymentCollections.Facts p = payments.facts(paymentId);
    boolean paid = p.status() == PaymentStatus.PAID_FROM_BALANCE || p.status() == PaymentStatus.COMPLETED;
    List<Long> resumed = paid ? subscriptions.resumePaid(p.subscriptionIds(),
        !blocks.inForce(p.accountId()).isEmpty(), "payment " + paymentId + " was paid") : List.of();
    if (!paid) {
      // cancelled (e.g. renewal switched off): a term that ended unpaid with nothing left to pay for it ends too
      List<Long> unpaidEnded = p.subscriptionIds().stream().filter(id -> openPayments.of(id).isEmpty()).toList();
      subscriptions.endUnpaidTerms(unpaidEnded, LocalDate.now(clock), "payment " + paymentId
          + " was cancelled and the term it was to pay has ended");
    }
    if (collection.getStatus() == CollectionStatus.OPEN) {
      collection.end(paid ? CollectionStatus.SETTLED : CollectionStatus.CANCELLED, "Payment " + paymentId + " "
          + p.status() + (resumed.isEmpty() ? "" : "; subscriptions " + resumed + " restored"), clock.instant());
      eventLog.record(p.accountId(), AccountEventType.COLLECTION_ENDED, AccountEventLog.SYSTEM, false,
          "Collection of payment " + paymentId + " ended: " + collection.getOutcome());
    }
    return resumed;
  }

  /** Of these payments, those whose collection is open (COL-3: which processes to stop). */
  @Transactional(readOnly = true)
  public List<Long> openAmong(java.util.Collection<Long> paymentIds) {
    List<Long> open = new ArrayList<>();
    for (int i = 0; i < paymentIds.size(); i += 500) {
      List<Long> chunk = paymentIds.stream().skip(i).limit(500).toList();
      open.addAll(collections.open(chunk));
    }
    return open;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // COL-2: the manager's review

  /** Why a review is asked for. */
  public enum ReviewTrigger { OVERDUE_TOTAL, TERMINATION_AHEAD }

  /**
   * COL-2: whether this step asks for a "Review overdue account": the account's overdue total is above the reseller's
   * threshold (OVERDUE_TOTAL), or its subscriptions are about to be terminated (TERMINATION_AHEAD); never while a
   * review of the account is open (one review per account at a time: the account's row is locked). When it does, the
   * review is marked open.
   */
  @Transactional
  public boolean reviewNeeded(long paymentId, ReviewTrigger trigger) {
    Collection collection = lock(paymentId);
    PaymentCollections.Facts p = payments.facts(paymentId);
    accounts.lock(p.accountId());
    if (collection.getStatus() != CollectionStatus.OPEN || !p.open()
        || collections.existsByAccountIdAndReviewOpenTrue(p.accountId())) {
      return false;
    }
    boolean needed = switch (trigger) {
      case OVERDUE_TOTAL -> payments.overdueTotal(p.accountId())
          .compareTo(resellers.settings().collections().reviewThreshold()) > 0;
      case TERMINATION_AHEAD -> !p.subscriptionIds().isEmpty();
    };
    if (needed) {
      collection.reviewOpen(true);
    }
    return needed;
  }

  /** COL-2 "extend the grace": the suspension and termination move {@code days} later. Returns the new days. */
  @Transactional
  public CollectionRules.Schedule extendGrace(long paymentId, int days, String actor) {
    if (days < 1 || days > settings.maxGraceExtensionDays()) {
      throw new IllegalArgumentException("graceDays must be 1.." + settings.maxGraceExtensionDays());
    }
    Collection collection = lock(paymentId);
    collection.extendGrace(days);
    collection.reviewOpen(false);
    CollectionRules.Schedule schedule = schedule(payments.facts(paymentId), collection);
    eventLog.record(collection.getAccountId(), AccountEventType.COLLECTION_REVIEWED, actor, true,
        "Grace for payment " + paymentId + " extended by " + days + " days by " + actor + ": suspension on "
            + schedule.suspendOn() + ", termination on " + schedule.terminateOn());
    return schedule;
  }

  /** COL-2: the review is decided ({@code decision}: what the manager chose, in words). */
  @Transactional
  public void reviewDecided(long paymentId, String decision, String actor) {
    Collection collection = lock(paymentId);
    collection.reviewOpen(false);
    eventLog.record(collection.getAccountId(), AccountEventType.COLLECTION_REVIEWED, actor, false,
        "Review of overdue account (payment " + paymentId + "): " + decision);
  }

  /** COL-2: a review is open longer than {@code review-escalate-after}: logged for the account. */
  @Transactional
  public long accountOf(long paymentId) {
    return find(paymentId).getAccountId();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reads

  @Transactional(readOnly = true)
  public Collection find(long paymentId) {
    return collections.findById(paymentId).orElseThrow(() -> new NotFoundException("Collection", paymentId));
  }

  @Transactional(readOnly = true)
  public List<Collection> ofAccount(long accountId) {
    return collections.findByAccountIdOrderByPaymentIdDesc(accountId);
  }

  @Transactional(readOnly = true)
  public List<CollectionReminder> reminders(long paymentId) {
    return reminders.findByPaymentIdOrderByIdAsc(paymentId);
  }

  /** How many collections are open (gauge). */
  @Transactional(readOnly = true)
  public long openCount() {
    return collections.countByStatus(CollectionStatus.OPEN);
  }

  /** How many reviews are open (gauge). */
  @Transactional(readOnly = true)
  public long openReviews() {
    return collections.countByReviewOpenTrue();
  }

  private Collection lock(long paymentId) {
    return collections.lock(paymentId).orElseThrow(() -> new NotFoundException("Collection", paymentId));
  }

  static String money(BigDecimal amount, String currency) {
    return com.resellerhub.billing.ledger.Money.text(amount) + " " + currency;
  }
}
