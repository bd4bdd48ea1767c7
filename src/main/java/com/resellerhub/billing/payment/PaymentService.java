package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.order.Order;
import com.resellerhub.billing.order.OrderPayments;
import com.resellerhub.billing.order.TermOrders;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.ConflictException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where payments come from (PAY-1) and what happens to them without a completion: an ORDER payment for a PREPAY
 * order, a TOP_UP payment for a customer's top-up request, an ACT payment for a postpay act, the ERP's confirmation
 * of an act (PAY-3), expiry into OVERDUE (PAY-5); and the operator's direct top-up of a balance. Completion is
 * {@link PaymentCompletion}.
 *
 * <p>Dates: ORDER and TOP_UP payments are due {@code billing.payments.due-days} (default 3) after creation and expire
 * on their due date; ACT payments (POSTPAY) are due {@code billing.payments.act-due-days} (default 10) after the act
 * and expire the day after (due date + 1 day); an act invoiced by the ERP has neither until the ERP confirms it.
 */
@Service
public class PaymentService implements OrderPayments {

  private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

  /** A payment and its history. */
  public record Detail(Payment payment, List<PaymentEvent> history) {}

  private final PaymentRepository payments;
  private final PaymentEventRepository events;
  private final PaymentMethodRepository methods;
  private final PostpayActRepository acts;
  private final AccountService accounts;
  private final AccountEventLog eventLog;
  private final BalanceService balances;
  private final ResellerService resellers;
  private final PaymentRows rows;
  private final TermOrders termOrders;
  private final Clock clock;
  private final int dueDays;
  private final int actDueDays;
  private final int overduePageSize;

