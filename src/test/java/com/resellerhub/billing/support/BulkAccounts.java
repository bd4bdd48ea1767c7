package com.resellerhub.billing.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The benchmarks' accounts: N ACTIVE, APPROVED accounts of the installation's reseller named {@code <prefix>-<i>},
 * inserted in batches on the caller's connection (and in its transaction), their ids one consecutive range.
 */
public final class BulkAccounts {

  /** The ids of the accounts inserted, first to last. */
  public record Range(long first, long last) {}

  private BulkAccounts() {}

  public static Range insert(Connection c, String prefix, int n, Instant createdAt) throws SQLException {
    long reseller;
    try (PreparedStatement ps = c.prepareStatement("select id from reseller order by id limit 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      reseller = rs.getLong(1);
    }
    try (PreparedStatement ps = c.prepareStatement("insert into account (reseller_id, name, status, created_at,"
        + " version, postpay_permission) values (?, ?, 'ACTIVE', ?, 0, 'APPROVED')")) {
      for (int i = 0; i < n; i++) {
        ps.setLong(1, reseller);
        ps.setString(2, prefix + "-" + i);
        ps.setTimestamp(3, Timestamp.from(createdAt));
        ps.addBatch();
        if (i % 5000 == 4999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("select min(id), max(id) from account where name like ?")) {
      ps.setString(1, prefix + "-%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Range(rs.getLong(1), rs.getLong(2));
      }
    }
  }
}
