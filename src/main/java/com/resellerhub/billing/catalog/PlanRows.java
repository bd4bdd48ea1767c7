package com.resellerhub.billing.catalog;

import com.resellerhub.billing.platform.Jdbc;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing runs' reads of {@code plan} (plain SQL, no entities loaded). Only reads: the table is written by JPA
 * ({@link Plan}, through {@link PlanService}).
 */
@Component
class PlanRows {

  private final JdbcTemplate jdbc;

  PlanRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<Long, PlanTerms> termsOf(Collection<Long> ids) {
    Map<Long, PlanTerms> byId = new HashMap<>();
    for (List<Long> chunk : Jdbc.chunks(ids)) {
      jdbc.query("SELECT id, billing_model, billing_period, instalment_period, trial_days, grace_period_days"
          + " FROM plan WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")", rs -> {
            String instalment = rs.getString("instalment_period");
            int trialDays = rs.getInt("trial_days");
            Integer trial = rs.wasNull() ? null : trialDays;
            byId.put(rs.getLong("id"), new PlanTerms(rs.getLong("id"), BillingModel.valueOf(
                rs.getString("billing_model")), Period.parse(rs.getString("billing_period")),
                instalment == null ? null : Period.parse(instalment), trial, rs.getInt("grace_period_days")));
          }, chunk.toArray());
    }
    return byId;
  }

  /** Every plan of every reseller (active or not: existing subscriptions keep their plan) with its price. */
  List<PlanPrice> prices() {
    return jdbc.query("SELECT id, billing_model, price, currency, billing_period, instalment_period FROM plan"
        + " ORDER BY id", (rs, n) -> {
          String instalment = rs.getString("instalment_period");
          return new PlanPrice(rs.getLong("id"), BillingModel.valueOf(rs.getString("billing_model")),
              rs.getBigDecimal("price"), rs.getString("currency"), Period.parse(rs.getString("billing_period")),
              instalment == null ? null : Period.parse(instalment));
        });
  }
}