  public PaymentService(PaymentRepository payments, PaymentEventRepository events, PaymentMethodRepository methods,
      PostpayActRepository acts, AccountService accounts, AccountEventLog eventLog, BalanceService balances,
      ResellerService resellers, PaymentRows rows, TermOrders termOrders, Clock clock, PaymentSettings settings) {
    this.payments = payments;
    this.events = events;
    this.methods = methods;
    this.acts = acts;
    this.accounts = accounts;
    this.eventLog = eventLog;
    this.balances = balances;
    this.resellers = resellers;
    this.rows = rows;
    this.termOrders = termOrders;
    this.clock = clock;
    this.dueDays = settings.dueDays();
    this.actDueDays = settings.actDueDays();
    this.overduePageSize = settings.overduePageSize();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Creation

  /** A PREPAY order waits for this ORDER payment (called by the order feature in its transaction). */
  @Override
  @Transactional
  public void requestPayment(Order order) {
    LocalDate due = today().plusDays(dueDays);
    Payment payment = new Payment(order.getAccountId(), PaymentType.ORDER, BillingModel.PREPAY, order.getPrice(),
        order.getCurrency(), due, due, order.getCreatedBy(), clock.instant());
    payment.linkOrders(List.of(order.getId()));
    created(payments.save(payment), "for order " + order.getId());
  }

  /**
   * One COMBINED payment for several orders of the account that wait for their payment: their open ORDER payments
   * are CANCELLED (their history names the combined payment) and the combined one, of their sum, pays them all.
   */
  @Transactional
  public Payment combine(Long accountId, List<Long> orderIds, String actor) {
    Account account = accounts.lock(accountId);
    List<Long> distinct = orderIds.stream().distinct().sorted().toList();
    if (distinct.size() < 2) {
      throw new BusinessRuleException("combined-needs-orders", "orderIds",
          "A combined payment pays at least two different orders");
    }
    List<PaymentStatus> open = List.of(PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OVERDUE);
    List<Payment> parts = new java.util.ArrayList<>();
    for (Long orderId : distinct) {
      Payment part = payments.ofOrder(orderId, open).stream()
          .filter(p -> p.getType() == PaymentType.ORDER && p.getAccountId().equals(account.getId()))
          .findFirst().map(p -> lockPayment(p.getId())).filter(p -> p.getStatus().isOpen())
          .orElseThrow(() -> new BusinessRuleException("order-not-awaiting-payment", "orderIds",
              "Order " + orderId + " is not an order of account " + accountId + " waiting for its own payment"));
      parts.add(part);
    }
    BigDecimal sum = parts.stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    LocalDate due = today().plusDays(dueDays);
    Payment combined = new Payment(account.getId(), PaymentType.COMBINED, BillingModel.PREPAY, Money.of(sum),
        parts.get(0).getCurrency(), due, due, actor, clock.instant());
    combined.linkOrders(distinct);
    created(payments.save(combined), "for orders " + distinct);
    for (Payment part : parts) {
      PaymentStatus from = part.getStatus();
      part.cancelled();
      events.save(new PaymentEvent(part.getId(), PaymentEventKind.STATUS_CHANGED, from, PaymentStatus.CANCELLED,
          null, "Combined into payment " + combined.getId(), actor, clock.instant()));
    }
    return combined;
  }

  /** PAY-7: the customer asks to top up the balance; the TOP_UP payment is paid through a gateway. */
  @Transactional
  public Payment requestTopUp(Long accountId, BigDecimal amount, String actor) {
    Account account = accounts.get(accountId);
    LocalDate due = today().plusDays(dueDays);
    Payment payment = payments.save(new Payment(account.getId(), PaymentType.TOP_UP, BillingModel.PREPAY,
        Money.of(amount), resellers.current().getCurrency(), due, due, actor, clock.instant()));
    return created(payment, "balance top-up");
  }

  /**
   * Issues the act of a closed POSTPAY period and its ACT payment. With {@code invoicesByExternalSystem} (RS-2) the
   * act is invoiced by the ERP: its payment has no due date until the ERP confirms it (PAY-3). One act per account
   * and period start.
   */
  @Transactional
  public PostpayAct issueAct(Long accountId, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
      String actor) {
    Account account = accounts.lock(accountId);
    if (periodEnd.isBefore(periodStart)) {
      throw new BusinessRuleException("period", "periodEnd", "periodEnd must not be before periodStart");
    }
    if (!periodEnd.isBefore(today())) {
      throw new BusinessRuleException("period-not-closed", "periodEnd",
          "An act is issued for a closed period: periodEnd must be before today (" + today() + ")");
    }
    if (acts.existsByAccountIdAndPeriodStart(account.getId(), periodStart)) {
      throw new ConflictException("act-exists", "Account " + accountId + " already has an act for the period"
          + " starting " + periodStart);
    }
    boolean external = resellers.settings().invoicesByExternalSystem();
    String currency = resellers.current().getCurrency();
    PostpayAct act = acts.save(new PostpayAct(account.getId(), periodStart, periodEnd, Money.of(amount), currency,
        external, actor, clock.instant()));
    LocalDate due = external ? null : today().plusDays(actDueDays);
    Payment payment = new Payment(account.getId(), PaymentType.ACT, BillingModel.POSTPAY, act.getAmount(), currency,
        due, due == null ? null : due.plusDays(1), actor, clock.instant());
    payment.linkAct(act.getId());
    created(payments.save(payment), "for act " + act.getId() + " (" + periodStart + " to " + periodEnd + ")"
        + (external ? ", invoiced by the external system: no due date until the ERP confirms the act" : ""));
    eventLog.record(account.getId(), AccountEventType.ACT_ISSUED, actor, true, "Act " + act.getId() + " for "
        + periodStart + " to " + periodEnd + ": " + act.getAmount().toPlainString() + " " + currency);
    return act;
  }

  /**
   * PAY-3: the ERP confirms its act; the act's payment gets its due date and expiry. Idempotent; the act's row is
   * locked, so concurrent confirmations confirm once.
   */
  @Transactional
  public PostpayAct confirmAct(Long actId, String actor) {
    PostpayAct act = acts.lock(actId).orElseThrow(() -> new NotFoundException("Act", actId));
    if (!act.isInvoicedExternally()) {
      throw new BusinessRuleException("PAY-3", "id", "Act " + actId
          + " was not invoiced by the external system; there is nothing to confirm");
    }
    if (act.isErpConfirmed()) {
      return act;
    }
    act.confirmed(clock.instant());
    payments.findByActId(actId).ifPresent(payment -> {
      Payment locked = lockPayment(payment.getId());
      LocalDate due = today().plusDays(actDueDays);
      locked.dates(due, due.plusDays(1));
      events.save(new PaymentEvent(locked.getId(), PaymentEventKind.ACT_CONFIRMED, locked.getStatus(),
          locked.getStatus(), null, "Act " + actId + " confirmed by the ERP; due " + due, actor, clock.instant()));
    });
    eventLog.record(act.getAccountId(), AccountEventType.ACT_CONFIRMED, actor, true,
        "Act " + actId + " confirmed by the ERP");
    return act;
  }

  private Payment created(Payment payment, String what) {
    events.save(new PaymentEvent(payment.getId(), PaymentEventKind.CREATED, null, payment.getStatus(), null,
        payment.getType() + " payment " + what, payment.getCreatedBy(), clock.instant()));
    eventLog.record(payment.getAccountId(), AccountEventType.PAYMENT_CREATED, payment.getCreatedBy(), true,
        "Payment " + payment.getId() + " (" + payment.getType() + ") of " + payment.getAmount().toPlainString() + " "
            + payment.getCurrency() + " " + what);
    return payment;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Overdue (PAY-5)

  /**
   * PAY-5: turns every AWAITING_PAYMENT payment whose expiry date is before {@code today} into OVERDUE, and puts the
   * subscriptions of its RENEWAL and PROLONGATION orders into PAYMENT_OVERDUE (when ACTIVE or DELIVERED), each with
   * an entry in the account's event log. Returns how many payments it marked.
   *
   * <p>It works through the payments in pages of {@code billing.payments.overdue-page-size} (default 500) with plain
   * JDBC ({@link PaymentRows}), in the caller's transaction (or its own; neither changes a payment through JPA):
   * each page's rows are locked ({@code SELECT ... FOR UPDATE}) before they change, and the update once more requires
   * AWAITING_PAYMENT, so a completion running at the same moment either wins (the payment is paid, not marked) or
   * waits for this transaction; nothing is overwritten. A page takes a few statements whatever its size.
   */
  @Transactional
  public int markExpiredOverdue(LocalDate today) {
    int marked = 0;
    int subscriptionsOverdue = 0;
    long after = 0;
    while (true) {
      List<PaymentRows.Expired> page = rows.lockExpired(today, after, overduePageSize);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).id();
      List<PaymentRows.Expired> changed = rows.markOverdue(page);
      rows.events(changed.stream().map(p -> new PaymentRows.NewEvent(p.id(), PaymentEventKind.STATUS_CHANGED,
          PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OVERDUE, "Not paid by its expiry date " + p.expiresOn(),
          AccountEventLog.SYSTEM)).toList(), clock.instant());
      eventLog.recordAll(changed.stream().map(p -> new AccountEventLog.Entry(p.accountId(),
          AccountEventType.PAYMENT_OVERDUE, AccountEventLog.SYSTEM, true, "Payment " + p.id() + " is overdue (expired "
              + p.expiresOn() + ")")).toList());
      subscriptionsOverdue += termOrders.paymentsOverdue(ordersOf(changed));
      marked += changed.size();
      if (page.size() < overduePageSize) {
        break;
      }
    }
    if (marked > 0) {
      log.info("{} payments became OVERDUE on {}; {} subscriptions PAYMENT_OVERDUE", marked, today,
          subscriptionsOverdue);
    }
    return marked;
  }

  /** Each order of these payments, with the reason its subscription becomes PAYMENT_OVERDUE. */
  private Map<Long, String> ordersOf(List<PaymentRows.Expired> payments) {
    Map<Long, String> whyByOrder = new LinkedHashMap<>();
    if (payments.isEmpty()) {
      return whyByOrder;
    }
    Map<Long, PaymentRows.Expired> byId = new LinkedHashMap<>();
    payments.forEach(p -> byId.put(p.id(), p));
    rows.ordersOf(byId.keySet()).forEach((paymentId, orderIds) -> {
      PaymentRows.Expired p = byId.get(paymentId);
      orderIds.forEach(orderId -> whyByOrder.put(orderId, "payment " + p.id() + " of order " + orderId
          + " expired unpaid on " + p.expiresOn()));
    });
    return whyByOrder;
  }

  /** How many payments are OVERDUE (the operator's gauge). */
  @Transactional(readOnly = true)
  public long overdueCount() {
    return rows.countWithStatus(PaymentStatus.OVERDUE);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Operator top-up

  /**
   * Money received by a manager (bank transfer, cash): a TOP_UP entry in the ledger. Gateway methods are refused
   * (PAY-2). {@code requestKey} (the request's Idempotency-Key, or null) makes the ledger key, so a repeat of the
   * same request never credits twice even past the request store.
   */
  @Transactional
  public BalanceService.Recorded topUp(Long accountId, BigDecimal amount, String methodCode, String comment,
      String actor, String requestKey) {
    Account account = accounts.get(accountId);
    PaymentMethod method = methods.findByCode(methodCode).filter(PaymentMethod::isActive)
        .orElseThrow(() -> new BusinessRuleException("unknown-payment-method", "method",
            "method must be the code of an active payment method; " + methodCode + " is not"));
    if (method.isGatewayConnector()) {
      throw new BusinessRuleException("PAY-2", "method", "Payment method " + method.getCode()
          + " is backed by a payment-gateway connector and cannot be used through the operator API");
    }
    String key = "top-up:" + account.getId() + ":" + (requestKey == null ? UUID.randomUUID() : requestKey);
    String description = "Top-up by " + method.getName() + (comment == null || comment.isBlank() ? "" : ": " + comment);
    BalanceService.Recorded recorded = balances.record(account.getId(), Movement.credit(EntryType.TOP_UP,
        amount, key, "TOP_UP", null, description, actor));
    if (!recorded.replayed()) {
      eventLog.record(account.getId(), AccountEventType.BALANCE_TOPPED_UP, actor, true,
          description + ": " + recorded.entry().getAmount().toPlainString() + " "
              + resellers.current().getCurrency());
    }
    return recorded;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  @Transactional(readOnly = true)
  public Detail detail(Long id) {
    Payment payment = payments.findById(id).orElseThrow(() -> new NotFoundException("Payment", id));
    return new Detail(payment, events.findByPaymentIdOrderByIdAsc(id));
  }

  /** The account's payment with its history, or 404 when it is another account's. */
  @Transactional(readOnly = true)
  public Detail detailOfAccount(Long accountId, Long id) {
    Payment payment = payments.findById(id).filter(p -> p.getAccountId().equals(accountId))
        .orElseThrow(() -> new NotFoundException("Payment", id));
    return new Detail(payment, events.findByPaymentIdOrderByIdAsc(id));
  }

  @Transactional(readOnly = true)
  public Page<Payment> search(PaymentStatus status, PaymentType type, Long accountId, Pageable pageable) {
    return payments.search(status, type, accountId, pageable);
  }

  @Transactional(readOnly = true)
  public Page<Payment> ofAccount(Long accountId, Pageable pageable) {
    return payments.findByAccountIdOrderByIdDesc(accountId, pageable);
  }

  @Transactional(readOnly = true)
  public PostpayAct act(Long id) {
    return acts.findById(id).orElseThrow(() -> new NotFoundException("Act", id));
  }

  @Transactional(readOnly = true)
  public List<PaymentMethod> methods() {
    return methods.findByActiveTrueOrderByCode();
  }

  Payment lockPayment(Long id) {
    return payments.lock(id).orElseThrow(() -> new NotFoundException("Payment", id));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
