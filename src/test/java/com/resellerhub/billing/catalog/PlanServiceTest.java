package com.resellerhub.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.resellerhub.billing.reseller.Reseller;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.util.ReflectionTestUtils;

/** Plans (issue 4): PREPAY or POSTPAY, price, ISO period, trial; every refusal names its field and rule (SEC-3). */
class PlanServiceTest {

  private final PlanRepository repository = mock(PlanRepository.class);
  private final ResellerService resellers = mock(ResellerService.class);
  private final PlanService service = new PlanService(repository, resellers,
      Clock.fixed(Instant.parse("2026-04-02T09:00:00Z"), ZoneOffset.UTC), null);

  private static final NewPlan VALID = new NewPlan("cloud-server-m", "Cloud Server M", BillingModel.POSTPAY,
      new BigDecimal("49.00"), null, "P1M", true, 30, null);

  @BeforeEach
  void reseller() {
    Reseller reseller = new Reseller("demo", "Demo", "EUR");
    ReflectionTestUtils.setField(reseller, "id", 7L);
    when(resellers.current()).thenReturn(reseller);
    when(repository.save(any())).thenAnswer(i -> i.getArgument(0));
  }

  @Test
  void aValidPlanIsStoredForTheResellerInItsCurrencyActiveByDefault() {
    Plan plan = service.create(VALID);

    assertThat(plan.getResellerId()).isEqualTo(7L);
    assertThat(plan.getCode()).isEqualTo("cloud-server-m");
    assertThat(plan.getBillingModel()).isEqualTo(BillingModel.POSTPAY);
    assertThat(plan.isPostpaid()).isTrue();
    assertThat(plan.getCurrency()).isEqualTo("EUR");
    assertThat(plan.getPeriod()).isEqualTo(Period.ofMonths(1));
    assertThat(plan.isTrialAvailable()).isTrue();
    assertThat(plan.getTrialDays()).isEqualTo(30);
    assertThat(plan.isActive()).isTrue();
    assertThat(plan.getCreatedAt()).isEqualTo(Instant.parse("2026-04-02T09:00:00Z"));
  }

