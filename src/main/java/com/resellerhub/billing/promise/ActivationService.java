package com.resellerhub.billing.promise;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.web.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activation of a new account (PROM-6): its first usage event, or a manager setting the activation date. The first
 * activation starts a promise of the plan's "new accounts get n days to pay" when the plan has that option; later
 * ones change nothing and return the first.
 */
@Service
public class ActivationService {

  private final AccountActivationRepository activations;
  private final AccountService accounts;
  private final AccountEventLog eventLog;
  private final PromiseService promises;
  private final Clock clock;

  public ActivationService(AccountActivationRepository activations, AccountService accounts,
      AccountEventLog eventLog, PromiseService promises, Clock clock) {
    this.activations = activations;
    this.accounts = accounts;
    this.eventLog = eventLog;
    this.promises = promises;
    this.clock = clock;
  }

  /** The account's activation: made now (and the grace promise started), or the one made before. */
  @Transactional
  public AccountActivation activate(long accountId, AccountActivation.Source source, LocalDate activatedOn,
      String actor) {
    accounts.lock(accountId);
    var existing = activations.findById(accountId);
    if (existing.isPresent()) {
      return existing.get();
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate date = activatedOn == null ? today : activatedOn;
    if (date.isAfter(today)) {
      throw new BusinessRuleException("PROM-6", "activatedOn", "The activation date cannot be in the future");
    }
    AccountActivation activation = activations.save(new AccountActivation(accountId, date, source, actor,
        clock.instant()));
    eventLog.record(accountId, AccountEventType.ACCOUNT_ACTIVATED, actor, true, "Activated on " + date + " ("
        + (source == AccountActivation.Source.MANAGER ? "activation date set by a manager" : "first usage event")
        + ")");
    promises.startGrace(accountId, actor).ifPresent(p -> activation.promise(p.getId()));
    return activation;
  }

  @Transactional(readOnly = true)
  public java.util.Optional<AccountActivation> of(long accountId) {
    return activations.findById(accountId);
  }
}
