package com.resellerhub.billing.account;

import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event log of every account (ACC-11): the one place every feature records what happened to an account, with
 * the actor (a user id, or {@code system} for the engine's own work), the time from the application clock, and
 * whether the customer may see the entry. Joins the caller's transaction.
 */
@Service
public class AccountEventLog {

  /** The actor of entries that no person caused (timers, process steps). */
  public static final String SYSTEM = "system";

  private final AccountEventRepository events;
  private final Clock clock;

  public AccountEventLog(AccountEventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public AccountEvent record(Long accountId, AccountEventType type, String actor, boolean customerVisible,
      String detail) {
    String text = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    return events.save(new AccountEvent(accountId, type, actor == null ? SYSTEM : actor, clock.instant(),
        customerVisible, text));
  }

  /** Newest first; {@code customerView} leaves out the entries the customer may not see. */
  @Transactional(readOnly = true)
  public Page<AccountEvent> list(Long accountId, boolean customerView, Pageable pageable) {
    return customerView ? events.findByAccountIdAndCustomerVisibleTrueOrderByIdDesc(accountId, pageable)
        : events.findByAccountIdOrderByIdDesc(accountId, pageable);
  }
}
