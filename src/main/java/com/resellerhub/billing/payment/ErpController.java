package com.resellerhub.billing.payment;

import com.resellerhub.billing.idempotency.IdempotentRequests;
import com.resellerhub.billing.payment.CompletionRules.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The external ERP (PAY-3): confirms the acts it invoiced and completes their payments when the money arrives. */
@RestController
@RequestMapping("/api/erp")
@Tag(name = "erp", description = "ERP API: group erp")
public class ErpController {

  private final PaymentService payments;
  private final PaymentCompletion completion;
  private final IdempotentRequests idempotent;
  private final PostpayActs acts;

  public ErpController(PaymentService payments, PaymentCompletion completion, IdempotentRequests idempotent, PostpayActs acts) {
    this.acts = acts;
    this.payments = payments;
    this.completion = completion;
    this.idempotent = idempotent;
  }

  @PostMapping("/acts/{id}/confirm")
  @Operation(summary = "Confirm an act invoiced by the ERP; its payment gets a due date (idempotent)")
  public PaymentViews.ActView confirm(@PathVariable long id, Principal user) {
    return PaymentViews.of(acts.confirmAct(id, user.getName()));
  }

  @PostMapping("/payments/{id}/complete")
  @Operation(summary = "Money received for a confirmed act's payment: credited to the balance and the payment paid")
  public ResponseEntity<?> complete(@PathVariable long id,
      @Valid @RequestBody(required = false) PaymentRequests.ErpComplete request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key, Principal user) {
    PaymentRequests.ErpComplete body = request == null ? new PaymentRequests.ErpComplete(null) : request;
    return idempotent.run(user.getName(), "POST /api/erp/payments/" + id + "/complete", key, body,
        () -> Responses.completion(completion.complete(id, Channel.ERP, body.reference(), user.getName(), null),
            payments));
  }
}
