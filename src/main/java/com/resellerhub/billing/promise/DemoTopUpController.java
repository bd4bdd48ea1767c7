package com.resellerhub.billing.promise;

import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.security.BillingUser;
import com.resellerhub.billing.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only (profile {@code demo}): a manager records a top-up so the promised-payment lifecycle can be shown before
 * the payments API exists. Not a payment feature: no payment record, no gateway.
 */
@RestController
@Profile("demo")
@Tag(name = "operator", description = "Operator API: managers")
public class DemoTopUpController {

  public record DemoTopUp(BigDecimal amount) {}

  private final BalanceService balances;

  public DemoTopUpController(BalanceService balances) {
    this.balances = balances;
  }

  @PostMapping("/api/operator/accounts/{accountId}/demo-top-ups")
  @Operation(summary = "Demo profile only: record a top-up of the account (money in)")
  public BalanceService.Balance topUp(@PathVariable long accountId, @RequestBody DemoTopUp request,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    if (request == null || request.amount() == null || request.amount().signum() <= 0) {
      throw new BadRequestException("amount", "min", "amount must be positive");
    }
    balances.record(accountId, Movement.credit(EntryType.TOP_UP, request.amount(),
        "demo-top-up:" + (key == null ? UUID.randomUUID() : user.getUsername() + ":" + key), "DEMO", null,
        "Demo top-up", user.getUsername()));
    return balances.balance(accountId);
  }
}
