package com.resellerhub.billing.promise;

import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.BadRequestException;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promised-payment offers (PROM-1): created and changed by managers, read by the promise service. */
@Service
public class OfferService {

  static final int MAX_DAYS = 90;
  static final BigDecimal MAX_MONEY = new BigDecimal("999999999999999.9999");

  private final PromiseOfferRepository offers;
  private final ResellerService resellers;
  private final PlanService plans;
  private final Clock clock;

  public OfferService(PromiseOfferRepository offers, ResellerService resellers, PlanService plans, Clock clock) {
    this.offers = offers;
    this.resellers = resellers;
    this.plans = plans;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<PromiseOffer> list() {
    return offers.findByResellerIdOrderByIdAsc(resellers.current().getId());
  }

  @Transactional(readOnly = true)
  public PromiseOffer get(long id) {
    return offers.findByIdAndResellerId(id, resellers.current().getId())
        .orElseThrow(() -> new NotFoundException("Promised-payment offer", id));
  }

  @Transactional
  public PromiseOffer create(NewOffer request, String actor) {
    PromiseOffer offer = new PromiseOffer(resellers.current().getId(), actor, clock.instant());
    apply(offer, request);
    return offers.save(offer);
  }

  @Transactional
  public PromiseOffer replace(long id, NewOffer request) {
    PromiseOffer offer = get(id);
    apply(offer, request);
    return offer;
  }

  private void apply(PromiseOffer offer, NewOffer r) {
    if (r == null) {
      throw new BadRequestException("body", "required", "The offer is missing");
    }
    if (r.name() == null || r.name().isBlank()) {
      throw new BadRequestException("name", "required", "name is required");
    }
    if (r.name().trim().length() > 200) {
      throw new BadRequestException("name", "size", "name must be at most 200 characters");
    }
    BigDecimal amount = money("amount", r.amount());
    if (r.durationDays() == null) {
      throw new BadRequestException("durationDays", "required", "durationDays is required");
    }
    if (r.durationDays() < 1 || r.durationDays() > MAX_DAYS) {
      throw new BadRequestException("durationDays", "range", "durationDays must be between 1 and " + MAX_DAYS);
    }
    BigDecimal fee = r.connectionFee() == null ? BigDecimal.ZERO : money("connectionFee", r.connectionFee());
    BigDecimal percent = r.commissionPercent() == null ? BigDecimal.ZERO : r.commissionPercent();
    if (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0
        || percent.stripTrailingZeros().scale() > 4) {
      throw new BadRequestException("commissionPercent", "range",
          "commissionPercent must be between 0 and 100 with at most 4 decimals");
    }
    if (r.chargeMethod() == null) {
      throw new BadRequestException("chargeMethod", "required", "chargeMethod is required: DAILY or MONTHLY");
    }
    if (r.chargeMethod() == ChargeMethod.ONE_TIME) {
      throw new BusinessRuleException("PROM-1", "chargeMethod",
          "ONE_TIME is refused: a promise must last its days; use DAILY or MONTHLY");
    }
    Set<Long> planIds = new LinkedHashSet<>(r.planIds() == null ? List.of() : r.planIds());
    for (Long planId : planIds) {
      if (planId == null || plans.find(planId).isEmpty()) {
        throw new BusinessRuleException("PROM-1", "planIds", "Unknown plan " + planId);
      }
    }
    offer.change(r.name().trim(), amount, r.durationDays(), fee, percent, r.chargeMethod(),
        Boolean.TRUE.equals(r.customerAvailable()), planIds);
  }

  private static BigDecimal money(String field, BigDecimal value) {
    if (value == null) {
      throw new BadRequestException(field, "required", field + " is required");
    }
    if (value.signum() < 0) {
      throw new BadRequestException(field, "min", field + " must not be negative");
    }
    if (!Money.hasCurrencyScale(value)) {
      throw new BadRequestException(field, "digits", field + " may have at most " + Money.SCALE
          + " decimals (the currency's)");
    }
    if (value.compareTo(MAX_MONEY) > 0) {
      throw new BadRequestException(field, "max", field + " is too large");
    }
    return value;
  }
}
