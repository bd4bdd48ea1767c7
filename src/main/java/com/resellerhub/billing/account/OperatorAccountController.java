package com.resellerhub.billing.account;

import com.resellerhub.billing.web.PageOf;

import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts in the operator API (ACC-1..11). */
@RestController
@RequestMapping("/api/operator/accounts")
@Tag(name = "operator: accounts", description = "Create, list and read accounts; their event log")
public class OperatorAccountController {

  private final AccountService accounts;
  private final AccountViews views;
  private final AccountEventLog eventLog;
  private final ResellerService resellers;
  private final AccountRegistration registration;
  private final PostpayPermissions permissions;
  private final AccountOwners owners;

  public OperatorAccountController(AccountService accounts, AccountViews views, AccountEventLog eventLog,
      ResellerService resellers, AccountRegistration registration, PostpayPermissions permissions, AccountOwners owners) {
    this.owners = owners;
    this.permissions = permissions;
    this.registration = registration;
    this.accounts = accounts;
    this.views = views;
    this.eventLog = eventLog;
    this.resellers = resellers;
  }

  @PostMapping
  @Operation(summary = "Create an account (ACC-1..10); a new owner gets a set-password mail (ACC-8)")
  public ResponseEntity<AccountViews.Details> create(@Valid @RequestBody CreateAccountRequest request,
      @AuthenticationPrincipal UserDetails user) {
    Account account = registration.create(request, user.getUsername());
    return ResponseEntity.created(URI.create("/api/operator/accounts/" + account.getId()))
        .body(views.operatorDetails(account.getId()));
  }

  @GetMapping
  @Operation(summary = "Accounts, newest first, paged; filter by status and postpay permission (ACC-10)")
  public PageOf<AccountViews.Summary> list(@RequestParam(required = false) AccountStatus status,
      @RequestParam(required = false) PostpayPermission postpayPermission,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    ResellerSettings settings = resellers.settings();
    return views.summaries(accounts.list(status, postpayPermission,
        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"))), settings);
  }

  @GetMapping("/{id}")
  @Operation(summary = "An account's details")
  public AccountViews.Details get(@PathVariable Long id) {
    return views.operatorDetails(id);
  }

  @GetMapping("/{id}/events")
  @Operation(summary = "An account's event log, newest first, every entry (ACC-11)")
  public PageOf<AccountViews.Event> events(@PathVariable Long id,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    accounts.get(id);
    return PageOf.of(eventLog.list(id, false, PageRequest.of(page, size)), AccountViews::event);
  }

  /** Body of {@code PUT /{id}/postpay-permission}. */
  public record PermissionChange(@jakarta.validation.constraints.NotNull PostpayPermission postpayPermission) {}

  @org.springframework.web.bind.annotation.PutMapping("/{id}/postpay-permission")
  @Operation(summary = "Pre-approve a NOT_VERIFIED account for postpaid orders (PP-7: a decided permission is final)")
  public AccountViews.Details changePermission(@PathVariable Long id, @Valid @RequestBody PermissionChange change,
      @AuthenticationPrincipal UserDetails user) {
    permissions.changePermission(id, change.postpayPermission(), user.getUsername());
    return views.operatorDetails(id);
  }

  @PostMapping("/{id}/owner/password-setup")
  @Operation(summary = "Send the owner a new set-password link (voids the previous one)")
  public ResponseEntity<Void> resendInvitation(@PathVariable Long id, @AuthenticationPrincipal UserDetails user) {
    owners.resendOwnerInvitation(id, user.getUsername());
    return ResponseEntity.accepted().build();
  }
}
