package com.resellerhub.billing.reseller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reseller this installation runs for. One installation serves one reseller (its code, name and currency come
 * from {@code billing.reseller.*}); the data model keeps a reseller id on every account so that several can share
 * one database later.
 */
@Service
public class ResellerService {

  private final ResellerRepository resellers;
  private final String code;
  private final String name;
  private final String currency;

  public ResellerService(ResellerRepository resellers, @Value("${billing.reseller.code}") String code,
      @Value("${billing.reseller.name}") String name, @Value("${billing.reseller.currency}") String currency) {
    this.resellers = resellers;
    this.code = code;
    this.name = name;
    this.currency = currency;
  }

  /** The installation's reseller, created on first use. */
  @Transactional
  public Reseller current() {
    return resellers.findByCode(code).orElseGet(() -> resellers.save(new Reseller(code, name, currency)));
  }
}
