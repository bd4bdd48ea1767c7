package com.resellerhub.billing.ledger;

import com.resellerhub.billing.ledger.LedgerRules.Stored;
import com.resellerhub.billing.ledger.LedgerRules.Totals;
import com.resellerhub.billing.platform.Jdbc;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of the ledger's tables (plain SQL, for one movement and for hundreds alike): {@code ledger_account}
 * (the running totals, locked by every movement) and {@code ledger_entry} (append-only; JPA reads it as the immutable
 * {@link LedgerEntry}). The totals are read here too, so a read after a movement in the same transaction sees it.
 */
@Component
class LedgerRows {

  /** An account's ledger row: its currency and totals. */
  record Row(long accountId, String currency, Totals totals) {}

  /** An entry to append, with the account's totals after it. */
  record NewEntry(long accountId, Movement movement, Totals after) {}

  private final JdbcTemplate jdbc;

  LedgerRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens an account's ledger at zero; fails with a duplicate key when it exists. */
  void open(long accountId, String currency, Instant now) {
    jdbc.update("INSERT INTO ledger_account (account_id, currency, balance, credit_limit, updated_at)"
        + " VALUES (?, ?, 0, 0, ?)", accountId, currency, Jdbc.utc(now));
  }

  /** The account's ledger row as it is now (no lock). */
  Optional<Row> find(long accountId) {
    return jdbc.query("SELECT account_id, currency, balance, credit_limit FROM ledger_account WHERE account_id = ?",
        (rs, n) -> row(rs), accountId).stream().findFirst();
  }

  /**
   * Locks the ledger rows of these accounts (sorted ids; {@code SELECT ... FOR UPDATE}, in account id order, so two
   * callers never wait for each other in a circle) until the transaction ends; accounts without a ledger are left out.
   */
  Map<Long, Row> lock(List<Long> sortedAccountIds) {
    Map<Long, Row> rows = new LinkedHashMap<>();
    for (List<Long> chunk : Jdbc.chunks(sortedAccountIds)) {
      jdbc.query("SELECT account_id, currency, balance, credit_limit FROM ledger_account WHERE account_id IN ("
          + Jdbc.placeholders(chunk.size()) + ") ORDER BY account_id FOR UPDATE", rs -> {
            Row row = row(rs);
            rows.put(row.accountId(), row);
          }, chunk.toArray());
    }
    return rows;
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(rs.getLong("account_id"), rs.getString("currency"),
        new Totals(Money.of(rs.getBigDecimal("balance")), Money.of(rs.getBigDecimal("credit_limit"))));
  }

  /** The entries already recorded under these keys, by key. */
  Map<String, Stored> recorded(Collection<String> keys) {
    Map<String, Stored> found = new HashMap<>();
    for (List<String> chunk : Jdbc.chunks(keys)) {
      jdbc.query("SELECT idempotency_key, account_id, type, amount, credit_limit_change FROM ledger_entry"
          + " WHERE idempotency_key IN (" + Jdbc.placeholders(chunk.size()) + ")", rs -> {
            found.put(rs.getString("idempotency_key"), new Stored(rs.getLong("account_id"),
                EntryType.valueOf(rs.getString("type")), rs.getBigDecimal("amount"),
                rs.getBigDecimal("credit_limit_change")));
          }, chunk.toArray());
    }
    return found;
  }

  /**
   * Appends the entries (one batch; the unique key stops any second entry of a key) and sets the accounts' new totals
   * (one batch).
   */
  void append(List<NewEntry> entries, Map<Long, Totals> totals, Instant now) {
    LocalDateTime at = Jdbc.utc(now);
    jdbc.batchUpdate("INSERT INTO ledger_entry (account_id, type, amount, credit_limit_change, balance_after,"
        + " credit_limit_after, idempotency_key, reference_type, reference_id, description, actor, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries, entries.size(), (ps, e) -> {
          Movement m = e.movement();
          ps.setLong(1, e.accountId());
          ps.setString(2, m.type().name());
          ps.setBigDecimal(3, m.amount());
          ps.setBigDecimal(4, m.creditLimitChange());
          ps.setBigDecimal(5, e.after().balance());
          ps.setBigDecimal(6, e.after().creditLimit());
          ps.setString(7, m.idempotencyKey());
          ps.setString(8, m.referenceType());
          if (m.referenceId() == null) {
            ps.setNull(9, java.sql.Types.BIGINT);
          } else {
            ps.setLong(9, m.referenceId());
          }
          ps.setString(10, m.description());
          ps.setString(11, m.actor());
          ps.setObject(12, at);
        });
    List<Map.Entry<Long, Totals>> changed = List.copyOf(totals.entrySet());
    jdbc.batchUpdate("UPDATE ledger_account SET balance = ?, credit_limit = ?, updated_at = ? WHERE account_id = ?",
        changed, changed.size(), (ps, e) -> {
          ps.setBigDecimal(1, e.getValue().balance());
          ps.setBigDecimal(2, e.getValue().creditLimit());
          ps.setObject(3, at);
          ps.setLong(4, e.getKey());
        });
  }
}
