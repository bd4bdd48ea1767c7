package com.resellerhub.billing.promise;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.resellerhub.billing.ledger.MoneyJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the APIs show of offers and promises. Amounts are shaped by {@link MoneyJson} (2 decimals); the commission
 * percent is not money and shows its significant digits ({@code 1}, {@code 2.5}).
 */
public final class PromiseViews {

  private PromiseViews() {}

  public record OfferView(Long id, String name, BigDecimal amount, boolean computedAmount, int durationDays,
      BigDecimal connectionFee, @JsonSerialize(using = MoneyJson.Percent.class) BigDecimal commissionPercent,
      ChargeMethod chargeMethod, boolean customerAvailable, List<Long> planIds) {

    static OfferView of(PromiseOffer o) {
      return new OfferView(o.getId(), o.getName(), o.getAmount(), o.isComputed(), o.getDurationDays(),
          o.getConnectionFee(), o.getCommissionPercent(), o.getChargeMethod(), o.isCustomerAvailable(),
          o.getPlanIds().stream().sorted().toList());
    }
  }

  public record PromiseView(Long id, Long accountId, Long offerId, PromiseStatus status, PromiseOrigin origin,
      BigDecimal amount, boolean computedAmount, int durationDays, BigDecimal connectionFee,
      @JsonSerialize(using = MoneyJson.Percent.class) BigDecimal commissionPercent, ChargeMethod chargeMethod,
      Instant takenAt, Instant endsAt, Instant grantedAt, Instant endedAt, BigDecimal received, BigDecimal commission,
      boolean endedWithNegativeBalance, Instant settledAt, String createdBy) {

    static PromiseView of(PromisedPayment p) {
      return new PromiseView(p.getId(), p.getAccountId(), p.getOfferId(), p.getStatus(), p.getOrigin(),
          p.getAmount(), p.isComputed(), p.getDurationDays(), p.getConnectionFee(),
          p.getCommissionPercent(), p.getChargeMethod(), p.getTakenAt(), p.getEndsAt(),
          p.getGrantedAt(), p.getEndedAt(), p.getReceived(), p.getCommission(), p.isEndedNegative(),
          p.getSettledAt(), p.getCreatedBy());
    }
  }


  public record ActivationView(Long accountId, java.time.LocalDate activatedOn, AccountActivation.Source source,
      String actor, Long promiseId) {

    static ActivationView of(AccountActivation a) {
      return new ActivationView(a.getAccountId(), a.getActivatedOn(), a.getSource(), a.getActor(),
          a.getPromiseId());
    }
  }
}
