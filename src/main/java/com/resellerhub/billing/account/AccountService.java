package com.resellerhub.billing.account;

import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as the other features see them: reading, the row lock every change of an account takes, and the terms of
 * service (ACC-9). Creation is {@link AccountRegistration}, owners {@link AccountOwners}, the postpay permission
 * {@link PostpayPermissions}, blocks {@link AccountBlocks}; every change is recorded in the {@link AccountEventLog}.
 */
@Service
public class AccountService {

  private final AccountRepository accounts;
  private final ResellerService resellers;
  private final AccountEventLog eventLog;
  private final Clock clock;

  public AccountService(AccountRepository accounts, ResellerService resellers, AccountEventLog eventLog,
      Clock clock) {
    this.accounts = accounts;
    this.resellers = resellers;
    this.eventLog = eventLog;
    this.clock = clock;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  /** The account, or 404. */
  @Transactional(readOnly = true)
  public Account get(Long id) {
    // by primary key: an account already loaded (or locked) in this transaction is not read again
    Long resellerId = resellers.current().getId();
    return accounts.findById(id).filter(a -> resellerId.equals(a.getResellerId()))
        .orElseThrow(() -> new NotFoundException("Account", id));
  }

  @Transactional(readOnly = true)
  public Page<Account> list(AccountStatus status, PostpayPermission permission, Pageable pageable) {
    return accounts.search(resellers.current().getId(), status, permission, pageable);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Terms (ACC-9)

  /** The customer accepts the terms through the customer API; accepting twice changes nothing. */
  @Transactional
  public Account acceptTermsByCustomer(Long accountId, String userId) {
    Account account = lock(accountId);
    if (!account.isTermsAccepted()) {
      account.acceptTerms(clock.instant(), userId);
      eventLog.record(accountId, AccountEventType.TERMS_ACCEPTED_BY_CUSTOMER, userId, true,
          "Terms accepted by " + userId);
    }
    return account;
  }

  /**
   * ACC-9 for ordering: when the reseller requires terms acceptance, an account that has not accepted them may not
   * place its first order. Throws a 422 naming ACC-9.
   */
  @Transactional(readOnly = true)
  public void requireTermsAccepted(Long accountId) {
    if (resellers.settings().termsAcceptanceRequired() && !get(accountId).isTermsAccepted()) {
      throw new BusinessRuleException("ACC-9", "terms",
          "The account has not accepted the terms of service yet; accept them first (POST /api/customer/account/terms)");
    }
  }

  /**
   * Locks many account rows in id order in one query, for a change of them all (the promise expiry sweep's blocks);
   * 404 when one is not the reseller's.
   */
  @Transactional
  public Map<Long, Account> lockAll(Collection<Long> accountIds) {
    Long resellerId = resellers.current().getId();
    Map<Long, Account> locked = new HashMap<>();
    accounts.lockAllById(new TreeSet<>(accountIds)).stream()
        .filter(a -> a.getResellerId().equals(resellerId)).forEach(a -> locked.put(a.getId(), a));
    for (Long id : accountIds) {
      if (!locked.containsKey(id)) {
        throw new NotFoundException("Account", id);
      }
    }
    return locked;
  }

  /** Locks the account row (SELECT ... FOR UPDATE) for a change; 404 when it is not the reseller's. */
  @Transactional
  public Account lock(Long accountId) {
    Long resellerId = resellers.current().getId();
    return accounts.lockById(accountId).filter(a -> a.getResellerId().equals(resellerId))
        .orElseThrow(() -> new NotFoundException("Account", accountId));
  }

}
