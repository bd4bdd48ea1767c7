package com.resellerhub.billing.payment;

import java.util.List;
import org.springframework.data.repository.Repository;

/** A payment's history is appended to and read, never changed. */
interface PaymentEventRepository extends Repository<PaymentEvent, Long> {

  PaymentEvent save(PaymentEvent event);

  List<PaymentEvent> findByPaymentIdOrderByIdAsc(Long paymentId);
}
