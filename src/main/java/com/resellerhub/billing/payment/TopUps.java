package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.BusinessRuleException;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/** Money a manager received for an account (bank transfer, cash): straight into the ledger as a TOP_UP entry. */
@Service
public class TopUps {

  private final PaymentMethodRepository methods;
  private final AccountService accounts;
  private final AccountEventLog eventLog;
  private final BalanceService balances;
  private final ResellerService resellers;

  public TopUps(PaymentMethodRepository methods, AccountService accounts, AccountEventLog eventLog,
      BalanceService balances, ResellerService resellers) {
    this.methods = methods;
    this.accounts = accounts;
    this.eventLog = eventLog;
    this.balances = balances;
    this.resellers = resellers;
  }

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
          description + ": " + Money.text(recorded.entry().getAmount()) + " "
              + resellers.current().getCurrency());
    }
    return recorded;
  }

}
