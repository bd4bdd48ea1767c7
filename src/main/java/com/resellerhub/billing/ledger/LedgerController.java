package com.resellerhub.billing.ledger;

import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.security.BillingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Balances and ledger entries: managers for any account, customers their own balance. */
@RestController
@Tag(name = "ledger", description = "Balances and ledger entries")
public class LedgerController {

  private final BalanceService balances;
  private final AccountService accounts;

  public LedgerController(BalanceService balances, AccountService accounts) {
    this.balances = balances;
    this.accounts = accounts;
  }

  @GetMapping("/api/operator/accounts/{id}/balance")
  @Operation(summary = "An account's balance, credit limit and what it may still spend (balance + credit limit)")
  public BalanceService.Balance operatorBalance(@PathVariable long id) {
    accounts.get(id);
    return balances.balance(id);
  }

  @GetMapping("/api/operator/accounts/{id}/ledger")
  @Operation(summary = "An account's ledger entries, newest first")
  public LedgerViews.EntryPage ledger(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    accounts.get(id);
    Page<LedgerEntry> entries = balances.entries(id, PageRequest.of(Math.max(0, page),
        Math.min(Math.max(1, size), 100)));
    return new LedgerViews.EntryPage(entries.getContent().stream().map(LedgerViews::of).toList(),
        entries.getNumber(), entries.getSize(), entries.getTotalElements(), entries.getTotalPages());
  }

  @GetMapping("/api/customer/balance")
  @Operation(summary = "The caller's balance and credit limit")
  public BalanceService.Balance customerBalance(@AuthenticationPrincipal BillingUser user) {
    return balances.balance(user.getAccountId());
  }
}
