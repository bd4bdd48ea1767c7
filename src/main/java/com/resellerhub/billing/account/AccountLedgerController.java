package com.resellerhub.billing.account;

import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.LedgerEntry;
import com.resellerhub.billing.ledger.LedgerViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's money as managers see it: its balance and its ledger entries. It lives with the account (an unknown
 * or another reseller's account is 404) and reads the ledger through its service, so {@code ledger} needs nothing
 * of {@code account} (no cycle between the two).
 */
@RestController
@Tag(name = "ledger", description = "Balances and ledger entries")
public class AccountLedgerController {

  private final AccountService accounts;
  private final BalanceService balances;

  public AccountLedgerController(AccountService accounts, BalanceService balances) {
    this.accounts = accounts;
    this.balances = balances;
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
}
