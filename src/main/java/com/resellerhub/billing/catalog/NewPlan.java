package com.resellerhub.billing.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A plan to create; {@link PlanService#create(NewPlan)} checks every field. */
@Schema(description = "A new plan (tariff)")
public record NewPlan(
    @Schema(description = "Unique code: lower-case letters, digits, dashes", example = "cloud-server-m") String code,
    @Schema(description = "Name shown to customers", example = "Cloud Server M") String name,
    @Schema(description = "PREPAY or POSTPAY", example = "POSTPAY") BillingModel billingModel,
    @Schema(description = "Price per period, at most 2 decimals", example = "49.00") BigDecimal price,
    @Schema(description = "ISO 4217 code; must be the reseller's currency (default)", example = "EUR") String currency,
    @Schema(description = "ISO-8601 billing period", example = "P1M") String period,
    @Schema(description = "Whether a trial can be ordered", example = "true") Boolean trialAvailable,
    @Schema(description = "Trial length in days (1-365), required when a trial is available", example = "14")
    Integer trialDays,
    @Schema(description = "Whether customers can order it (default true)", example = "true") Boolean active,
    @Schema(description = "PREPAY only, optional: ISO-8601 period of one instalment when the period's price is paid in"
        + " instalments (P1M for an annual plan paid monthly); it must divide the period. Default: the period (paid"
        + " at once)", example = "P1M") String instalmentPeriod,
    @Schema(description = "PREPAY only, optional (0-365, default 0): days a subscription keeps working after its"
        + " paid-until date; an instalment's payment expires that many days after it falls due", example = "5")
    Integer gracePeriodDays) {

  /** A plan paid at once, without a grace period. */
  public NewPlan(String code, String name, BillingModel billingModel, BigDecimal price, String currency, String period,
      Boolean trialAvailable, Integer trialDays, Boolean active) {
    this(code, name, billingModel, price, currency, period, trialAvailable, trialDays, active, null, null);
  }
}
