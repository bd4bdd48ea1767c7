package com.resellerhub.billing.promise;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The promise feature's plain SQL: a count for the operator's gauges. {@code promised_payment} is written by JPA. */
@Component
class PromiseQueries {

  private final JdbcTemplate jdbc;

  PromiseQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long countWithStatus(PromiseStatus status) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM promised_payment WHERE status = ?", Long.class,
        status.name());
    return count == null ? 0 : count;
  }
}
