package com.resellerhub.billing.account;

import com.resellerhub.billing.platform.Jdbc;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account feature's plain SQL, for the billing runs: event-log entries in one batch, account rows locked in bulk,
 * and a count for the operator's gauges. {@code account_event} is append-only: {@link AccountEventLog} inserts single
 * entries through JPA ({@link AccountEvent}) and batches through here; neither ever updates a row, so the two never
 * meet. The {@code account} row itself is written by JPA ({@link Account}); here it is only locked and counted.
 */
@Component
class AccountRows {

  private final JdbcTemplate jdbc;

  AccountRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the entries in one batch, all at {@code at}; {@code detail} is already shortened. */
  void insertEvents(List<AccountEventLog.Entry> entries, Instant at) {
    jdbc.batchUpdate("INSERT INTO account_event (account_id, type, actor, occurred_at, customer_visible, detail)"
        + " VALUES (?, ?, ?, ?, ?, ?)", entries, entries.size(), (ps, e) -> {
          ps.setLong(1, e.accountId());
          ps.setString(2, e.type().name());
          ps.setString(3, e.actor());
          ps.setObject(4, Jdbc.utc(at));
          ps.setBoolean(5, e.customerVisible());
          ps.setString(6, e.detail());
        });
  }

  /** Locks the accounts' rows in id order ({@code SELECT ... FOR UPDATE}) until the transaction ends. */
  void lock(List<Long> sortedIds) {
    for (List<Long> chunk : Jdbc.chunks(sortedIds)) {
      jdbc.queryForList("SELECT id FROM account WHERE id IN (" + Jdbc.placeholders(chunk.size())
          + ") ORDER BY id FOR UPDATE", Long.class, chunk.toArray());
    }
  }

  long countWithStatus(AccountStatus status) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE status = ?", Long.class, status.name());
    return count == null ? 0 : count;
  }
}
