package com.resellerhub.billing.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Small helpers of the bulk operations that use plain JDBC (billing day, provisioning of paid orders, overdue
 * marking): the SQL they write runs on MySQL 8.4, MariaDB 10.11 and H2 alike.
 */
public final class Jdbc {

  /** At most this many values in one {@code IN (...)} list. */
  public static final int IN_LIMIT = 500;

  private Jdbc() {}

  /** {@code ?, ?, ?} for an {@code IN} list of {@code n} values. */
  public static String placeholders(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("An IN list needs at least one value");
    }
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** The values in chunks of at most {@link #IN_LIMIT}, in their order. */
  public static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = new ArrayList<>(values);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_LIMIT) {
      chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIMIT)));
    }
    return chunks;
  }

  /**
   * An instant as the UTC date-time stored in {@code DATETIME(6)}/{@code TIMESTAMP(6)} columns, the way Hibernate
   * ({@code hibernate.jdbc.time_zone=UTC}) writes them.
   */
  public static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A nullable DATE parameter. */
  public static void setDate(java.sql.PreparedStatement ps, int index, LocalDate date) throws SQLException {
    if (date == null) {
      ps.setNull(index, java.sql.Types.DATE);
    } else {
      ps.setObject(index, date);
    }
  }

  /**
   * How many rows a batch changed; Connector/J may answer {@code SUCCESS_NO_INFO} for a rewritten batch, counted as
   * one row.
   */
  public static int total(int[] counts) {
    int total = 0;
    for (int count : counts) {
      total += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
    }
    return total;
  }

  public static int total(int[][] counts) {
    int total = 0;
    for (int[] batch : counts) {
      total += total(batch);
    }
    return total;
  }

  /**
   * The ids a batched INSERT generated, one per row in the batch's order; Connector/J names the key column
   * {@code GENERATED_KEY}, H2 by the column, so each row's single value is taken. Fails when the driver returned another
   * number of keys than rows, rather than pair rows with the wrong ids.
   */
  public static List<Long> generatedIds(org.springframework.jdbc.support.KeyHolder keys, int rows) {
    List<Long> ids = new ArrayList<>(rows);
    for (java.util.Map<String, Object> key : keys.getKeyList()) {
      if (key.size() != 1) {
        throw new IllegalStateException("Expected one generated key per row, got " + key.keySet());
      }
      ids.add(((Number) key.values().iterator().next()).longValue());
    }
    if (ids.size() != rows) {
      throw new IllegalStateException(rows + " rows inserted but " + ids.size() + " generated ids returned");
    }
    return ids;
  }

  public static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  /** A nullable BIGINT column. */
  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
