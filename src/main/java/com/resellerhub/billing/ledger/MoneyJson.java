package com.resellerhub.billing.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One shape for money in every answer: a decimal in our JSON is an amount, written as a JSON number with exactly
 * the currency's {@link Money#SCALE} decimals ({@code 9.90}, {@code 0.00}, {@code -12.50}, {@code 1250.00}), whether
 * it was read from a {@code DECIMAL(19,4)} column ({@code 9.9000}) or built fresh ({@code 9.9}), so a create and a
 * later read give the same text. Registered once for Spring's {@code ObjectMapper} (every {@code Module} bean is
 * added to Boot's), so no view has to shape its amounts.
 *
 * <p>Only the zeros are changed, never the value: an amount with more significant decimals than the currency has
 * (which inputs and computations no longer make, see {@link Money}, but an older row may hold) is written exactly
 * ({@code 0.099}), not rounded, and logged. A decimal that is not money (a commission percent) says so with
 * {@code @JsonSerialize(using = MoneyJson.Percent.class)}: its significant digits, as given ({@code 1}, {@code 2.5},
 * {@code 0.125}, {@code 10}). No decimal is ever written with an exponent.
 */
@Configuration(proxyBeanMethods = false)
public class MoneyJson {

  private static final Logger log = LoggerFactory.getLogger(MoneyJson.class);

  @Bean
  com.fasterxml.jackson.databind.Module moneyShape() {
    return new SimpleModule("money-shape").addSerializer(BigDecimal.class, new Amount());
  }

  /** {@code 1E+1} would be a valid JSON number, but nobody's idea of 10. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.featuresToEnable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  /** Every {@link BigDecimal} of an answer, unless the property says otherwise: an amount. */
  public static final class Amount extends StdSerializer<BigDecimal> {

    public Amount() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      BigDecimal shown = Money.shown(value);
      if (shown.scale() > Money.SCALE) {
        log.warn("Amount {} has more than {} decimals; written as it is", value.toPlainString(), Money.SCALE);
      }
      gen.writeNumber(shown);
    }
  }

  /** A decimal that is not an amount (a percent): its significant digits, trailing zeros stripped. */
  public static final class Percent extends StdSerializer<BigDecimal> {

    public Percent() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      BigDecimal stripped = value.stripTrailingZeros();
      gen.writeNumber(stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped);
    }
  }
}
