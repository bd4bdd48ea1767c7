package com.resellerhub.billing.ledger;

import com.resellerhub.billing.security.BillingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own balance (customers). Managers read any account's at {@code AccountLedgerController}. */
@RestController
@Tag(name = "ledger", description = "Balances and ledger entries")
public class LedgerController {

  private final BalanceService balances;

  public LedgerController(BalanceService balances) {
    this.balances = balances;
  }

  @GetMapping("/api/customer/balance")
  @Operation(summary = "The caller's balance and credit limit")
  public BalanceService.Balance customerBalance(@AuthenticationPrincipal BillingUser user) {
    return balances.balance(user.getAccountId());
  }
}
