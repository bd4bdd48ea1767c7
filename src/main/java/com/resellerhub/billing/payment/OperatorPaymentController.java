package com.resellerhub.billing.payment;

import com.resellerhub.billing.web.PageOf;

import com.resellerhub.billing.idempotency.IdempotentRequests;
import com.resellerhub.billing.payment.CompletionRules.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers: payments, their completion (PAY-2), top-ups, postpay acts, payment methods. */
@RestController
@RequestMapping("/api/operator")
@Tag(name = "operator", description = "Operator API: managers")
public class OperatorPaymentController {

  private final PaymentService payments;
  private final PaymentCompletion completion;
  private final IdempotentRequests idempotent;
  private final PostpayActs acts;
  private final TopUps topUps;

  public OperatorPaymentController(PaymentService payments, PaymentCompletion completion,
      IdempotentRequests idempotent, PostpayActs acts, TopUps topUps) {
    this.topUps = topUps;
    this.acts = acts;
    this.payments = payments;
    this.completion = completion;
    this.idempotent = idempotent;
  }

  @GetMapping("/payments")
  @Operation(summary = "Payments, newest first, filtered by status, type and account")
  public PageOf<PaymentViews.PaymentView> list(@RequestParam(required = false) PaymentStatus status,
      @RequestParam(required = false) PaymentType type, @RequestParam(required = false) Long accountId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return PageOf.of(payments.search(status, type, accountId, PageRequest.of(Math.max(0, page),
        Math.min(Math.max(1, size), 100))), PaymentViews::of);
  }

  @GetMapping("/payments/{id}")
  @Operation(summary = "A payment with its history")
  public PaymentViews.PaymentView get(@PathVariable long id) {
    return PaymentViews.of(payments.detail(id));
  }

  @PostMapping("/payments/{id}/complete")
  @Operation(summary = "Complete an AWAITING_PAYMENT or OVERDUE payment from the balance (BALANCE) or with a"
      + " non-gateway payment method (PAY-2)")
  public ResponseEntity<?> complete(@PathVariable long id, @Valid @RequestBody PaymentRequests.Complete request,
      @Parameter(description = "Repeat-safe key: a repeat returns the first answer and moves no money")
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key, Principal user) {
    return idempotent.run(user.getName(), "POST /api/operator/payments/" + id + "/complete", key, request,
        () -> Responses.completion(completion.complete(id, Channel.OPERATOR, request.method(), user.getName(), null),
            payments));
  }

  @PostMapping("/accounts/{accountId}/top-ups")
  @Operation(summary = "Record money received for an account (bank transfer, cash): a TOP_UP ledger entry")
  public ResponseEntity<?> topUp(@PathVariable long accountId, @Valid @RequestBody PaymentRequests.OperatorTopUp request,
      @Parameter(description = "Repeat-safe key: a repeat returns the first answer and credits nothing")
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key, Principal user) {
    return idempotent.run(user.getName(), "POST /api/operator/accounts/" + accountId + "/top-ups", key, request,
        () -> {
          var recorded = topUps.topUp(accountId, request.amount(), request.method(), request.comment(),
              user.getName(), key);
          return ResponseEntity.status(HttpStatus.CREATED).body(com.resellerhub.billing.ledger.LedgerViews.of(
              recorded.entry()));
        });
  }

  @PostMapping("/accounts/{accountId}/combined-payments")
  @Operation(summary = "Pay several orders waiting for payment with one COMBINED payment (their ORDER payments are"
      + " cancelled)")
  public ResponseEntity<?> combine(@PathVariable long accountId, @Valid @RequestBody PaymentRequests.Combine request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key, Principal user) {
    return idempotent.run(user.getName(), "POST /api/operator/accounts/" + accountId + "/combined-payments", key,
        request, () -> ResponseEntity.status(HttpStatus.CREATED).body(PaymentViews.of(payments.detail(
            payments.combine(accountId, request.orderIds(), user.getName()).getId()))));
  }

  @PostMapping("/accounts/{accountId}/acts")
  @Operation(summary = "Issue the postpay act of a closed period and its ACT payment")
  public ResponseEntity<?> issueAct(@PathVariable long accountId, @Valid @RequestBody PaymentRequests.IssueAct request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key, Principal user) {
    return idempotent.run(user.getName(), "POST /api/operator/accounts/" + accountId + "/acts", key, request, () ->
        ResponseEntity.status(HttpStatus.CREATED).body(PaymentViews.of(acts.issueAct(accountId,
            request.periodStart(), request.periodEnd(), request.amount(), user.getName()))));
  }

  @GetMapping("/acts/{id}")
  @Operation(summary = "A postpay act")
  public PaymentViews.ActView act(@PathVariable long id) {
    return PaymentViews.of(acts.act(id));
  }

  @GetMapping("/payment-methods")
  @Operation(summary = "Active payment methods (gateway methods cannot be used by managers)")
  public List<PaymentViews.MethodView> methods() {
    return payments.methods().stream().map(PaymentViews::of).toList();
  }
}
