package com.resellerhub.billing.ledger;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * An input amount: at most 15 digits before the point and the currency's {@link Money#SCALE} decimals after it;
 * trailing zeros do not count ({@code 20.120} is 20.12, {@code 20.125} is refused). Refused with 400 rule
 * {@code digits} naming the field, like {@code @Digits}, which counts trailing zeros. Null is left to
 * {@code @NotNull}.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = CurrencyDigits.Check.class)
public @interface CurrencyDigits {

  /** Digits before the point. */
  int INTEGER = 15;

  String message() default "must have at most 15 digits and 2 decimals (the currency's)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check: {@link Money#hasCurrencyScale} and at most {@link #INTEGER} digits before the point. */
  final class Check implements ConstraintValidator<CurrencyDigits, BigDecimal> {

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      BigDecimal stripped = value.stripTrailingZeros();
      return Money.hasCurrencyScale(value) && stripped.precision() - stripped.scale() <= INTEGER;
    }
  }
}
