package com.resellerhub.billing.account;

import com.resellerhub.billing.web.PageOf;

import com.resellerhub.billing.security.BillingUser;
import com.resellerhub.billing.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's own account. {@code /account} is the caller's; {@code /accounts/{id}} answers only for the
 * caller's own id, and 404 for every other (SEC-2): nobody learns whether another account exists.
 */
@RestController
@RequestMapping("/api/customer")
@Tag(name = "customer: account", description = "The customer's own account, terms and event log")
public class CustomerAccountController {

  private final AccountService accounts;
  private final AccountViews views;
  private final AccountEventLog eventLog;

  public CustomerAccountController(AccountService accounts, AccountViews views, AccountEventLog eventLog) {
    this.accounts = accounts;
    this.views = views;
    this.eventLog = eventLog;
  }

  @GetMapping("/account")
  @Operation(summary = "The caller's account")
  public AccountViews.Details account(@AuthenticationPrincipal BillingUser user) {
    return views.customerDetails(user.getAccountId());
  }

  @GetMapping("/accounts/{id}")
  @Operation(summary = "The caller's account by id; any other id answers 404")
  public AccountViews.Details accountById(@PathVariable Long id, @AuthenticationPrincipal BillingUser user) {
    return views.customerDetails(own(id, user));
  }

  @PostMapping("/account/terms")
  @Operation(summary = "Accept the terms of service (ACC-9); accepting again changes nothing")
  public AccountViews.Details acceptTerms(@AuthenticationPrincipal BillingUser user) {
    accounts.acceptTermsByCustomer(user.getAccountId(), user.getUsername());
    return views.customerDetails(user.getAccountId());
  }

  @GetMapping("/account/events")
  @Operation(summary = "The caller's account event log: only the entries customers may see (ACC-11)")
  public PageOf<AccountViews.CustomerEvent> events(@AuthenticationPrincipal BillingUser user,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return PageOf.of(eventLog.list(user.getAccountId(), true, PageRequest.of(page, size)),
        AccountViews::customerEvent);
  }

  @GetMapping("/accounts/{id}/events")
  @Operation(summary = "The caller's account event log by id; any other id answers 404")
  public PageOf<AccountViews.CustomerEvent> eventsById(@PathVariable Long id,
      @AuthenticationPrincipal BillingUser user, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return PageOf.of(eventLog.list(own(id, user), true, PageRequest.of(page, size)),
        AccountViews::customerEvent);
  }

  private static Long own(Long id, BillingUser user) {
    if (!id.equals(user.getAccountId())) {
      throw new NotFoundException("Account", id);
    }
    return id;
  }
}