  @Test
  void aPeriodIsNormalisedAndAPlanWithoutTrialHasNoTrialDays() {
    Plan plan = service.create(with(p -> new NewPlan(p.code(), p.name(), BillingModel.PREPAY, p.price(), "eur",
        "p12m", false, null, false)));
    assertThat(plan.getPeriod()).isEqualTo(Period.ofYears(1));
    assertThat(plan.getTrialDays()).isNull();
    assertThat(plan.isActive()).isFalse();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(nullValues = "NULL", value = {
      "code,         NULL,          required",
      "code,         'Cloud M',     pattern",
      "code,         '-m',          pattern",
      "name,         '  ',          required",
      "billingModel, NULL,          required",
      "price,        NULL,          required",
      "price,        '-1',          min",
      "price,        '1.234',       digits",
      "price,        '1e16',        max",
      "currency,     'USD',         reseller-currency",
      "period,       NULL,          required",
      "period,       'monthly',     iso-8601",
      "period,       'P0D',         min",
      "period,       'P-1M',        min",
      "trialDays,    'missing',     required",
      "trialDays,    '0',           range",
      "trialDays,    '366',         range",
      "trialDays,    'no-trial',    trial-unavailable"})
  void aBadFieldIsRefusedNamingFieldAndRule(String field, String value, String rule) {
    NewPlan request = switch (field) {
      case "code" -> with(p -> new NewPlan(value, p.name(), p.billingModel(), p.price(), p.currency(), p.period(),
          p.trialAvailable(), p.trialDays(), p.active()));
      case "name" -> with(p -> new NewPlan(p.code(), value, p.billingModel(), p.price(), p.currency(), p.period(),
          p.trialAvailable(), p.trialDays(), p.active()));
      case "billingModel" -> with(p -> new NewPlan(p.code(), p.name(), null, p.price(), p.currency(), p.period(),
          p.trialAvailable(), p.trialDays(), p.active()));
      case "price" -> with(p -> new NewPlan(p.code(), p.name(), p.billingModel(),
          value == null ? null : new BigDecimal(value), p.currency(), p.period(), p.trialAvailable(), p.trialDays(),
          p.active()));
      case "currency" -> with(p -> new NewPlan(p.code(), p.name(), p.billingModel(), p.price(), value, p.period(),
          p.trialAvailable(), p.trialDays(), p.active()));
      case "period" -> with(p -> new NewPlan(p.code(), p.name(), p.billingModel(), p.price(), p.currency(), value,
          p.trialAvailable(), p.trialDays(), p.active()));
      default -> switch (value) {
        case "missing" -> with(p -> new NewPlan(p.code(), p.name(), p.billingModel(), p.price(), p.currency(),
            p.period(), true, null, p.active()));
        case "no-trial" -> with(p -> new NewPlan(p.code(), p.name(), p.billingModel(), p.price(), p.currency(),
            p.period(), false, 14, p.active()));
        default -> with(p -> new NewPlan(p.code(), p.name(), p.billingModel(), p.price(), p.currency(), p.period(),
            true, Integer.valueOf(value), p.active()));
      };
    };

    assertThatThrownBy(() -> service.create(request)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
    verify(repository, never()).save(any());
  }

  @Test
  void ORD_aPrepaidPlanMayBePaidInInstalmentsWithAGracePeriod_anInstalmentEqualToThePeriodMeansAtOnce() {
    Plan annual = service.create(new NewPlan("backup", "Backup", BillingModel.PREPAY, new BigDecimal("120.00"), null,
        "P1Y", false, null, null, "p1m", 5));
    assertThat(annual.getInstalmentPeriod()).isEqualTo(Period.ofMonths(1));
    assertThat(annual.getInstalments().count()).isEqualTo(12);
    assertThat(annual.getInstalments().regular()).isEqualByComparingTo("10.00");
    assertThat(annual.getGracePeriodDays()).isEqualTo(5);
    assertThat(PlanView.of(annual).instalmentPrice()).isEqualByComparingTo("10.00");

    Plan atOnce = service.create(new NewPlan("once", "Once", BillingModel.PREPAY, new BigDecimal("120.00"), null,
        "P1Y", false, null, null, "P12M", null));
    assertThat(atOnce.getInstalmentPeriod()).isEqualTo(Period.ofYears(1));
    assertThat(atOnce.getInstalments().count()).isEqualTo(1);
    assertThat(atOnce.getGracePeriodDays()).isZero();
    assertThat(VALID.instalmentPeriod()).isNull();
    assertThat(service.create(VALID).getInstalmentPeriod()).isEqualTo(Period.ofMonths(1));
  }

  @ParameterizedTest(name = "{0} {1}: {3}")
  @CsvSource(nullValues = "NULL", value = {
      "PREPAY,  P1Y, P5M,     instalmentPeriod, divides-period",
      "PREPAY,  P1M, P7D,     instalmentPeriod, divides-period",
      "PREPAY,  P1M, P2M,     instalmentPeriod, divides-period",
      "PREPAY,  P1M, monthly, instalmentPeriod, iso-8601",
      "PREPAY,  P1M, P0D,     instalmentPeriod, min",
      "POSTPAY, P1Y, P1M,     instalmentPeriod, prepay-only",
      "PREPAY,  P1M, -1,      gracePeriodDays,  range",
      "PREPAY,  P1M, 366,     gracePeriodDays,  range",
      "POSTPAY, P1M, 3,       gracePeriodDays,  prepay-only"})
  void ORD_aBadInstalmentOrGracePeriodIsRefusedNamingFieldAndRule(String model, String period, String value,
      String field, String rule) {
    NewPlan request = field.equals("instalmentPeriod")
        ? new NewPlan("p", "P", BillingModel.valueOf(model), BigDecimal.TEN, null, period, false, null, null, value,
            null)
        : new NewPlan("p", "P", BillingModel.valueOf(model), BigDecimal.TEN, null, period, false, null, null, null,
            Integer.valueOf(value));
    assertThatThrownBy(() -> service.create(request)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
    verify(repository, never()).save(any());
  }

  @Test
  void aDuplicateCodeIsAConflictNamingTheCode() {
    when(repository.existsByResellerIdAndCode(7L, "cloud-server-m")).thenReturn(true);

    assertThatThrownBy(() -> service.create(VALID)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(e.field()).isEqualTo("code");
      assertThat(e.rule()).isEqualTo("unique");
    });
  }

  @Test
  void anotherResellersPlanIsNotFound_theResellersOwnIs() {
    Plan theirs = service.create(VALID);
    ReflectionTestUtils.setField(theirs, "resellerId", 8L);
    when(repository.findById(5L)).thenReturn(java.util.Optional.of(theirs));
    assertThatThrownBy(() -> service.get(5L)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));

    Plan ours = service.create(VALID);
    when(repository.findById(6L)).thenReturn(java.util.Optional.of(ours));
    assertThat(service.get(6L)).isSameAs(ours);
    assertThat(service.find(7L)).isEmpty();
  }

  private static NewPlan with(UnaryOperator<NewPlan> change) {
    return change.apply(VALID);
  }
}
