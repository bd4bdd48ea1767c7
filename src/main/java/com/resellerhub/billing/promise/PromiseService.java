package com.resellerhub.billing.promise;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountBlocks;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.account.AccountStatus;
import com.resellerhub.billing.account.BlockCause;
import com.resellerhub.billing.catalog.Plan;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.catalog.PromisedPaymentOptions;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.InsufficientFundsException;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.ledger.MoneyReceived;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.order.Order;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.payment.PaymentCompletion;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.subscription.SubscriptionStatus;
import com.resellerhub.billing.web.BadRequestException;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promised payments (PROM-2..PROM-7): eligibility, taking and granting, repayment by top-ups, commission, the end
 * with the credit withdrawn and, below zero, the financial block, lifted again by a top-up. All money moves through
 * {@link BalanceService} under keys {@code promise:<id>:grant|fee|commission:<period>|withdraw}.
 */
@Service
public class PromiseService implements PromiseLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PromiseService.class);
  private static final String REF = "PROMISE";
  private static final List<EntryType> REAL_PAYMENTS = List.of(EntryType.TOP_UP);
  private static final List<EntryType> CHARGES = List.of(EntryType.CHARGE, EntryType.PAYMENT_DEBIT);

  /** What a take asks for: the offer, an amount (only for offers with a computed amount), who and how. */
  public record Take(long accountId, long offerId, BigDecimal amount, String actor, PromiseOrigin origin) {}

  /** The eligibility answer of an account (PROM-7). */
  public record Eligibility(boolean eligible, List<PromiseEligibility.Refusal> refusals, Long planId) {

    Eligibility withEligible() {
      return new Eligibility(refusals.isEmpty(), refusals, planId);
    }
  }

  /**
   * A promise not ended yet (TAKEN or ACTIVE), as the billing day needs it (SUB-4): its first day (the date it was
   * taken), its last day (the date its days end on, {@code endsAt}) and its days.
   */
  public record Running(long promiseId, long accountId, LocalDate firstDay, LocalDate lastDay, int days) {}

  private final PromisedPaymentRepository promises;
  private final OfferService offers;
  private final AccountService accounts;
  private final AccountEventLog eventLog;
  private final BalanceService balances;
  private final PlanService plans;
  private final SubscriptionService subscriptions;
  private final ResellerService resellers;
  private final PromiseProcesses processes;
  private final AccountBlocks blocks;
  private final PromiseReceiptRepository receipts;
  private final OrderService orders;
  private final PaymentCompletion completion;
  private final PromiseRows rows;
  private final Clock clock;

  public PromiseService(PromisedPaymentRepository promises, OfferService offers, AccountService accounts,
      AccountEventLog eventLog, BalanceService balances, PlanService plans, SubscriptionService subscriptions,
      ResellerService resellers, PromiseProcesses processes, AccountBlocks blocks, PromiseReceiptRepository receipts,
      OrderService orders, PaymentCompletion completion, PromiseRows rows, Clock clock) {
    this.orders = orders;
    this.rows = rows;
    this.completion = completion;
    this.blocks = blocks;
    this.receipts = receipts;
    this.promises = promises;
    this.offers = offers;
    this.accounts = accounts;
    this.eventLog = eventLog;
    this.balances = balances;
    this.plans = plans;
    this.subscriptions = subscriptions;
    this.resellers = resellers;
    this.processes = processes;
    this.clock = clock;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  @Transactional(readOnly = true)
  public Eligibility eligibility(long accountId, boolean customer) {
    Account account = accounts.get(accountId);
    Optional<Plan> plan = planOf(accountId);
    return new Eligibility(false, refusals(account, plan, customer), plan.map(Plan::getId).orElse(null))
        .withEligible();
  }

  @Transactional(readOnly = true)
  public Page<PromisedPayment> ofAccount(long accountId, Pageable pageable) {
    accounts.get(accountId);
    return promises.findByAccountIdOrderByIdDesc(accountId, pageable);
  }

  @Transactional(readOnly = true)
  public Page<PromisedPayment> list(PromiseStatus status, Pageable pageable) {
    return status == null ? promises.findAllByOrderByIdDesc(pageable)
        : promises.findByStatusOrderByIdDesc(status, pageable);
  }

  @Transactional(readOnly = true)
  public PromisedPayment get(long id) {
    return promises.findById(id).orElseThrow(() -> new NotFoundException("Promised payment", id));
  }

  /** The promise if it belongs to the account, else 404 (customers never see another account's). */
  @Transactional(readOnly = true)
  public PromisedPayment getOfAccount(long accountId, long id) {
    return promises.findByIdAndAccountId(id, accountId)
        .orElseThrow(() -> new NotFoundException("Promised payment", id));
  }

  /** SUB-4: the promises of these accounts not ended yet (TAKEN or ACTIVE), newest first, by account. */
  @Transactional(readOnly = true)
  public java.util.Map<Long, List<Running>> runningOf(java.util.Collection<Long> accountIds) {
    java.util.Map<Long, List<Running>> byAccount = new java.util.HashMap<>();
    List<Long> ids = accountIds.stream().distinct().sorted().toList();
    for (int from = 0; from < ids.size(); from += 1000) {
      for (PromisedPayment p : promises.findByAccountIdInAndStatusInOrderByIdDesc(
          ids.subList(from, Math.min(ids.size(), from + 1000)), EnumSet.of(PromiseStatus.TAKEN, PromiseStatus.ACTIVE))) {
        byAccount.computeIfAbsent(p.getAccountId(), a -> new java.util.ArrayList<>()).add(new Running(p.getId(),
            p.getAccountId(), LocalDate.ofInstant(p.getTakenAt(), clock.getZone()),
            LocalDate.ofInstant(p.getEndsAt(), clock.getZone()), p.getDurationDays()));
      }
    }
    return byAccount;
  }

  /** The account's plan: that of its newest subscription that is not terminated. */
  @Transactional(readOnly = true)
  public Optional<Plan> planOf(long accountId) {
    return subscriptions.ofAccount(accountId).stream()
        .filter(s -> s.getStatus() != SubscriptionStatus.TERMINATED).findFirst()
        .flatMap(s -> plans.find(s.getPlanId()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Taking (PROM-2, PROM-3, PROM-7)

  /** Takes (customer) or grants (manager) a promise; the process then grants the credit. */
  @Transactional
  public PromisedPayment take(Take take) {
    Account account = accounts.lock(take.accountId());
    if (account.getStatus() == AccountStatus.CLOSED) {
      throw new BusinessRuleException("PROM-3", "accountId", "The account is closed");
    }
    boolean customer = take.origin() == PromiseOrigin.CUSTOMER_API;
    PromiseOffer offer = offers.get(take.offerId());
    if (customer && !offer.isCustomerAvailable()) {
      throw new BusinessRuleException("PROM-1", "offerId", "Offer " + offer.getId()
          + " is not available in the customer API");
    }
    Optional<Plan> plan = planOf(take.accountId());
    if (!offer.allowsPlan(plan.map(Plan::getId).orElse(null))) {
      throw new BusinessRuleException("PROM-1", "offerId", "Offer " + offer.getId()
          + " is limited to other plans than the account's");
    }
    List<PromiseEligibility.Refusal> refusals = refusals(account, plan, customer);
    if (!refusals.isEmpty()) {
      PromiseEligibility.Refusal first = refusals.get(0);
      throw new BusinessRuleException(first.rule(), null, first.limit() + ": " + first.message());
    }
    BalanceService.Balance balance = balances.balance(take.accountId());
    BigDecimal amount;
    boolean computed;
    if (!offer.isComputed() || take.amount() != null) {
      if (!offer.isComputed() && take.amount() != null && take.amount().compareTo(offer.getAmount()) != 0) {
        throw new BusinessRuleException("PROM-1", "amount", "Offer " + offer.getId() + " has the fixed amount "
            + Money.text(offer.getAmount()) + "; leave amount out");
      }
      amount = take.amount() != null ? take.amount() : offer.getAmount();
      computed = false;
      if (!Money.hasCurrencyScale(amount)) {
        throw new BadRequestException("amount", "digits", "amount may have at most " + Money.SCALE
            + " decimals (the currency's)");
      }
      if (amount.signum() <= 0 || amount.compareTo(Money.MAX) > 0) {
        throw new BusinessRuleException("PROM-1", "amount", "amount must be positive and at most " + Money.MAX);
      }
      if (plan.isPresent() && amount.compareTo(plan.get().getPrice()) < 0) {
        throw new BusinessRuleException("PROM-3", "amount", "The amount "
            + Money.text(amount) + " is below the plan's price "
            + Money.text(plan.get().getPrice()));
      }
    } else {
      if (plan.isEmpty()) {
        throw new BusinessRuleException("PROM-1", "offerId",
            "The amount is computed from the account's plan, and the account has none");
      }
      amount = plan.get().getPrice().subtract(balance.balance());
      computed = true;
      if (amount.signum() <= 0) {
        throw new BusinessRuleException("PROM-1", "offerId",
            "The balance already covers the plan's price: nothing to promise");
      }
    }
    if (offer.getConnectionFee().compareTo(balance.available().add(amount)) > 0) {
      throw new InsufficientFundsException(take.accountId(), offer.getConnectionFee(),
          balance.available().add(amount));
    }
    PromisedPayment promise = promises.saveAndFlush(new PromisedPayment(take.accountId(), offer.getId(),
        Money.of(amount), computed, offer.getDurationDays(), offer.getConnectionFee(), offer.getCommissionPercent(),
        offer.getChargeMethod(), take.origin(), take.actor(), clock.instant()));
    started(promise, "Promised payment " + promise.getId() + " of " + plain(promise.getAmount()) + " for "
        + promise.getDurationDays() + " days (offer " + offer.getName() + ")");
    return promise;
  }

  /**
   * The plan whose grace days a new account gets on activation (PROM-6): the account's plan ({@link #planOf}), or,
   * when it has no subscription yet, the plan of its newest NEW order still waiting for its payment (a new account
   * whose only order is an unpaid prepaid one).
   */
  @Transactional(readOnly = true)
  public Optional<Plan> gracePlanOf(long accountId) {
    Optional<Plan> plan = planOf(accountId);
    if (plan.isPresent()) {
      return plan;
    }
    List<Order> open = orders.newOrdersAwaitingPayment(accountId);
    return open.isEmpty() ? Optional.empty() : plans.find(open.get(open.size() - 1).getPlanId());
  }

  /** Starts a promise of the plan's grace days for a newly activated account (PROM-6); no eligibility rules. */
  @Transactional
  public Optional<PromisedPayment> startGrace(long accountId, String actor) {
    Optional<Plan> plan = gracePlanOf(accountId);
    Integer days = plan.map(p -> p.getPromisedPaymentOptions().newAccountGraceDays()).orElse(null);
    if (days == null || days < 1) {
      return Optional.empty();
    }
    if (!promises.findByAccountIdAndStatusIn(accountId, EnumSet.of(PromiseStatus.TAKEN, PromiseStatus.ACTIVE))
        .isEmpty()) {
      return Optional.empty();
    }
    BigDecimal amount = plan.get().getPrice();
    if (amount.signum() <= 0) {
      return Optional.empty();
    }
    PromisedPayment promise = promises.saveAndFlush(new PromisedPayment(accountId, null, Money.of(amount), true,
        days, Money.of(BigDecimal.ZERO), BigDecimal.ZERO, ChargeMethod.DAILY, PromiseOrigin.ACTIVATION, actor,
        clock.instant()));
    started(promise, "New account: " + days + " days to pay (promised payment " + promise.getId() + " of "
        + plain(amount) + ", plan " + plan.get().getName() + ")");
    return Optional.of(promise);
  }

  private void started(PromisedPayment promise, String detail) {
    eventLog.record(promise.getAccountId(), AccountEventType.PROMISED_PAYMENT_TAKEN, promise.getCreatedBy(), true,
        detail);
    processes.start(promise.getId(), promise.getAccountId(), promise.getEndsAt());
    log.info("Promised payment {} of account {} taken: {} for {} days", promise.getId(), promise.getAccountId(),
        promise.getAmount(), promise.getDurationDays());
  }

  private List<PromiseEligibility.Refusal> refusals(Account account, Optional<Plan> plan, boolean customer) {
    List<PromiseEligibility.Previous> previous = promises.findByAccountIdOrderByIdDesc(account.getId()).stream()
        .map(p -> new PromiseEligibility.Previous(p.getTakenAt(), p.getStatus(), p.isUnsettled())).toList();
    PromiseEligibility.Facts facts = new PromiseEligibility.Facts(clock.instant(), clock.getZone(),
        plan.map(Plan::getPromisedPaymentOptions).orElse(PromisedPaymentOptions.none()), customer,
        Boolean.TRUE.equals(resellers.settings().promisedPaymentOnlyWhenBlocked()),
        account.getStatus() == AccountStatus.BLOCKED, previous,
        balances.lastMovementAt(account.getId(), REAL_PAYMENTS), balances.lastMovementAt(account.getId(), CHARGES),
        plan.isPresent());
    return PromiseEligibility.refusals(facts);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The process's steps (PromiseLifecycle)

  @Override
  @Transactional
  public void grant(long promiseId) {
    PromisedPayment p = lock(promiseId);
    balances.record(p.getAccountId(), Movement.creditLimit(p.getAmount(), key(p, "grant"), REF, p.getId(),
        "Promised payment " + p.getId() + ": credit limit raised for " + p.getDurationDays() + " days", actor(p)));
    if (p.getConnectionFee().signum() > 0) {
      balances.record(p.getAccountId(), Movement.debit(EntryType.FEE, p.getConnectionFee(), key(p, "fee"), REF,
          p.getId(), "Promised payment " + p.getId() + ": connection fee", actor(p)));
    }
    if (p.getStatus() == PromiseStatus.TAKEN) {
      p.granted(clock.instant());
      eventLog.record(p.getAccountId(), AccountEventType.CREDIT_LIMIT_CHANGED, AccountEventLog.SYSTEM, true,
          "Credit limit raised by " + plain(p.getAmount()) + " until " + p.getEndsAt() + " (promised payment "
              + p.getId() + ")");
    }
    if (p.getOrigin() == PromiseOrigin.ACTIVATION && p.getStatus() == PromiseStatus.ACTIVE) {
      payNewOrdersOnCredit(p);
    }
  }

  /**
   * PROM-6, "n days to pay": the service starts now and is paid within the promise's days. The grant of an
   * activation promise pays from the balance, with the credit just raised, the open payments of the account's NEW
   * orders waiting for payment, oldest first, each as far as balance plus credit limit covers it; the orders are
   * provisioned (their subscriptions open) and the balance goes below zero, down to minus the credit limit. A repeat
   * of the step finds them paid and pays nothing again.
   */
  private void payNewOrdersOnCredit(PromisedPayment p) {
    List<Long> open = orders.newOrdersAwaitingPayment(p.getAccountId()).stream().map(Order::getId).toList();
    if (open.isEmpty()) {
      return;
    }
    List<Long> paid = completion.payOrdersFromBalance(p.getAccountId(), open, AccountEventLog.SYSTEM);
    if (!paid.isEmpty()) {
      log.info("Promised payment {} of account {}: new orders' payments {} paid on credit", p.getId(),
          p.getAccountId(), paid);
    }
  }

  @Override
  @Transactional
  public boolean close(long promiseId) {
    // one lock and one balance read for the three steps: they share the transaction
    PromisedPayment p = lock(promiseId);
    chargeCommission(p);
    boolean negative = withdrawCredit(p);
    if (negative) {
      block(p);
    }
    return negative;
  }

  /** What {@link #expireAll} did to one promise: ended EXPIRED, and whether the balance is then below zero. */
  public record Expired(long promiseId, long accountId, boolean balanceNegative) {}

  /**
   * The ids of ACTIVE promises whose days ended at or before {@code cutoff}, ascending, after {@code afterId}, at
   * most {@code limit}: what the expiry sweep closes next.
   */
  @Transactional(readOnly = true)
  public List<Long> dueIds(Instant cutoff, long afterId, int limit) {
    return promises.findDueIds(PromiseStatus.ACTIVE, cutoff, afterId, PageRequest.ofSize(limit));
  }

  /**
   * The ids of promises the expiry sweep closed whose instances are still to be told "Promise expired", ascending,
   * after {@code afterId}, at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<Long> instancePendingIds(long afterId, int limit) {
    return promises.findInstancePendingIds(afterId, PageRequest.ofSize(limit));
  }

  /**
   * Takes, in the caller's transaction, those of the promises whose instances are still to be told and that no other
   * transaction holds (locked in id order, skipping held ones), and clears their mark: the caller tells their
   * instances in the same transaction, so a rollback leaves them marked for the next look. Each comes with whether
   * its balance was below zero at its end, as {@link #expireAll} found it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Expired> takeInstancesToTell(List<Long> promiseIds) {
    if (promiseIds.isEmpty()) {
      return List.of();
    }
    List<Expired> taken = new ArrayList<>(promiseIds.size());
    for (PromisedPayment p : promises.lockUnheldById(List.copyOf(new TreeSet<>(promiseIds)))) {
      if (p.isInstancePending()) {
        p.instanceTold();
        taken.add(new Expired(p.getId(), p.getAccountId(), p.isEndedNegative()));
      }
    }
    return taken;
  }

  /**
   * The expiry sweep's close of many promises in the caller's transaction (PROM-4, PROM-5), with the same outcome
   * as {@link #close} for each: the promises are locked in id order; those still ACTIVE whose days are over (by now)
   * end EXPIRED, marked for their instances to be told ({@link #takeInstancesToTell}), and are written in one batch
   * ({@link PromiseRows}); their commission entries and the withdrawal of their credit are recorded in one batch
   * under the same keys as {@link #close}'s, their account events in another, and the accounts whose balance is below
   * zero after their promise's entries are blocked, all in one {@link AccountBlocks#blockAll}. A promise repaid,
   * expired or closed meanwhile (by a top-up, another sweep, its process's own step) is left out of the result:
   * nothing is done to it twice.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Expired> expireAll(List<Long> promiseIds) {
    if (promiseIds.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<PromisedPayment> due = rows.lockToClose(List.copyOf(new TreeSet<>(promiseIds))).stream()
        .filter(p -> p.getStatus() == PromiseStatus.ACTIVE && !p.getEndsAt().isAfter(now)).toList();
    List<BalanceService.Change> changes = new ArrayList<>();
    for (PromisedPayment p : due) {
      p.end(PromiseStatus.EXPIRED, p.getEndsAt());
      p.instanceToBeTold();
      List<Commission.Charge> charges = commissionOf(p);
      for (Commission.Charge charge : charges) {
        changes.add(new BalanceService.Change(p.getAccountId(), commissionEntry(p, charge)));
      }
      p.commissionCharged(Commission.total(charges));
      changes.add(new BalanceService.Change(p.getAccountId(), withdrawal(p)));
    }
    BalanceService.Bulk recorded = balances.recordAll(changes);
    List<Expired> expired = new ArrayList<>(due.size());
    List<AccountEventLog.Entry> events = new ArrayList<>(due.size());
    for (PromisedPayment p : due) {
      String withdrawKey = key(p, "withdraw");
      BigDecimal after = recorded.balanceAfter().get(withdrawKey);
      boolean negative = (after != null ? after : balances.balance(p.getAccountId()).balance()).signum() < 0;
      if (!recorded.replayed().contains(withdrawKey)) {
        events.add(new AccountEventLog.Entry(p.getAccountId(), AccountEventType.PROMISED_PAYMENT_ENDED,
            AccountEventLog.SYSTEM, true, endedDetail(p, negative)));
      }
      if (negative) {
        p.endedNegative();
      }
      expired.add(new Expired(p.getId(), p.getAccountId(), negative));
    }
    rows.closed(due);
    eventLog.recordAll(events);
    TreeMap<Long, String> negative = expired.stream().filter(Expired::balanceNegative).collect(Collectors.groupingBy(
        Expired::accountId, TreeMap::new, Collectors.mapping(e -> String.valueOf(e.promiseId()), Collectors
            .collectingAndThen(Collectors.joining(", "), ids -> "Promised payment " + ids
                + " ended with the balance below zero (PROM-5)"))));
    blocks.blockAll(negative, BlockCause.PROMISED_PAYMENT_EXPIRED, AccountEventLog.SYSTEM);
    return expired;
  }

  @Override
  @Transactional
  public void chargeCommission(long promiseId) {
    chargeCommission(lock(promiseId));
  }

  private void chargeCommission(PromisedPayment p) {
    if (p.getStatus().running()) {
      p.end(PromiseStatus.EXPIRED, p.getEndsAt());
    }
    List<Commission.Charge> charges = commissionOf(p);
    for (Commission.Charge charge : charges) {
      balances.record(p.getAccountId(), commissionEntry(p, charge));
    }
    p.commissionCharged(Commission.total(charges));
  }

  private List<Commission.Charge> commissionOf(PromisedPayment p) {
    return Commission.charges(p.getAmount(), p.isComputed(), p.getCommissionPercent(), p.getChargeMethod(),
        p.getDurationDays(), LocalDate.ofInstant(p.getTakenAt(), clock.getZone()),
        LocalDate.ofInstant(p.getEndedAt(), clock.getZone()));
  }

  private static Movement commissionEntry(PromisedPayment p, Commission.Charge charge) {
    return Movement.debit(EntryType.COMMISSION, charge.amount(), key(p, "commission:" + charge.period()), REF,
        p.getId(), "Promised payment " + p.getId() + ": commission "
            + p.getCommissionPercent().stripTrailingZeros().toPlainString() + " % for " + charge.period(), actor(p));
  }

  private static Movement withdrawal(PromisedPayment p) {
    return Movement.creditLimit(p.getAmount().negate(), key(p, "withdraw"), REF, p.getId(), "Promised payment "
        + p.getId() + " ended (" + p.getStatus() + "): credit limit withdrawn", actor(p));
  }

  private static String endedDetail(PromisedPayment p, boolean negative) {
    return "Promised payment " + p.getId() + " " + p.getStatus().name().toLowerCase() + "; commission "
        + plain(p.getCommission()) + "; credit limit lowered by " + plain(p.getAmount())
        + (negative ? "; balance below zero" : "");
  }

  @Override
  @Transactional
  public boolean withdrawCredit(long promiseId) {
    return withdrawCredit(lock(promiseId));
  }

  private boolean withdrawCredit(PromisedPayment p) {
    BalanceService.Recorded withdrawn = balances.record(p.getAccountId(), withdrawal(p));
    if (withdrawn.replayed()) {
      // closed before (by the sweep, or an earlier try of this step that committed): its outcome stands; a charge
      // since then must not block for this promise, and a top-up since then has settled it
      return p.isUnsettled();
    }
    boolean negative = balances.balance(p.getAccountId()).balance().signum() < 0;
    eventLog.record(p.getAccountId(), AccountEventType.PROMISED_PAYMENT_ENDED, AccountEventLog.SYSTEM, true,
        endedDetail(p, negative));
    if (negative) {
      p.endedNegative();
    }
    return negative;
  }

  @Override
  @Transactional
  public void blockAccount(long promiseId) {
    PromisedPayment p = lock(promiseId);
    if (!p.isUnsettled() || balances.balance(p.getAccountId()).balance().signum() >= 0) {
      return; // a top-up came first
    }
    block(p);
  }

  private void block(PromisedPayment p) {
    blocks.block(p.getAccountId(), BlockCause.PROMISED_PAYMENT_EXPIRED, AccountEventLog.SYSTEM, "Promised payment "
        + p.getId() + " ended with the balance below zero (PROM-5)");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Money received (PROM-5): repayment, settlement, unblocking

  /**
   * Money came in (committed). A running promise counts it; once the money received since it was taken reaches
   * its amount it is repaid and its process told. When the balance is at zero or above, promises that ended below
   * zero are settled, and their block cause is lifted (the account's other causes stay in force). Applying the same
   * money twice (a redelivered event) counts it once: each promise keeps a receipt per ledger entry.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void moneyReceived(MoneyReceived money) {
    Long accountId = money.accountId();
    for (PromisedPayment running : promises.findByAccountIdAndStatusIn(accountId,
        EnumSet.of(PromiseStatus.ACTIVE))) {
      PromisedPayment p = lock(running.getId());
      if (p.getStatus() != PromiseStatus.ACTIVE
          || receipts.existsByPromiseIdAndLedgerEntryId(p.getId(), money.entryId())) {
        continue;
      }
      receipts.save(new PromiseReceipt(p.getId(), money.entryId(), money.amount(), clock.instant()));
      p.receive(money.amount());
      if (p.getReceived().compareTo(p.getAmount()) >= 0) {
        p.end(PromiseStatus.REPAID, clock.instant());
        processes.repaid(p.getId());
        log.info("Promised payment {} of account {} repaid", p.getId(), accountId);
      }
    }
    if (money.balanceAfter().signum() >= 0 && balances.balance(accountId).balance().signum() >= 0) {
      List<PromisedPayment> unsettled = promises.findUnsettled(accountId);
      if (unsettled.isEmpty()) {
        return;
      }
      unsettled.forEach(p -> p.settled(clock.instant()));
      blocks.lift(accountId, BlockCause.PROMISED_PAYMENT_EXPIRED, AccountEventLog.SYSTEM,
          "The balance is back at zero or above (PROM-5)");
    }
  }

  private PromisedPayment lock(long promiseId) {
    return promises.lockById(promiseId).orElseThrow(() -> new NotFoundException("Promised payment", promiseId));
  }

  private static String key(PromisedPayment p, String what) {
    return "promise:" + p.getId() + ":" + what;
  }

  private static String actor(PromisedPayment p) {
    return p.getCreatedBy();
  }

  static String plain(BigDecimal amount) {
    return Money.text(amount);
  }
}
