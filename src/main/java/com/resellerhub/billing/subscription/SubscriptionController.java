package com.resellerhub.billing.subscription;

import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.security.BillingUser;
import com.resellerhub.billing.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscriptions for the people who have them (SUB-1, SUB-2): customers read their own and switch their automatic
 * renewal; managers read any account's, search them and switch renewal for a customer. Another account's
 * subscription answers 404 to a customer.
 */
@RestController
@Validated
public class SubscriptionController {

  /** Body of {@code PUT .../auto-renew}. */
  public record AutoRenew(@NotNull Boolean autoRenew) {}

  /** Body of a manager's termination. */
  public record Termination(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 400)
      String reason) {}

  private final SubscriptionService subscriptions;
  private final SubscriptionViews views;

  private final AccountService accounts;

  public SubscriptionController(SubscriptionService subscriptions, SubscriptionViews views, AccountService accounts) {
    this.accounts = accounts;
    this.subscriptions = subscriptions;
    this.views = views;
  }

  @GetMapping("/api/customer/subscriptions")
  @Tag(name = "customer", description = "Customer API: the caller's own account")
  @Operation(summary = "The caller's subscriptions, newest first (SUB-1)")
  public List<SubscriptionViews.SubscriptionView> mine(@AuthenticationPrincipal BillingUser user) {
    return views.ofAccount(user.getAccountId());
  }

  @GetMapping("/api/customer/subscriptions/{id}")
  @Tag(name = "customer", description = "Customer API: the caller's own account")
  @Operation(summary = "One of the caller's subscriptions with its history (another account's answers 404)")
  public SubscriptionViews.SubscriptionDetail myOne(@PathVariable long id, @AuthenticationPrincipal BillingUser user) {
    return views.detail(subscriptions.getOfAccount(user.getAccountId(), id));
  }

  @PutMapping("/api/customer/subscriptions/{id}/auto-renew")
  @Tag(name = "customer", description = "Customer API: the caller's own account")
  @Operation(summary = "Switch the automatic renewal of one of the caller's subscriptions (SUB-2)")
  public SubscriptionViews.SubscriptionDetail myAutoRenew(@PathVariable long id,
      @Valid @RequestBody AutoRenew request, @AuthenticationPrincipal BillingUser user) {
    return views.detail(subscriptions.setAutoRenew(user.getAccountId(), id, request.autoRenew(),
        user.getUsername()));
  }

  @PostMapping("/api/customer/subscriptions/{id}/cancel")
  @Tag(name = "customer", description = "Customer API: the caller's own account")
  @Operation(summary = "Cancel one of the caller's subscriptions at the end of its term (SUB-2)")
  public SubscriptionViews.SubscriptionDetail myCancel(@PathVariable long id,
      @AuthenticationPrincipal BillingUser user) {
    return views.detail(subscriptions.cancelAtTermEnd(user.getAccountId(), id, user.getUsername()));
  }

  @GetMapping("/api/operator/accounts/{accountId}/subscriptions")
  @Tag(name = "operator: subscriptions", description = "Subscriptions of every account (SUB-1, SUB-2)")
  @Operation(summary = "An account's subscriptions, newest first")
  public List<SubscriptionViews.SubscriptionView> ofAccount(@PathVariable long accountId) {
    accounts.get(accountId);
    return views.ofAccount(accountId);
  }

  @GetMapping("/api/operator/subscriptions")
  @Tag(name = "operator: subscriptions", description = "Subscriptions of every account (SUB-1, SUB-2)")
  @Operation(summary = "Subscriptions, newest first, paged; filter by status and plan")
  public PageOf<SubscriptionViews.SubscriptionView> search(@RequestParam(required = false) SubscriptionStatus status,
      @RequestParam(required = false) Long planId, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return views.page(subscriptions.search(status, planId, PageRequest.of(page, size)));
  }

  @GetMapping("/api/operator/subscriptions/{id}")
  @Tag(name = "operator: subscriptions", description = "Subscriptions of every account (SUB-1, SUB-2)")
  @Operation(summary = "A subscription with its history")
  public SubscriptionViews.SubscriptionDetail one(@PathVariable long id) {
    return views.detail(subscriptions.get(id));
  }

  @PostMapping("/api/operator/subscriptions/{id}/cancel")
  @Tag(name = "operator: subscriptions", description = "Subscriptions of every account (SUB-1, SUB-2)")
  @Operation(summary = "Cancel a subscription at the end of its term for its customer (SUB-2)")
  public SubscriptionViews.SubscriptionDetail cancel(@PathVariable long id,
      @AuthenticationPrincipal UserDetails user) {
    Subscription s = subscriptions.get(id);
    return views.detail(subscriptions.cancelAtTermEnd(s.getAccountId(), id, user.getUsername()));
  }

  @PostMapping("/api/operator/subscriptions/{id}/terminate")
  @Tag(name = "operator: subscriptions", description = "Subscriptions of every account (SUB-1, SUB-2)")
  @Operation(summary = "Terminate a subscription now, with a reason (managers only, SUB-2)")
  public SubscriptionViews.SubscriptionDetail terminate(@PathVariable long id,
      @Valid @RequestBody Termination request, @AuthenticationPrincipal UserDetails user) {
    return views.detail(subscriptions.terminate(id, user.getUsername(), request.reason()));
  }

  @PutMapping("/api/operator/subscriptions/{id}/auto-renew")
  @Tag(name = "operator: subscriptions", description = "Subscriptions of every account (SUB-1, SUB-2)")
  @Operation(summary = "Switch a subscription's automatic renewal for its customer (SUB-2)")
  public SubscriptionViews.SubscriptionDetail autoRenew(@PathVariable long id, @Valid @RequestBody AutoRenew request,
      @AuthenticationPrincipal UserDetails user) {
    Subscription s = subscriptions.get(id);
    return views.detail(subscriptions.setAutoRenew(s.getAccountId(), id, request.autoRenew(), user.getUsername()));
  }
}
