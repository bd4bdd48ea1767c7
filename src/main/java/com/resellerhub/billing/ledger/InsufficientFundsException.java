package com.resellerhub.billing.ledger;

import com.resellerhub.billing.web.BusinessRuleException;
import java.math.BigDecimal;

/** A debit larger than balance plus credit limit. */
public class InsufficientFundsException extends BusinessRuleException {

  private final BigDecimal available;

  public InsufficientFundsException(Long accountId, BigDecimal requested, BigDecimal available) {
    super("insufficient-balance", "amount", "Account " + accountId + " cannot pay " + Money.text(requested)
        + ": balance plus credit limit is " + Money.text(available));
    this.available = available;
  }

  public BigDecimal available() {
    return available;
  }
}
