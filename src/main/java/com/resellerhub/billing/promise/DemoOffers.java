package com.resellerhub.billing.promise;

import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo promised-payment offers (profile {@code demo}), created once by name: the seed's two examples and more. */
@Component
@Profile("demo")
public class DemoOffers {

  private static final Logger log = LoggerFactory.getLogger(DemoOffers.class);

  static final List<NewOffer> OFFERS = List.of(
      new NewOffer("Promise 600 for 5 days (fee 200)", new BigDecimal("600"), 5, new BigDecimal("200"),
          BigDecimal.ZERO, ChargeMethod.DAILY, true, List.of()),
      new NewOffer("Promise 600 at 1 % a day", new BigDecimal("600"), 5, BigDecimal.ZERO, BigDecimal.ONE,
          ChargeMethod.DAILY, true, List.of()),
      new NewOffer("Up to the plan's price for 3 days", BigDecimal.ZERO, 3, BigDecimal.ZERO, BigDecimal.ZERO,
          ChargeMethod.DAILY, true, List.of()),
      new NewOffer("Managers only: 1000 for 14 days at 2 % a month", new BigDecimal("1000"), 14, BigDecimal.ZERO,
          new BigDecimal("2"), ChargeMethod.MONTHLY, false, List.of()));

  private final OfferService offers;

  public DemoOffers(OfferService offers) {
    this.offers = offers;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(40)
  public void load() {
    List<String> existing = offers.list().stream().map(PromiseOffer::getName).toList();
    for (NewOffer offer : OFFERS) {
      if (!existing.contains(offer.name())) {
        offers.create(offer, "demo");
        log.info("Demo promised-payment offer '{}' created", offer.name());
      }
    }
  }
}
