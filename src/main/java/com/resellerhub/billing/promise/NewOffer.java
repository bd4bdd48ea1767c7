package com.resellerhub.billing.promise;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** An offer to create or replace (PROM-1); {@link OfferService} checks every field. */
@Schema(description = "A promised-payment offer (PROM-1)")
public record NewOffer(
    @Schema(example = "Promise 600 for 5 days") String name,
    @Schema(description = "Amount; 0 = computed when taken (what the account needs to reach its plan's price)",
        example = "600") BigDecimal amount,
    @Schema(description = "Days the promise lasts (1..90)", example = "5") Integer durationDays,
    @Schema(description = "Connection fee, charged when granted", example = "200") BigDecimal connectionFee,
    @Schema(description = "Commission percent of an explicit amount per charging period", example = "1")
    BigDecimal commissionPercent,
    @Schema(description = "DAILY or MONTHLY (ONE_TIME is refused)", example = "DAILY") ChargeMethod chargeMethod,
    @Schema(description = "Customers may take it through the customer API", example = "true")
    Boolean customerAvailable,
    @Schema(description = "Plans it is limited to; empty = every plan") List<Long> planIds) {}
