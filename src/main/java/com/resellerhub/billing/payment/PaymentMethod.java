package com.resellerhub.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A way to pay (reference data): bank transfer, cash, or a method backed by a payment-gateway connector
 * ({@code gatewayConnector}, with the connector's code), which only customers can use (PAY-2, PAY-7).
 */
@Entity
@Table(name = "payment_method")
public class PaymentMethod {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "gateway_connector", nullable = false)
  private boolean gatewayConnector;

  /** The {@link PaymentGatewayConnector#code()} of a gateway method. */
  @Column(length = 64)
  private String connector;

  @Column(nullable = false)
  private boolean active;

  protected PaymentMethod() {}

  PaymentMethod(String code, String name, String connector) {
    this.code = code;
    this.name = name;
    this.gatewayConnector = connector != null;
    this.connector = connector;
    this.active = true;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public boolean isGatewayConnector() {
    return gatewayConnector;
  }

  public String getConnector() {
    return connector;
  }

  public boolean isActive() {
    return active;
  }
}
