package com.resellerhub.billing.payment;

import com.resellerhub.billing.web.PageOf;

import com.resellerhub.billing.idempotency.IdempotentRequests;
import com.resellerhub.billing.payment.CompletionRules.Channel;
import com.resellerhub.billing.security.BillingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** The caller's own payments (PAY-7): list, read, pay from balance or through a gateway, ask for a top-up. */
@RestController
@RequestMapping("/api/customer")
@Tag(name = "customer", description = "Customer API: the caller's own account")
public class CustomerPaymentController {

  private final PaymentService payments;
  private final PaymentCompletion completion;
  private final IdempotentRequests idempotent;

  public CustomerPaymentController(PaymentService payments, PaymentCompletion completion,
      IdempotentRequests idempotent) {
    this.payments = payments;
    this.completion = completion;
    this.idempotent = idempotent;
  }

  @GetMapping("/payments")
  @Operation(summary = "The caller's payments, newest first")
  public PageOf<PaymentViews.PaymentView> list(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal BillingUser user) {
    return PageOf.of(payments.ofAccount(user.getAccountId(), PageRequest.of(Math.max(0, page),
        Math.min(Math.max(1, size), 100))), PaymentViews::of);
  }

  @GetMapping("/payments/{id}")
  @Operation(summary = "One of the caller's payments with its history (another account's answers 404)")
  public PaymentViews.PaymentView get(@PathVariable long id, @AuthenticationPrincipal BillingUser user) {
    return PaymentViews.of(payments.detailOfAccount(user.getAccountId(), id));
  }

  @PostMapping("/payments/{id}/complete")
  @Operation(summary = "Pay one of the caller's payments from the balance (BALANCE) or through a gateway method")
  public ResponseEntity<?> complete(@PathVariable long id, @Valid @RequestBody PaymentRequests.Complete request,
      @Parameter(description = "Repeat-safe key: a repeat returns the first answer and moves no money")
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/customer/payments/" + id + "/complete", key, request,
        () -> Responses.completion(completion.complete(id, Channel.CUSTOMER, request.method(), user.getUsername(),
            user.getAccountId()), payments));
  }

  @PostMapping("/top-ups")
  @Operation(summary = "Ask to top up the balance: creates a TOP_UP payment to pay through a gateway")
  public ResponseEntity<?> topUp(@Valid @RequestBody PaymentRequests.CustomerTopUp request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/customer/top-ups", key, request, () -> {
      Payment payment = payments.requestTopUp(user.getAccountId(), request.amount(), user.getUsername());
      return ResponseEntity.status(HttpStatus.CREATED).body(PaymentViews.of(payments.detail(payment.getId())));
    });
  }

  @GetMapping("/payment-methods")
  @Operation(summary = "Payment methods; customers pay through the gateway ones (or from the balance)")
  public List<PaymentViews.MethodView> methods() {
    return payments.methods().stream().map(PaymentViews::of).toList();
  }
}
