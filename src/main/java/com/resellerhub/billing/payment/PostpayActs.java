package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.ConflictException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The acts of closed POSTPAY periods (PAY-1) with their ACT payments, and the ERP's confirmation of an act it invoiced
 * (PAY-3): ACT payments are due {@code billing.payments.act-due-days} (default 10) after the act and expire the day
 * after; an act invoiced by the ERP has neither until the ERP confirms it.
 */
@Service
public class PostpayActs {

  private final PaymentRepository payments;
  private final PaymentEventRepository events;
  private final PostpayActRepository acts;
  private final PaymentService issuing;
  private final AccountService accounts;
  private final AccountEventLog eventLog;
  private final ResellerService resellers;
  private final Clock clock;
  private final int actDueDays;

  public PostpayActs(PaymentRepository payments, PaymentEventRepository events, PostpayActRepository acts,
      PaymentService issuing, AccountService accounts, AccountEventLog eventLog, ResellerService resellers,
      Clock clock, PaymentSettings settings) {
    this.payments = payments;
    this.events = events;
    this.acts = acts;
    this.issuing = issuing;
    this.accounts = accounts;
    this.eventLog = eventLog;
    this.resellers = resellers;
    this.clock = clock;
    this.actDueDays = settings.actDueDays();
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
    issuing.created(payments.save(payment), "for act " + act.getId() + " (" + periodStart + " to " + periodEnd + ")"
        + (external ? ", invoiced by the external system: no due date until the ERP confirms the act" : ""));
    eventLog.record(account.getId(), AccountEventType.ACT_ISSUED, actor, true, "Act " + act.getId() + " for "
        + periodStart + " to " + periodEnd + ": " + Money.text(act.getAmount()) + " " + currency);
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
      Payment locked = issuing.lockPayment(payment.getId());
      LocalDate due = today().plusDays(actDueDays);
      locked.dates(due, due.plusDays(1));
      events.save(new PaymentEvent(locked.getId(), PaymentEventKind.ACT_CONFIRMED, locked.getStatus(),
          locked.getStatus(), null, "Act " + actId + " confirmed by the ERP; due " + due, actor, clock.instant()));
    });
    eventLog.record(act.getAccountId(), AccountEventType.ACT_CONFIRMED, actor, true,
        "Act " + actId + " confirmed by the ERP");
    return act;
  }

  @Transactional(readOnly = true)
  public PostpayAct act(Long id) {
    return acts.findById(id).orElseThrow(() -> new NotFoundException("Act", id));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
