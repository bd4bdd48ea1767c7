package com.resellerhub.billing.promise;

import com.resellerhub.billing.idempotency.IdempotentRequests;
import com.resellerhub.billing.promise.PromiseViews.ActivationView;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Offers, promises and account activation for managers (PROM-1, PROM-6, PROM-7). */
@RestController
@RequestMapping("/api/operator")
@Tag(name = "operator", description = "Operator API: managers")
public class OperatorPromiseController {

  private final OfferService offers;
  private final PromiseService promises;
  private final ActivationService activations;
  private final IdempotentRequests idempotent;

  public OperatorPromiseController(OfferService offers, PromiseService promises, ActivationService activations,
      IdempotentRequests idempotent) {
    this.offers = offers;
    this.promises = promises;
    this.activations = activations;
    this.idempotent = idempotent;
  }

  @GetMapping("/promised-payment-offers")
  @Operation(summary = "All promised-payment offers")
  public List<OfferView> offers() {
    return offers.list().stream().map(OfferView::of).toList();
  }

  @GetMapping("/promised-payment-offers/{id}")
  @Operation(summary = "One offer")
  public OfferView offer(@PathVariable long id) {
    return OfferView.of(offers.get(id));
  }

  @PostMapping("/promised-payment-offers")
  @Operation(summary = "Create an offer (PROM-1)")
  public ResponseEntity<?> createOffer(@RequestBody NewOffer request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/operator/promised-payment-offers", key, request, () -> {
      OfferView created = OfferView.of(offers.create(request, user.getUsername()));
      return ResponseEntity.created(URI.create("/api/operator/promised-payment-offers/" + created.id()))
          .body(created);
    });
  }

  @PutMapping("/promised-payment-offers/{id}")
  @Operation(summary = "Replace an offer (promises already taken keep their terms)")
  public OfferView replaceOffer(@PathVariable long id, @RequestBody NewOffer request) {
    return OfferView.of(offers.replace(id, request));
  }

  @GetMapping("/accounts/{accountId}/promised-payments/eligibility")
  @Operation(summary = "Whether the customer may take a promise, and why not (PROM-3, PROM-7)")
  public PromiseService.Eligibility eligibility(@PathVariable long accountId) {
    return promises.eligibility(accountId, true);
  }

  @PostMapping("/accounts/{accountId}/promised-payments")
  @Operation(summary = "Grant a promise to an account (PROM-7); the plan's limits do not apply to managers")
  public ResponseEntity<?> grant(@PathVariable long accountId, @Valid @RequestBody TakePromiseRequest request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/operator/accounts/" + accountId + "/promised-payments",
        key, request, () -> {
          PromisedPayment p = promises.take(new PromiseService.Take(accountId, request.offerId(), request.amount(),
              user.getUsername(), PromiseOrigin.OPERATOR_API));
          return ResponseEntity.status(HttpStatus.CREATED)
              .location(URI.create("/api/operator/promised-payments/" + p.getId())).body(PromiseView.of(p));
        });
  }

  @GetMapping("/accounts/{accountId}/promised-payments")
  @Operation(summary = "An account's promises, newest first")
  public PageOf<PromiseView> ofAccount(@PathVariable long accountId, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return PageOf.of(promises.ofAccount(accountId, pageable(page, size)), PromiseView::of);
  }

  @GetMapping("/promised-payments")
  @Operation(summary = "All promises, optionally by status, newest first")
  public PageOf<PromiseView> list(@RequestParam(required = false) PromiseStatus status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return PageOf.of(promises.list(status, pageable(page, size)), PromiseView::of);
  }

  @GetMapping("/promised-payments/{id}")
  @Operation(summary = "One promise")
  public PromiseView get(@PathVariable long id) {
    return PromiseView.of(promises.get(id));
  }

  @PostMapping("/accounts/{accountId}/activation")
  @Operation(summary = "Set the activation date of a new account (PROM-6): starts the plan's grace promise once")
  public ResponseEntity<?> activate(@PathVariable long accountId, @RequestBody(required = false)
      ActivationRequest request, @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    ActivationRequest body = request == null ? new ActivationRequest(null) : request;
    return idempotent.run(user.getUsername(), "POST /api/operator/accounts/" + accountId + "/activation", key, body,
        () -> ResponseEntity.ok(ActivationView.of(activations.activate(accountId, AccountActivation.Source.MANAGER,
            body.activatedOn(), user.getUsername()))));
  }

  @PostMapping("/accounts/{accountId}/usage-events")
  @Operation(summary = "Report a usage event (traffic, a session); the first one activates a new account (PROM-6)")
  public ResponseEntity<?> usage(@PathVariable long accountId,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/operator/accounts/" + accountId + "/usage-events", key,
        "", () -> ResponseEntity.ok(ActivationView.of(activations.activate(accountId,
            AccountActivation.Source.FIRST_USAGE, null, user.getUsername()))));
  }

  @GetMapping("/accounts/{accountId}/activation")
  @Operation(summary = "The account's activation (404 when not activated)")
  public ActivationView activation(@PathVariable long accountId) {
    return activations.of(accountId).map(ActivationView::of)
        .orElseThrow(() -> new com.resellerhub.billing.web.NotFoundException("Activation of account", accountId));
  }

  private static PageRequest pageable(int page, int size) {
    return PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), 100));
  }
}
