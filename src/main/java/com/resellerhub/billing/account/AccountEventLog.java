package com.resellerhub.billing.account;

import com.resellerhub.billing.platform.Text;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event log of every account (ACC-11): the one place every feature records what happened to an account, with
 * the actor (a user id, or {@code system} for the engine's own work), the time from the application clock, and
 * whether the customer may see the entry. Joins the caller's transaction. The only writer of {@code account_event}:
 * one entry through JPA, many in one batch through {@link AccountRows}; both truncate the detail the same way.
 */
@Service
public class AccountEventLog {

  /** The actor of entries that no person caused (timers, process steps). */
  public static final String SYSTEM = "system";

  /** An entry to record with {@link #recordAll}. */
  public record Entry(Long accountId, AccountEventType type, String actor, boolean customerVisible, String detail) {}

  private final AccountEventRepository events;
  private final AccountRows rows;
  private final Clock clock;

  public AccountEventLog(AccountEventRepository events, AccountRows rows, Clock clock) {
    this.events = events;
    this.rows = rows;
    this.clock = clock;
  }

  /**
   * Records many entries in one JDBC batch (the billing runs: hundreds of orders or payments at a time), at the same
   * time, in the caller's transaction.
   */
  @Transactional
  public void recordAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    rows.insertEvents(entries.stream().map(e -> new Entry(e.accountId(), e.type(),
        e.actor() == null ? SYSTEM : e.actor(), e.customerVisible(), shorten(e.detail()))).toList(), clock.instant());
  }

  private static String shorten(String detail) {
    return Text.shorten(detail, 1000);
  }

  @Transactional
  public AccountEvent record(Long accountId, AccountEventType type, String actor, boolean customerVisible,
      String detail) {
    return events.save(new AccountEvent(accountId, type, actor == null ? SYSTEM : actor, clock.instant(),
        customerVisible, shorten(detail)));
  }

  /** Newest first; {@code customerView} leaves out the entries the customer may not see. */
  @Transactional(readOnly = true)
  public Page<AccountEvent> list(Long accountId, boolean customerView, Pageable pageable) {
    return customerView ? events.findByAccountIdAndCustomerVisibleTrueOrderByIdDesc(accountId, pageable)
        : events.findByAccountIdOrderByIdDesc(accountId, pageable);
  }
}
