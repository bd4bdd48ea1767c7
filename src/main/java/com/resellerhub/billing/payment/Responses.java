package com.resellerhub.billing.payment;

import com.resellerhub.billing.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to a completion: the payment (200), or 422 {@code gateway-declined} naming the gateway's reason. */
final class Responses {

  private Responses() {}

  static ResponseEntity<Object> completion(PaymentCompletion.Outcome outcome, PaymentService payments) {
    if (outcome.declined()) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
          "method", "gateway-declined", "The payment gateway declined payment " + outcome.payment().getId() + ": "
              + outcome.declineReason()));
    }
    return ResponseEntity.ok(PaymentViews.of(payments.detail(outcome.payment().getId())));
  }
}
