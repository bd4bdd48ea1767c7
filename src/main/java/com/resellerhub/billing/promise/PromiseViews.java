package com.resellerhub.billing.promise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** What the APIs show of offers and promises. Amounts with two decimals at least. */
public final class PromiseViews {

  private PromiseViews() {}

  public record OfferView(Long id, String name, BigDecimal amount, boolean computedAmount, int durationDays,
      BigDecimal connectionFee, BigDecimal commissionPercent, ChargeMethod chargeMethod, boolean customerAvailable,
      List<Long> planIds) {

    static OfferView of(PromiseOffer o) {
      return new OfferView(o.getId(), o.getName(), money(o.getAmount()), o.isComputed(), o.getDurationDays(),
          money(o.getConnectionFee()), o.getCommissionPercent().stripTrailingZeros(), o.getChargeMethod(),
          o.isCustomerAvailable(), o.getPlanIds().stream().sorted().toList());
    }
  }

  public record PromiseView(Long id, Long accountId, Long offerId, PromiseStatus status, PromiseOrigin origin,
      BigDecimal amount, boolean computedAmount, int durationDays, BigDecimal connectionFee,
      BigDecimal commissionPercent, ChargeMethod chargeMethod, Instant takenAt, Instant endsAt, Instant grantedAt,
      Instant endedAt, BigDecimal received, BigDecimal commission, boolean endedWithNegativeBalance,
      Instant settledAt, String createdBy) {

    static PromiseView of(PromisedPayment p) {
      return new PromiseView(p.getId(), p.getAccountId(), p.getOfferId(), p.getStatus(), p.getOrigin(),
          money(p.getAmount()), p.isComputed(), p.getDurationDays(), money(p.getConnectionFee()),
          p.getCommissionPercent().stripTrailingZeros(), p.getChargeMethod(), p.getTakenAt(), p.getEndsAt(),
          p.getGrantedAt(), p.getEndedAt(), money(p.getReceived()), money(p.getCommission()), p.isEndedNegative(),
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

  static BigDecimal money(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : stripped;
  }
}
