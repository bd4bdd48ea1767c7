package com.resellerhub.billing.billingday;

import com.resellerhub.billing.billingday.BillingDayRules.ClosedPeriod;
import com.resellerhub.billing.billingday.BillingDayRules.DueOrder;
import com.resellerhub.billing.billingday.BillingDayRules.PlannedOrder;
import com.resellerhub.billing.billingday.BillingDayRules.PlannedPayment;
import com.resellerhub.billing.billingday.BillingDayRules.Term;
import com.resellerhub.billing.account.AccountBulk;
import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.catalog.PlanPrice;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.order.OrderType;
import com.resellerhub.billing.order.TermOrders;
import com.resellerhub.billing.order.TermOrders.NewTermOrder;
import com.resellerhub.billing.payment.BillingPayments;
import com.resellerhub.billing.payment.BillingPayments.ActLine;
import com.resellerhub.billing.payment.BillingPayments.BilledPeriod;
import com.resellerhub.billing.payment.BillingPayments.OrderPayment;
import com.resellerhub.billing.subscription.SubscriptionService;
import com.resellerhub.billing.subscription.SubscriptionService.DueWindows;
import com.resellerhub.billing.subscription.SubscriptionService.State;
import com.resellerhub.billing.subscription.SubscriptionService.TermChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily billing step (part of issue 6): creates the day's RENEWAL and PROLONGATION orders with their ORDER or
 * COMBINED payments, and issues the acts of the POSTPAY periods that closed, with their ACT payments. The automatic
 * debit run calls it; an admin can run it through {@code POST /api/admin/billing-day}. Rules:
 * {@link BillingDayRules}; decisions and configuration: {@code docs/billing-day.md}.
 *
 * <p>Idempotent and safe on several nodes at once: the accounts with work are handled page by page, each page's
 * account rows locked first ({@code SELECT ... FOR UPDATE}, ascending ids, so two runs never deadlock), and only then
 * read: a second run waits for the first and finds its orders and acts. Behind the locks the database holds one order
 * per subscription, type and period start, and one act line per subscription and period start, so nothing can be
 * created twice even by code that forgets the lock. The day is created in steps ({@link #createDueStep}, one per job
 * of the process) of slices run at once, each slice in a transaction of its own, and reads and writes page by page
 * through the owning features' bulk methods (plain JDBC there), so a million subscriptions neither fill memory nor
 * the persistence context: the subscriptions that may be due from {@link SubscriptionService}, the plans' prices
 * from {@link PlanService}, the new orders from {@link TermOrders#createAll} (which skips a term ordered already),
 * the periods billed already from {@link BillingPayments#billedPeriods}, the accounts' locks from
 * {@link AccountBulk}.
 */
@Service
public class BillingDayService {

  private static final Logger log = LoggerFactory.getLogger(BillingDayService.class);

  /** What one run created: RENEWAL and PROLONGATION orders, COMBINED payments (among their payments), and acts. */
  public record Created(int renewals, int prolongations, int combined, int acts) {

    Created plus(Created other) {
      return new Created(renewals + other.renewals, prolongations + other.prolongations, combined + other.combined,
          acts + other.acts);
    }
  }

  private final BillingDaySettings settings;
  private final SubscriptionService subscriptions;
  private final PlanService plans;
  private final AccountBulk accounts;
  private final TermOrders termOrders;
  private final OrderService orders;
  private final BillingPayments payments;
  private final TransactionTemplate newTransaction;
  /** The creation's slices run here, {@code creation-threads} at a time. */
  private final ExecutorService workers;

  public BillingDayService(BillingDaySettings settings, SubscriptionService subscriptions, PlanService plans,
      AccountBulk accounts, TermOrders termOrders, OrderService orders, BillingPayments payments,
      PlatformTransactionManager transactions) {
    this.settings = settings;
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.accounts = accounts;
    this.termOrders = termOrders;
    this.orders = orders;
    this.payments = payments;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    CustomizableThreadFactory threads = new CustomizableThreadFactory("billing-day-create-");
    threads.setDaemon(true);
    this.workers = Executors.newFixedThreadPool(settings.creationThreads(), threads);
  }

  /**
   * What one step of the day's creation did: its figures, the last account it handled (the next step starts after
   * it), and whether accounts with work may remain.
   */
  public record Step(Created created, long lastAccountId, boolean more) {}

  /**
   * Creates what falls due on {@code today}: renewals, prolongations, their payments (COMBINED per account and due
   * date), and the acts of closed postpay periods, step after step ({@link #createDueStep}), so a day of a million
   * subscriptions neither holds every account's lock until the end nor keeps one transaction open for minutes. Calling
   * it again for the same day creates nothing new; a failure leaves the slices committed before it, and calling it
   * again creates the rest.
   */
  public Created createDuePayments(LocalDate today) {
    Created total = new Created(0, 0, 0, 0);
    long after = 0;
    while (true) {
      Step step = createDueStep(today, after);
      total = total.plus(step.created());
      if (!step.more()) {
        return total;
      }
      after = step.lastAccountId();
    }
  }

  /**
   * One step of the day's creation, what one job of "Create the day's payments" does: the next accounts with work
   * after {@code afterAccountId} (ascending), at most {@code creation-threads} x {@code creation-slice-accounts} of
   * them, cut into {@code creation-threads} consecutive slices that run at once, each in a transaction of its own
   * (its accounts locked page by page, ascending, so slices of two runs wait for each other and never deadlock). The
   * step returns when every slice has committed; when one failed, it throws its error after the others ended: the
   * committed slices stay, and the step run again finds their orders and creates the rest. The first step
   * ({@code afterAccountId} 0) also ends the cancelled subscriptions whose term ended.
   */
  public Step createDueStep(LocalDate today, long afterAccountId) {
    return createDueStep(today, afterAccountId, new StepSize(settings.creationThreads(),
        settings.creationSliceAccounts(), settings.pageSize()));
  }

  /** How one step is cut: slices at once, accounts per slice, accounts per page. */
  record StepSize(int threads, int sliceAccounts, int pageSize) {}

  /** {@link #createDueStep(LocalDate, long)} with the step cut as given (the integration tests cut small steps). */
  Step createDueStep(LocalDate today, long afterAccountId, StepSize size) {
    long started = System.nanoTime();
    if (afterAccountId == 0) {
      int ended = newTransaction.execute(status -> subscriptions.endCancelledTerms(today));
      if (ended > 0) {
        log.info("Billing day {}: {} cancelled subscriptions ended with their term", today, ended);
      }
    }
    Map<Long, PlanPrice> planById = new LinkedHashMap<>();
    plans.prices().forEach(p -> planById.put(p.id(), p));
    DueWindows windows = windows(today, planById.values());
    int limit = size.threads() * size.sliceAccounts();
    List<Long> ids = subscriptions.accountsWithTermsDue(windows, afterAccountId, limit);
    if (ids.isEmpty()) {
      return new Step(new Created(0, 0, 0, 0), afterAccountId, false);
    }
    // as many slices as threads, but no slice smaller than a page: a small day is one slice on this thread
    int slices = Math.max(1, Math.min(size.threads(), (ids.size() + size.pageSize() - 1) / size.pageSize()));
    int perSlice = (ids.size() + slices - 1) / slices;
    List<List<Long>> parts = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += perSlice) {
      parts.add(ids.subList(from, Math.min(ids.size(), from + perSlice)));
    }
    Created total = new Created(0, 0, 0, 0);
    if (parts.size() == 1) {
      total = createSlice(today, parts.get(0), windows, planById, size.pageSize());
    } else {
      List<Future<Created>> running = new ArrayList<>();
      for (List<Long> part : parts) {
        running.add(workers.submit(() -> createSlice(today, part, windows, planById, size.pageSize())));
      }
      // every slice ends before the step does; the first failure is the step's
      RuntimeException failure = null;
      for (Future<Created> f : running) {
        try {
          total = total.plus(f.get());
        } catch (ExecutionException | InterruptedException e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r
                : new IllegalStateException("A slice of the billing day's creation failed", e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
    long last = ids.get(ids.size() - 1);
    log.info("Billing day {}: accounts {} to {} in {} slices: {} renewals, {} prolongations, {} combined payments,"
        + " {} acts ({} ms)", today, ids.get(0), last, parts.size(), total.renewals(), total.prolongations(),
        total.combined(), total.acts(), (System.nanoTime() - started) / 1_000_000);
    return new Step(total, last, ids.size() == limit);
  }

  /** One slice: these accounts (ascending), page by page, in a transaction of its own. */
  private Created createSlice(LocalDate today, List<Long> accountIds, DueWindows windows,
      Map<Long, PlanPrice> planById, int pageSize) {
    return newTransaction.execute(status -> {
      Created total = new Created(0, 0, 0, 0);
      for (int from = 0; from < accountIds.size(); from += pageSize) {
        List<Long> page = accountIds.subList(from, Math.min(accountIds.size(), from + pageSize));
        // Runs on several nodes, or twice at once, work on one account one after another; the second finds the
        // first's orders and acts.
        accounts.lockAll(page);
        total = total.plus(orders(page, today, windows, planById)).plus(acts(page, today, windows, planById));
      }
      return total;
    });
  }

  @PreDestroy
  void stopWorkers() {
    workers.shutdownNow();
  }

  /**
   * The windows of {@link BillingDayRules}: renewals and prolongations of every PREPAY plan, acts of the POSTPAY plans
   * with a price.
   */
  private DueWindows windows(LocalDate today, java.util.Collection<PlanPrice> all) {
    LocalDate[] renewal = BillingDayRules.renewalExpiries(today, settings.renewalLeadDays());
    LocalDate[] prolongation = BillingDayRules.prolongationPaidUntils(today, settings.prolongationLeadDays());
    List<Long> prepaid = all.stream().filter(p -> p.billingModel() == BillingModel.PREPAY).map(PlanPrice::id)
        .toList();
    List<Long> postpaid = all.stream().filter(p -> p.billingModel() == BillingModel.POSTPAY)
        .filter(p -> p.price().signum() > 0).map(PlanPrice::id).toList();
    return new DueWindows(prepaid, renewal[0], renewal[1], prolongation[0], prolongation[1], postpaid, today);
  }

  private static Term term(State s, PlanPrice plan) {
    return new Term(s.id(), s.accountId(), s.planId(), plan.price(), plan.currency(), plan.period(),
        plan.instalment(), s.startsOn(), s.termStartsOn(), s.expiresOn(), s.paidUntil(), s.autoRenew(),
        s.gracePeriodDays());
  }

  /** PREPAY: the page's renewal and prolongation orders and their payments. */
  private Created orders(List<Long> page, LocalDate today, DueWindows windows, Map<Long, PlanPrice> planById) {
    List<State> renewing = subscriptions.renewalsDue(page, windows);
    List<State> prolonging = subscriptions.prolongationsDue(page, windows);
    // a term that has its order already (any status) is not ordered again: TermOrders.createAll skips it
    List<PlannedOrder> planned = new ArrayList<>();
    for (State s : renewing) {
      BillingDayRules.renewal(today, term(s, planById.get(s.planId())), settings.renewalLeadDays())
          .ifPresent(planned::add);
    }
    for (State s : prolonging) {
      BillingDayRules.prolongation(today, term(s, planById.get(s.planId())), settings.prolongationLeadDays())
          .ifPresent(planned::add);
    }
    if (planned.isEmpty()) {
      return new Created(0, 0, 0, 0);
    }
    Map<NewTermOrder, PlannedOrder> byRequest = new LinkedHashMap<>();
    for (PlannedOrder p : planned) {
      Term t = p.term();
      byRequest.put(new NewTermOrder(t.accountId(), t.planId(), t.subscriptionId(), p.type(), p.periodStart(),
          p.price(), t.currency(), "(billing day " + today + ")"), p);
    }
    List<TermOrders.Created> created = termOrders.createAll(new ArrayList<>(byRequest.keySet()));

    List<DueOrder> due = new ArrayList<>();
    List<Long> free = new ArrayList<>();
    int renewals = 0;
    int prolongations = 0;
    for (TermOrders.Created c : created) {
      PlannedOrder p = byRequest.get(c.request());
      if (p.type() == OrderType.RENEWAL) {
        renewals++;
      } else {
        prolongations++;
      }
      if (p.price().signum() == 0) {
        free.add(c.orderId());
      } else {
        due.add(new DueOrder(c.orderId(), p.term().accountId(), p.term().currency(), p.price(), p.dueDate(),
            p.expiresOn()));
      }
    }
    // A free term needs no payment: provisioned at once, as a free new order is.
    orders.provisionPaidAll(free);
    List<OrderPayment> toCreate = new ArrayList<>();
    int combined = 0;
    for (PlannedPayment payment : BillingDayRules.payments(due)) {
      toCreate.add(new OrderPayment(payment.accountId(), payment.orderIds(), payment.amount(), payment.currency(),
          payment.dueDate(), payment.expiresOn()));
      if (payment.combined()) {
        combined++;
      }
    }
    payments.createAllForOrders(toCreate, "(billing day " + today + ")");
    return new Created(renewals, prolongations, combined, 0);
  }

  /**
   * POSTPAY: the acts of the page's closed periods, one per account and period (all of an account's subscriptions
   * whose periods close together), and the subscriptions rolled into their next term.
   */
  private Created acts(List<Long> page, LocalDate today, DueWindows windows, Map<Long, PlanPrice> planById) {
    record PeriodKey(long accountId, LocalDate start, LocalDate end) {}
    Map<PeriodKey, List<ActLine>> lines = new LinkedHashMap<>();
    List<TermChange> rolls = new ArrayList<>();
    List<State> closedTerms = subscriptions.closedTerms(page, windows);
    // a term whose period an act has billed already is not billed again
    Set<BilledPeriod> billed = payments.billedPeriods(closedTerms.stream().map(State::id).toList());
    for (State s : closedTerms) {
      if (billed.contains(new BilledPeriod(s.id(), s.termStartsOn()))) {
        continue;
      }
      Term t = term(s, planById.get(s.planId()));
      List<ClosedPeriod> closed = BillingDayRules.closedPeriods(today, t);
      for (ClosedPeriod period : closed) {
        lines.computeIfAbsent(new PeriodKey(t.accountId(), period.start(), period.end()), k -> new ArrayList<>())
            .add(new ActLine(t.subscriptionId(), t.planPrice()));
      }
      if (!closed.isEmpty() && t.autoRenew()) {
        ClosedPeriod last = closed.get(closed.size() - 1);
        rolls.add(new TermChange(t.subscriptionId(), t.expiresOn(), last.nextTermStartsOn(), last.nextExpiresOn(),
            t.paidUntil(), null));
      }
    }
    int issued = 0;
    for (Map.Entry<PeriodKey, List<ActLine>> e : lines.entrySet()) {
      PeriodKey key = e.getKey();
      if (payments.issuePeriodAct(key.accountId(), key.start(), key.end(), e.getValue(), today).created()) {
        issued++;
      }
    }
    // The accounts' locks keep their postpaid subscriptions' terms as read; the status stays as it is.
    subscriptions.applyAll(rolls);
    return new Created(0, 0, 0, issued);
  }
}
