package com.resellerhub.billing.catalog;

import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.reseller.Reseller;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.ApiException;
import com.resellerhub.billing.web.BadRequestException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reseller's plans (tariffs). Other packages read plans through this service (orders: price, model, trial).
 * Every refusal names the field and the rule (SEC-3).
 */
@Service
public class PlanService {

  static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  static final int MAX_TRIAL_DAYS = 365;
  /** DECIMAL(19,4): at most 15 digits before the point. */
  static final BigDecimal MAX_PRICE = new BigDecimal("999999999999999.9999");

  private final PlanRepository plans;
  private final ResellerService resellers;
  private final Clock clock;
  private final PlanRows rows;

  public PlanService(PlanRepository plans, ResellerService resellers, Clock clock, PlanRows rows) {
    this.plans = plans;
    this.resellers = resellers;
    this.clock = clock;
    this.rows = rows;
  }

  @Transactional(readOnly = true)
  public List<Plan> list() {
    return plans.findByResellerIdOrderByCodeAsc(resellers.current().getId());
  }

  /** What customers may order. */
  @Transactional(readOnly = true)
  public List<Plan> listActive() {
    return plans.findByResellerIdAndActiveTrueOrderByCodeAsc(resellers.current().getId());
  }

  /** The plan, or 404. */
  @Transactional(readOnly = true)
  public Plan get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Plan", id));
  }

  @Transactional(readOnly = true)
  public Optional<Plan> find(long id) {
    // by primary key: a plan already loaded in this transaction is not read (nor the session flushed) again
    Long resellerId = resellers.current().getId();
    return plans.findById(id).filter(p -> resellerId.equals(p.getResellerId()));
  }

  /** Validates and stores a new plan of the reseller. */
  @Transactional
  public Plan create(NewPlan request) {
    if (request == null) {
      throw new BadRequestException("body", "required", "The plan is missing");
    }
    Reseller reseller = resellers.current();
    String code = required("code", request.code());
    if (!CODE.matcher(code).matches()) {
      throw new BadRequestException("code", "pattern",
          "code must be 1-64 lower-case letters, digits or dashes, starting and ending with a letter or digit");
    }
    String name = required("name", request.name());
    if (name.length() > 200) {
      throw new BadRequestException("name", "size", "name must be at most 200 characters");
    }
    if (request.billingModel() == null) {
      throw new BadRequestException("billingModel", "required", "billingModel is required: PREPAY or POSTPAY");
    }
    BigDecimal price = price(request.price());
    String currency = request.currency() == null || request.currency().isBlank() ? reseller.getCurrency()
        : request.currency().trim().toUpperCase();
    if (!currency.equals(reseller.getCurrency())) {
      throw new BadRequestException("currency", "reseller-currency",
          "currency must be the reseller's currency " + reseller.getCurrency());
    }
    Period period = period(request.period());
    boolean trial = Boolean.TRUE.equals(request.trialAvailable());
    Integer trialDays = request.trialDays();
    if (trial && trialDays == null) {
      throw new BadRequestException("trialDays", "required", "trialDays is required when a trial is available");
    }
    if (trial && (trialDays < 1 || trialDays > MAX_TRIAL_DAYS)) {
      throw new BadRequestException("trialDays", "range", "trialDays must be between 1 and " + MAX_TRIAL_DAYS);
    }
    if (!trial && trialDays != null) {
      throw new BadRequestException("trialDays", "trial-unavailable",
          "trialDays must be empty when no trial is available");
    }
    if (plans.existsByResellerIdAndCode(reseller.getId(), code)) {
      throw new ApiException(HttpStatus.CONFLICT, "code", "unique", "A plan with code " + code + " already exists");
    }
    Period instalment = instalment(request.billingModel(), period, request.instalmentPeriod());
    int graceDays = graceDays(request.billingModel(), request.gracePeriodDays());
    boolean active = request.active() == null || request.active();
    return plans.save(new Plan(reseller.getId(), code, name, request.billingModel(), price, currency, period,
        instalment, graceDays, trial, trial ? trialDays : null, active, clock.instant()));
  }

  /**
   * The terms of these plans (any reseller's: the billing runs read the plans of existing orders), with one plain
   * JDBC query: provisioning hundreds of paid orders does not load plan entities.
   */
  @Transactional(readOnly = true)
  public Map<Long, PlanTerms> termsOf(Collection<Long> ids) {
    return rows.termsOf(ids);
  }

  /**
   * The price and terms of every plan of every reseller, read with one plain JDBC query: the billing day bills the
   * subscriptions of existing plans, active or not (a reseller has a handful of plans).
   */
  @Transactional(readOnly = true)
  public List<PlanPrice> prices() {
    return rows.prices();
  }

  /** Replaces the plan's promised-payment options (PROM-3, PROM-6); every number is 1..366 when set. */
  @Transactional
  public Plan changePromisedPaymentOptions(long id, PromisedPaymentOptions options) {
    if (options == null) {
      throw new BadRequestException("body", "required", "The options are missing");
    }
    days("lastPaymentWithinDays", options.lastPaymentWithinDays());
    days("lastChargeWithinDays", options.lastChargeWithinDays());
    days("maxPerMonth", options.maxPerMonth());
    days("newAccountGraceDays", options.newAccountGraceDays());
    Plan plan = get(id);
    plan.changePromisedPaymentOptions(options);
    return plan;
  }

  private static void days(String field, Integer value) {
    if (value != null && (value < 1 || value > 366)) {
      throw new BadRequestException(field, "range", field + " must be between 1 and 366 when set");
    }
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field, "required", field + " is required");
    }
    return value.trim();
  }

  private static BigDecimal price(BigDecimal price) {
    if (price == null) {
      throw new BadRequestException("price", "required", "price is required");
    }
    if (price.signum() < 0) {
      throw new BadRequestException("price", "min", "price must not be negative");
    }
    if (!Money.hasCurrencyScale(price)) {
      throw new BadRequestException("price", "digits", "price may have at most " + Money.SCALE
          + " decimals (the currency's)");
    }
    if (price.compareTo(MAX_PRICE) > 0) {
      throw new BadRequestException("price", "max", "price is too large");
    }
    return price;
  }

  /**
   * The optional instalment of a PREPAY plan: an ISO period that divides the plan's period into whole instalments
   * ({@link Instalments}); null (paid at once) when missing or equal to the period.
   */
  static Period instalment(BillingModel model, Period period, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (model != BillingModel.PREPAY) {
      throw new BadRequestException("instalmentPeriod", "prepay-only",
          "instalmentPeriod is for PREPAY plans: a POSTPAY plan is billed by an act per period");
    }
    Period instalment = period("instalmentPeriod", value);
    try {
      return Instalments.count(period, instalment) == 1 ? null : instalment;
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("instalmentPeriod", "divides-period", e.getMessage());
    }
  }

  /** Grace days after the paid-until date: 0..365, default 0; PREPAY only (paid-until is a prepaid date). */
  static int graceDays(BillingModel model, Integer value) {
    if (value == null || value == 0) {
      return 0;
    }
    if (model != BillingModel.PREPAY) {
      throw new BadRequestException("gracePeriodDays", "prepay-only",
          "gracePeriodDays is for PREPAY plans: it counts from the paid-until date");
    }
    if (value < 0 || value > MAX_TRIAL_DAYS) {
      throw new BadRequestException("gracePeriodDays", "range", "gracePeriodDays must be between 0 and "
          + MAX_TRIAL_DAYS);
    }
    return value;
  }

  /** A positive ISO-8601 period of days, months or years, normalised (P12M becomes P1Y). */
  static Period period(String value) {
    return period("period", value);
  }

  private static Period period(String field, String value) {
    String text = required(field, value).toUpperCase();
    Period period;
    try {
      period = Period.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "iso-8601", field + " must be an ISO-8601 period such as P1M or P1Y");
    }
    if (period.isNegative() || period.isZero()) {
      throw new BadRequestException(field, "min", field + " must be longer than zero");
    }
    return period.normalized();
  }
}
