package com.resellerhub.billing.promise;

import com.resellerhub.billing.idempotency.IdempotentRequests;
import com.resellerhub.billing.promise.PromiseViews.OfferView;
import com.resellerhub.billing.web.PageOf;
import com.resellerhub.billing.promise.PromiseViews.PromiseView;
import com.resellerhub.billing.security.BillingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's promised payments (PROM-7): whether one may be taken and why not, taking one, reading them. */
@RestController
@RequestMapping("/api/customer")
@Tag(name = "customer", description = "Customer API: the caller's own account")
public class CustomerPromiseController {

  private final OfferService offers;
  private final PromiseService promises;
  private final IdempotentRequests idempotent;

  public CustomerPromiseController(OfferService offers, PromiseService promises, IdempotentRequests idempotent) {
    this.offers = offers;
    this.promises = promises;
    this.idempotent = idempotent;
  }

  @GetMapping("/promised-payment-offers")
  @Operation(summary = "Offers the caller may take: available in the customer API and for the account's plan")
  public List<OfferView> offers(@AuthenticationPrincipal BillingUser user) {
    Long planId = promises.planOf(user.getAccountId()).map(p -> p.getId()).orElse(null);
    return offers.list().stream().filter(o -> o.isCustomerAvailable() && o.allowsPlan(planId))
        .map(OfferView::of).toList();
  }

  @GetMapping("/promised-payments/eligibility")
  @Operation(summary = "Whether the caller may take a promise now and, if not, every reason (PROM-7)")
  public PromiseService.Eligibility eligibility(@AuthenticationPrincipal BillingUser user) {
    return promises.eligibility(user.getAccountId(), true);
  }

  @PostMapping("/promised-payments")
  @Operation(summary = "Take a promised payment (PROM-2, PROM-3)")
  public ResponseEntity<?> take(@Valid @RequestBody TakePromiseRequest request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/customer/promised-payments", key, request, () -> {
      PromisedPayment p = promises.take(new PromiseService.Take(user.getAccountId(), request.offerId(),
          request.amount(), user.getUsername(), PromiseOrigin.CUSTOMER_API));
      return ResponseEntity.status(HttpStatus.CREATED)
          .location(URI.create("/api/customer/promised-payments/" + p.getId())).body(PromiseView.of(p));
    });
  }

  @GetMapping("/promised-payments")
  @Operation(summary = "The caller's promises, newest first")
  public PageOf<PromiseView> list(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal BillingUser user) {
    return PageOf.of(promises.ofAccount(user.getAccountId(), PageRequest.of(Math.max(0, page),
        Math.min(Math.max(1, size), 100))), PromiseView::of);
  }

  @GetMapping("/promised-payments/{id}")
  @Operation(summary = "One of the caller's promises (another account's answers 404)")
  public PromiseView get(@PathVariable long id, @AuthenticationPrincipal BillingUser user) {
    return PromiseView.of(promises.getOfAccount(user.getAccountId(), id));
  }
}
