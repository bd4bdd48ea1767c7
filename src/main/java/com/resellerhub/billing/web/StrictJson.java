package com.resellerhub.billing.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SEC-8: our API reads JSON strictly, so a request means exactly what it says or is refused with 400 naming the
 * field (nothing is saved):
 * <ul>
 *   <li>a fraction for an integer ({@code "durationDays": 5.5}, {@code "planId": 1.9}) is refused, not cut;</li>
 *   <li>a number for an enum ({@code "postpayPermission": 0}, also {@code "0"}) or a boolean ({@code 1});</li>
 *   <li>a number for a date, time or duration ({@code "set": 20270101}, {@code "periodStart": 20270101}, also as a
 *       digits-only string {@code "20270101"}): java.time values are ISO-8601 text only;</li>
 *   <li>a key given twice ({@code {"amount": "10", "amount": "1e9"}}) is refused instead of the last one winning;</li>
 *   <li>unknown fields were refused already ({@code spring.jackson.deserialization.fail-on-unknown-properties}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder -> builder
        .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .postConfigurer(mapper -> {
          mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        });
  }

  /** Added to Spring Boot's modules (every {@code Module} bean is), not in their place. */
  @Bean
  com.fasterxml.jackson.databind.Module strictJavaTime() {
    return new SimpleModule("strict-java-time").setDeserializerModifier(new TextOnlyJavaTime());
  }

  /** Every java.time type (Instant, LocalDate, Duration, ...) is read from a JSON string or null only. */
  static final class TextOnlyJavaTime extends BeanDeserializerModifier {
    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
        JsonDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      if (type.getPackageName().equals("java.time")) {
        return new TextOnly(deserializer, type);
      }
      return deserializer;
    }
  }

  static final class TextOnly extends DelegatingDeserializer implements ContextualDeserializer,
      ResolvableDeserializer {
    private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("^[-+]?\\d+(\\.\\d+)?$");
    private final Class<?> type;

    TextOnly(JsonDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new TextOnly(newDelegatee, type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)
          || (type != java.time.Year.class && NUMERIC.matcher(p.getText().trim()).matches())) {
        // A digits-only string is a number in disguise: Jackson would read "20270101" as epoch milliseconds.
        return ctxt.reportInputMismatch(type, "must be ISO-8601 text for %s", type.getSimpleName());
      }
      return super.deserialize(p, ctxt);
    }
  }
}
