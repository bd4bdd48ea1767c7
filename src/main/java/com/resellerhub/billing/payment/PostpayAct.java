package com.resellerhub.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A postpay act: what an account owes for a closed POSTPAY period; its ACT payment is created with it. When the
 * reseller's invoices come from an external ERP ({@code invoicesByExternalSystem}, RS-2) the act is
 * {@code invoicedExternally}: its payment has no due date and cannot be completed through the operator or customer
 * API until the ERP confirms the act (PAY-3).
 *
 * <p>JPA writes a manager's act and the ERP's confirmation ({@link PaymentService}); the billing day's acts are
 * inserted by {@link PaymentRows} ({@link BillingPayments}) and not changed in that transaction.
 */
@Entity
@Table(name = "postpay_act")
public class PostpayAct {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Column(name = "period_start", nullable = false)
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "invoiced_externally", nullable = false)
  private boolean invoicedExternally;

  @Column(name = "erp_confirmed", nullable = false)
  private boolean erpConfirmed;

  @Column(name = "erp_confirmed_at")
  private Instant erpConfirmedAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PostpayAct() {}

  PostpayAct(Long accountId, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, String currency,
      boolean invoicedExternally, String createdBy, Instant createdAt) {
    this.accountId = accountId;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.amount = amount;
    this.currency = currency;
    this.invoicedExternally = invoicedExternally;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void confirmed(Instant at) {
    this.erpConfirmed = true;
    this.erpConfirmedAt = at;
  }

  /** PAY-3: an act invoiced by the ERP and not confirmed yet. */
  public boolean awaitsErpConfirmation() {
    return invoicedExternally && !erpConfirmed;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public boolean isInvoicedExternally() {
    return invoicedExternally;
  }

  public boolean isErpConfirmed() {
    return erpConfirmed;
  }

  public Instant getErpConfirmedAt() {
    return erpConfirmedAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
