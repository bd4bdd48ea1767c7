package com.resellerhub.billing.promise;

import com.resellerhub.billing.ledger.CurrencyDigits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Take (customer) or grant (manager) a promise of an offer. */
@Schema(description = "A promised payment to take (PROM-7)")
public record TakePromiseRequest(
    @NotNull @Schema(description = "The offer", example = "1") Long offerId,
    @Schema(description = "Only for an offer with a computed amount (0): an explicit amount, at least the plan's"
        + " price (commission applies then); at most 2 decimals")
    @CurrencyDigits BigDecimal amount) {}
