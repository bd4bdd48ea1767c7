package com.resellerhub.billing.payment;

import com.resellerhub.billing.catalog.BillingModel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Money an account owes (PAY-1): for orders (ORDER: one, COMBINED: several, linked through {@code payment_order}),
 * a postpay act (ACT) or a balance top-up the customer asked for (TOP_UP). Its status changes only under the row
 * lock taken by {@link PaymentService}; each change is written to the payment's history.
 *
 * <p>JPA writes a single payment ({@link PaymentService}, {@link PaymentCompletion}); the billing runs write many in
 * bulk through {@link PaymentRows}, in transactions that change no payment through JPA. No {@code version}: the row
 * lock and the status every bulk UPDATE requires keep one writer from overwriting the other.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PaymentType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BillingModel model;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PaymentStatus status;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  /** The date by which it should be paid; none for a payment of an unconfirmed ERP act (PAY-3). */
  @Column(name = "due_date")
  private LocalDate dueDate;

  /** After this date an unpaid payment is OVERDUE (PAY-5); POSTPAY: due date + 1 day. */
  @Column(name = "expires_on")
  private LocalDate expiresOn;

  @Column(name = "act_id")
  private Long actId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "payment_order", joinColumns = @JoinColumn(name = "payment_id"))
  @Column(name = "order_id", nullable = false)
  @OrderBy
  private List<Long> orderIds = new ArrayList<>();

  /** {@code BALANCE} or the payment method's code, once completed. */
  @Column(name = "completed_with", length = 32)
  private String completedWith;

  @Column(name = "completed_by", length = 64)
  private String completedBy;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Payment() {}

  Payment(Long accountId, PaymentType type, BillingModel model, BigDecimal amount, String currency,
      LocalDate dueDate, LocalDate expiresOn, String createdBy, Instant createdAt) {
    this.accountId = accountId;
    this.type = type;
    this.model = model;
    this.status = PaymentStatus.AWAITING_PAYMENT;
    this.amount = amount;
    this.currency = currency;
    this.dueDate = dueDate;
    this.expiresOn = expiresOn;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void linkOrders(List<Long> orders) {
    orderIds.addAll(orders);
  }

  void linkAct(Long actId) {
    this.actId = actId;
  }

  void dates(LocalDate dueDate, LocalDate expiresOn) {
    this.dueDate = dueDate;
    this.expiresOn = expiresOn;
  }

  void completed(PaymentStatus status, String with, String by, Instant at) {
    this.status = status;
    this.completedWith = with;
    this.completedBy = by;
    this.completedAt = at;
  }

  void cancelled() {
    this.status = PaymentStatus.CANCELLED;
  }

  void overdue() {
    this.status = PaymentStatus.OVERDUE;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public PaymentType getType() {
    return type;
  }

  public BillingModel getModel() {
    return model;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public Long getActId() {
    return actId;
  }

  public List<Long> getOrderIds() {
    return List.copyOf(orderIds);
  }

  public String getCompletedWith() {
    return completedWith;
  }

  public String getCompletedBy() {
    return completedBy;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
