package com.resellerhub.billing.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * SUB-1: the payment a subscription waits for, if any (its open renewal or prolongation, or an act billing it).
 * Implemented by the payment feature, which owns payments.
 */
public interface OpenPayments {

  /** An open payment as the subscription shows it. */
  record OpenPayment(long id, BigDecimal amount, String currency, String status, LocalDate expiresOn) {}

  /** The oldest open payment of the subscription, or empty. */
  Optional<OpenPayment> of(long subscriptionId);
}
