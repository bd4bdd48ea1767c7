package com.resellerhub.billing.billingday;

import com.resellerhub.billing.payment.OverduePayments;
import com.resellerhub.billing.billingday.SettlementRules.Kind;
import com.resellerhub.billing.billingday.SettlementRules.OrderFacts;
import com.resellerhub.billing.billingday.SettlementRules.OrderKind;
import com.resellerhub.billing.billingday.SettlementRules.PaymentFacts;
import com.resellerhub.billing.billingday.SettlementRules.ResellerFlags;
import com.resellerhub.billing.billingday.SettlementRules.SubscriptionState;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.payment.DuePayments;
import com.resellerhub.billing.payment.DuePayments.AccountDue;
import com.resellerhub.billing.payment.DuePayments.DuePayment;
import com.resellerhub.billing.payment.DuePayments.NotPaid;
import com.resellerhub.billing.payment.PaymentCompletion;
import com.resellerhub.billing.promise.PromiseService;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing day's automatic debit (PAY-4, PAY-5, PAY-6), in three steps the {@code billing-day} process drives:
 * <ol>
 *   <li>{@link #prepare}: one run per date (unique in the database), its payments split into chunks of whole accounts
 *       of about {@code chunk-size} payments each;</li>
 *   <li>{@link #settle}: one chunk in one transaction: the chunk row is locked (a second settlement waits, then finds it
 *       SETTLED), its payments and then its accounts' ledger rows are locked in id order, every payment is checked
 *       against {@link SettlementRules} with the balance left by the ones before it, the debits are recorded in a batch
 *       with the key {@code payment:<id>} (unique in the ledger: no payment is ever debited twice), the paid payments
 *       become PAID_FROM_BALANCE and their orders are provisioned, and every other payment's history names the
 *       condition that failed;</li>
 *   <li>{@link #finish}: once every chunk is settled, the payments still unpaid past their expiry become OVERDUE
 *       (PAY-5) and the run is finished with its figures.</li>
 * </ol>
 */
@Service
public class SettlementService {

  private static final Logger log = LoggerFactory.getLogger(SettlementService.class);

  /** A run's figures, summed over its chunks. */
  public record Progress(Long runId, LocalDate businessDate, BillingDayRun.Status status, int payments, int chunks,
      int chunksSettled, int paid, int skipped, BigDecimal paidAmount, Map<SkipReason, Integer> skippedByReason,
      Integer overdueMarked) {
    public boolean allSettled() {
      return chunksSettled == chunks;
    }

    /** {@code REASON=count, ...}, or "none". */
    public String skippedByReasonText() {
      return SkipReason.text(skippedByReason);
    }
  }

  /** A prepared run: its id, date, selected payments and chunks (ids and numbers). */
  public record PreparedRun(Long runId, LocalDate businessDate, int payments, List<ChunkRef> chunks) {}

  public record ChunkRef(Long chunkId, int chunkNo) {}

  /** What one chunk's settlement did. {@code alreadySettled}: an earlier settlement did it all; nothing was done. */
  public record ChunkOutcome(Long chunkId, int paid, int skipped, BigDecimal paidAmount,
      Map<SkipReason, Integer> skippedByReason, boolean alreadySettled) {
    /** {@code REASON=count, ...}, or "none". */
    public String skippedByReasonText() {
      return SkipReason.text(skippedByReason);
    }
  }

  private final BillingDayRunRepository runs;
  private final BillingDayChunkRepository chunks;
  private final DuePayments duePayments;
  private final BalanceService balances;
  private final OrderService orders;
  private final ResellerService resellers;
  private final BillingDaySettings settings;
  private final Clock clock;
  private final TransactionTemplate inOwnTransaction;
  private final OverduePayments overdue;
  private final PromiseService promises;

  private final org.springframework.context.ApplicationEventPublisher events;

  public SettlementService(BillingDayRunRepository runs, BillingDayChunkRepository chunks, DuePayments duePayments,
      BalanceService balances, OrderService orders, ResellerService resellers,
      BillingDaySettings settings, Clock clock, PlatformTransactionManager transactionManager,
      OverduePayments overdue, PromiseService promises,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.overdue = overdue;
    this.promises = promises;
    this.runs = runs;
    this.chunks = chunks;
    this.duePayments = duePayments;
    this.balances = balances;
    this.orders = orders;
    this.resellers = resellers;
    this.settings = settings;
    this.clock = clock;
    this.inOwnTransaction = new TransactionTemplate(transactionManager);
    this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The run of {@code date}: created with its chunks, or the existing one (a retried step, or another node that got
   * there first). The run is prepared in a transaction of its own, committed before the step goes on: when two nodes
   * prepare the same date at once, the date is unique, so the second insert waits for the first node's commit and
   * then fails; the second node then reads the first node's run and continues with it at once (it does not wait for
   * the step's retry). Should the first node still not have committed, the failure goes to the step's retry.
   */
  public PreparedRun prepare(LocalDate date) {
    try {
      return inOwnTransaction.execute(status -> prepareOnce(date));
    } catch (DataIntegrityViolationException anotherNodeWasFirst) {
      log.info("Billing day {} was prepared at the same moment by another instance of the day (another node, or the"
          + " timer and a request); continuing with its run", date);
      return inOwnTransaction.execute(status -> prepareOnce(date));
    }
  }

  private PreparedRun prepareOnce(LocalDate date) {
    Optional<BillingDayRun> existing = runs.findByBusinessDate(date);
    if (existing.isPresent()) {
      return prepared(existing.get());
    }
    List<AccountDue> due = duePayments.countByAccount(date);
    List<long[]> ranges = new ArrayList<>();
    long after = 0;
    int inChunk = 0;
    int total = 0;
    for (int i = 0; i < due.size(); i++) {
      AccountDue account = due.get(i);
      inChunk += account.payments();
      total += account.payments();
      boolean last = i == due.size() - 1;
      if (inChunk >= settings.chunkSize() || last) {
        // The last chunk also takes every account after it, so nothing is outside every chunk.
        long upTo = last ? Long.MAX_VALUE : account.accountId();
        ranges.add(new long[] {after, upTo, inChunk});
        after = upTo;
        inChunk = 0;
      }
    }
    BillingDayRun run = runs.saveAndFlush(new BillingDayRun(date, total, ranges.size(), settings.chunkSize(),
        clock.instant()));
    for (int n = 0; n < ranges.size(); n++) {
      long[] range = ranges.get(n);
      chunks.save(new BillingDayChunk(run.getId(), n + 1, range[0], range[1], (int) range[2]));
    }
    chunks.flush();
    log.info("Billing day {}: {} payments to settle in {} chunks", date, total, ranges.size());
    return prepared(run);
  }

  /**
   * The prepared run with its row locked until the caller's transaction ends: two instances of one day start the
   * chunks' instances one after the other, so the second sees (in history, committed with the first's transaction)
   * which chunks the first started and starts none of them again.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public PreparedRun lockForChunkStart(long runId) {
    return prepared(runs.lockById(runId).orElseThrow(() -> new NotFoundException("Run", runId)));
  }

  private PreparedRun prepared(BillingDayRun run) {
    return new PreparedRun(run.getId(), run.getBusinessDate(), run.getPayments(),
        chunks.findByRunIdOrderByChunkNo(run.getId()).stream().map(c -> new ChunkRef(c.getId(), c.getChunkNo()))
            .toList());
  }

  /** The chunks of a run, in order. */
  @Transactional(readOnly = true)
  public List<BillingDayChunk> chunksOf(Long runId) {
    return chunks.findByRunIdOrderByChunkNo(runId);
  }

  /** The business key of a date's run: {@code <reseller code>:<date>}. */
  @Transactional(readOnly = true)
  public String runKey(LocalDate date) {
    return resellers.current().getCode() + ":" + date;
  }

  /** Settles one chunk (see the class comment); a chunk already settled is left as it is. */
  @Transactional
  public ChunkOutcome settle(Long chunkId) {
    BillingDayChunk chunk = chunks.lock(chunkId).orElseThrow(() -> new NotFoundException("Chunk", chunkId));
    if (chunk.getStatus() == BillingDayChunk.Status.SETTLED) {
      return new ChunkOutcome(chunkId, chunk.getPaid(), chunk.getSkipped(), chunk.getPaidAmount(),
          SkipReason.parse(chunk.getSkippedByReason()), true);
    }
    BillingDayRun run = runs.findById(chunk.getRunId()).orElseThrow();
    LocalDate day = run.getBusinessDate();
    ResellerSettings reseller = resellers.settings();
    ResellerFlags flags = new ResellerFlags(reseller.allowWorkWithoutBalance(), reseller.invoicesByExternalSystem());

    List<DuePayment> due = duePayments.lockDue(chunk.getAfterAccountId(), chunk.getLastAccountId(), day);
    Map<Long, BigDecimal> available = new HashMap<>();
    balances.lockBalances(due.stream().map(DuePayment::accountId).toList())
        .forEach((account, balance) -> available.put(account, balance.available()));

    Map<Long, List<BillingDayRules.RunningPromise>> running = new HashMap<>();
    promises.runningOf(due.stream().map(DuePayment::accountId).toList()).forEach((account, list) -> running.put(
        account, list.stream().map(p -> new BillingDayRules.RunningPromise(p.promiseId(), p.firstDay(), p.lastDay(),
            p.days())).toList()));

    List<BalanceService.Debit> debits = new ArrayList<>();
    List<DuePayment> paid = new ArrayList<>();
    List<NotPaid> notPaid = new ArrayList<>();
    List<DuePayments.Moved> moved = new ArrayList<>();
    Map<SkipReason, Integer> reasons = new EnumMap<>(SkipReason.class);
    BigDecimal paidAmount = Money.of(BigDecimal.ZERO);
    for (DuePayment payment : due) {
      Optional<BillingDayRules.RunningPromise> mover = BillingDayRules.chargeMovedBy(payment.expiresOn(),
          termPayment(payment), payment.chargeMovedDays(), running.getOrDefault(payment.accountId(), List.of()));
      if (mover.isPresent()) {
        BillingDayRules.RunningPromise p = mover.get();
        LocalDate[] dates = BillingDayRules.movedCharge(payment.dueDate(), payment.expiresOn(), p.days());
        moved.add(new DuePayments.Moved(payment.id(), payment.accountId(), p.days(), dates[0], dates[1],
            "Charge date " + payment.expiresOn() + " moved by " + p.days() + " days to " + dates[1]
                + ": promised payment " + p.promiseId() + " runs from " + p.firstDay() + " to " + p.lastDay()
                + " (SUB-4, billing day " + day + ")"));
        reasons.merge(SkipReason.CHARGE_DATE_MOVED_BY_PROMISE, 1, Integer::sum);
        continue;
      }
      BigDecimal left = available.getOrDefault(payment.accountId(), Money.of(BigDecimal.ZERO));
      Optional<SkipReason> reason = SettlementRules.check(flags, facts(payment, left), day);
      if (reason.isPresent()) {
        reasons.merge(reason.get(), 1, Integer::sum);
        notPaid.add(new NotPaid(payment.id(), "Not paid from the balance on " + day + ": " + reason.get() + " ("
            + reason.get().description() + ")"));
        continue;
      }
      if (payment.amount().signum() > 0) {
        debits.add(new BalanceService.Debit(payment.accountId(), Movement.debit(EntryType.PAYMENT_DEBIT,
            payment.amount(), PaymentCompletion.debitKey(payment.id()), "PAYMENT", payment.id(),
            "Payment " + payment.id() + " paid from the balance automatically on its expiry date",
            DuePayments.ACTOR)));
      }
      available.put(payment.accountId(), left.subtract(payment.amount()));
      paidAmount = paidAmount.add(payment.amount());
      paid.add(payment);
    }
    balances.debitAll(debits);
    duePayments.paidFromBalance(paid, DuePayments.ACTOR, "Paid from the balance automatically on its expiry date"
        + " (billing day " + day + ", chunk " + chunk.getChunkNo() + ")");
    duePayments.notPaid(notPaid, DuePayments.ACTOR);
    duePayments.moveChargeDates(moved, DuePayments.ACTOR);
    List<Long> paidOrders = paid.stream().flatMap(p -> p.orders().stream()).map(DuePayments.DueOrder::orderId)
        .toList();
    if (!paidOrders.isEmpty()) {
      orders.provisionPaidAll(paidOrders);
    }
    int skipped = notPaid.size() + moved.size();
    chunk.settled(paid.size(), skipped, Money.of(paidAmount), SkipReason.stored(reasons), settings.nodeName(),
        clock.instant());
    return new ChunkOutcome(chunkId, paid.size(), skipped, Money.of(paidAmount), reasons, false);
  }

  /** The run's figures so far. */
  @Transactional(readOnly = true)
  public Progress progress(Long runId) {
    BillingDayRun run = runs.findById(runId).orElseThrow(() -> new NotFoundException("Run", runId));
    return progress(run);
  }

  @Transactional(readOnly = true)
  public Optional<Progress> progressOf(LocalDate date) {
    return runs.findByBusinessDate(date).map(this::progress);
  }

  @Transactional(readOnly = true)
  public Page<Progress> list(Pageable pageable) {
    return runs.findAllByOrderByBusinessDateDesc(pageable).map(this::progress);
  }

  private Progress progress(BillingDayRun run) {
    int settled = 0;
    int paid = 0;
    int skipped = 0;
    BigDecimal amount = Money.of(BigDecimal.ZERO);
    Map<SkipReason, Integer> reasons = new EnumMap<>(SkipReason.class);
    for (BillingDayChunk chunk : chunks.findByRunIdOrderByChunkNo(run.getId())) {
      if (chunk.getStatus() == BillingDayChunk.Status.SETTLED) {
        settled++;
        paid += chunk.getPaid();
        skipped += chunk.getSkipped();
        amount = amount.add(chunk.getPaidAmount());
        SkipReason.parse(chunk.getSkippedByReason()).forEach((r, n) -> reasons.merge(r, n, Integer::sum));
      }
    }
    return new Progress(run.getId(), run.getBusinessDate(), run.getStatus(), run.getPayments(), run.getChunks(),
        settled, paid, skipped, Money.of(amount), reasons, run.getOverdueMarked());
  }

  /**
   * PAY-5 after the day's debits: payments still awaiting payment past their expiry become OVERDUE, and the run is
   * FINISHED. Refused while a chunk is not settled (the run waits for it). Finishing twice changes nothing.
   */
  @Transactional
  public Progress finish(Long runId) {
    BillingDayRun run = runs.lockById(runId).orElseThrow(() -> new NotFoundException("Run", runId));
    if (run.getStatus() == BillingDayRun.Status.FINISHED) {
      return progress(run);
    }
    Progress progress = progress(run);
    if (!progress.allSettled()) {
      throw new IllegalStateException("Run " + runId + " has " + (progress.chunks() - progress.chunksSettled())
          + " chunks not settled yet");
    }
    int marked = overdue.markExpiredOverdue(run.getBusinessDate());
    run.finished(marked, clock.instant());
    events.publishEvent(new BillingDayFinished(run.getBusinessDate(), marked));
    log.info("Billing day {} finished: {} paid ({}), {} not paid [{}], {} became overdue", run.getBusinessDate(),
        progress.paid(), progress.paidAmount().toPlainString(), progress.skipped(), progress.skippedByReasonText(),
        marked);
    return progress(run);
  }

  /** SUB-4: a subscription's term payment: PREPAY, with orders, every one a RENEWAL or PROLONGATION. */
  static boolean termPayment(DuePayment payment) {
    return payment.model() == com.resellerhub.billing.catalog.BillingModel.PREPAY && !payment.orders().isEmpty()
        && payment.orders().stream().allMatch(o -> "RENEWAL".equals(o.type()) || "PROLONGATION".equals(o.type()));
  }

  static PaymentFacts facts(DuePayment payment, BigDecimal available) {
    Kind kind = switch (payment.type()) {
      case ORDER -> Kind.ORDER;
      case COMBINED -> Kind.COMBINED;
      case TOP_UP -> Kind.TOP_UP;
      case ACT -> Kind.ACT;
    };
    List<OrderFacts> orderFacts = payment.orders().stream().map(o -> new OrderFacts(OrderKind.valueOf(o.type()),
        o.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
        o.subscriptionStatus() == null ? null : SubscriptionState.valueOf(o.subscriptionStatus()),
        o.subscriptionExpiresOn(), o.autoRenew(), o.paidUntil(), o.gracePeriodDays())).toList();
    return new PaymentFacts(kind, payment.model(), true, payment.expiresOn(), payment.amount(), available, orderFacts,
        payment.chargeMovedDays());
  }
}
