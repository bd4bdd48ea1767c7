package com.resellerhub.billing.account;

import com.resellerhub.billing.security.AccountLinks;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The account a customer user acts for: its {@link AccountUser} link. */
@Component
class AccountLinkLookup implements AccountLinks {

  private final AccountUserRepository accountUsers;

  AccountLinkLookup(AccountUserRepository accountUsers) {
    this.accountUsers = accountUsers;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> accountOf(String userId) {
    return accountUsers.findByUserId(userId).map(AccountUser::getAccountId);
  }
}
