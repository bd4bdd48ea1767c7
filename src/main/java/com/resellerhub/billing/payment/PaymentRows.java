package com.resellerhub.billing.payment;

import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.platform.Jdbc;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The payment tables written with plain JDBC by the billing runs (many rows in the caller's transaction, nothing
 * loaded into JPA): payments with their orders, and history entries. The same rows {@link Payment} and
 * {@link PaymentEvent} map.
 */
@Component
class PaymentRows {

  /** A history entry to write. */
  record NewEvent(long paymentId, PaymentEventKind kind, PaymentStatus from, PaymentStatus to, String detail,
      String actor) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PaymentRows(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Inserts an AWAITING_PAYMENT payment (and its orders, if any); returns its id. */
  long insert(long accountId, PaymentType type, BillingModel model, BigDecimal amount, String currency,
      LocalDate dueDate, LocalDate expiresOn, Long actId, List<Long> orderIds, String createdBy) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    LocalDateTime now = Jdbc.utc(clock.instant());
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO payment (account_id, type, model, status, amount,"
          + " currency, due_date, expires_on, act_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS);
      ps.setLong(1, accountId);
      ps.setString(2, type.name());
      ps.setString(3, model.name());
      ps.setString(4, PaymentStatus.AWAITING_PAYMENT.name());
      ps.setBigDecimal(5, amount);
      ps.setString(6, currency);
      Jdbc.setDate(ps, 7, dueDate);
      Jdbc.setDate(ps, 8, expiresOn);
      if (actId == null) {
        ps.setNull(9, java.sql.Types.BIGINT);
      } else {
        ps.setLong(9, actId);
      }
      ps.setString(10, createdBy);
      ps.setObject(11, now);
      return ps;
    }, key);
    long paymentId = key.getKey().longValue();
    if (!orderIds.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO payment_order (payment_id, order_id) VALUES (?, ?)", orderIds, orderIds.size(),
          (ps, orderId) -> {
            ps.setLong(1, paymentId);
            ps.setLong(2, orderId);
          });
    }
    return paymentId;
  }

  void events(List<NewEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    LocalDateTime now = Jdbc.utc(clock.instant());
    jdbc.batchUpdate("INSERT INTO payment_event (payment_id, kind, from_status, to_status, method, detail, actor,"
        + " occurred_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)", events, events.size(), (ps, e) -> {
          ps.setLong(1, e.paymentId());
          ps.setString(2, e.kind().name());
          ps.setString(3, e.from() == null ? null : e.from().name());
          ps.setString(4, e.to() == null ? null : e.to().name());
          String detail = e.detail();
          ps.setString(5, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...");
          ps.setString(6, e.actor());
          ps.setObject(7, now);
        });
  }
}
