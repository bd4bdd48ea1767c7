package com.resellerhub.billing.account;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features do with many accounts at once, without loading them: the billing day locks the accounts of a
 * page, the operator's gauges count blocked accounts. (One account: {@link AccountService}.)
 */
@Service
public class AccountBulk {

  private final AccountRows rows;

  public AccountBulk(AccountRows rows) {
    this.rows = rows;
  }

  /**
   * Locks the accounts' rows in id order ({@code SELECT ... FOR UPDATE}) until the caller's transaction ends: work
   * on one account from several nodes, or twice at once, runs one after another, in the order that never deadlocks.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lockAll(Collection<Long> accountIds) {
    List<Long> sorted = accountIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    if (!sorted.isEmpty()) {
      rows.lock(sorted);
    }
  }

  /** How many accounts are BLOCKED. */
  @Transactional(readOnly = true)
  public long blockedCount() {
    return rows.countWithStatus(AccountStatus.BLOCKED);
  }
}
