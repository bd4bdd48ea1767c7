package com.resellerhub.billing.reseller;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.reseller.*}: the installation's reseller, created with these on first use (RS-1).
 *
 * @param code a short code, also the prefix of the billing day's business keys (default {@code default})
 * @param name the reseller's name
 * @param currency the ISO 4217 code every amount is in (default EUR); amounts have 2 decimals, so the currency must
 *     have 2 as well (EUR, USD, RUB, GBP, CHF, ...; not JPY or KWD)
 */
@Validated
@ConfigurationProperties("billing.reseller")
public record ResellerProperties(
    @DefaultValue("default") @NotBlank String code,
    @DefaultValue("Reseller") @NotBlank String name,
    @DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String currency) {

  /** The decimals of every amount (the ledger's {@code Money.SCALE}). */
  static final int CURRENCY_DECIMALS = 2;

  public ResellerProperties {
    if (currency != null && currency.matches("[A-Z]{3}") && decimals(currency) != CURRENCY_DECIMALS) {
      throw new IllegalArgumentException("billing.reseller.currency must be a currency with " + CURRENCY_DECIMALS
          + " decimals (amounts are kept with " + CURRENCY_DECIMALS + "): " + currency);
    }
  }

  private static int decimals(String currency) {
    try {
      return java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    } catch (IllegalArgumentException unknown) {
      return -1;
    }
  }
}
