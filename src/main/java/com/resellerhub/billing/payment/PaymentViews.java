package com.resellerhub.billing.payment;

import com.resellerhub.billing.catalog.BillingModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the APIs show of payments, their history, acts and payment methods. */
public final class PaymentViews {

  private PaymentViews() {}

  public record PaymentView(Long id, Long accountId, PaymentType type, BillingModel model, PaymentStatus status,
      BigDecimal amount, String currency, LocalDate dueDate, LocalDate expiresOn, List<Long> orderIds, Long actId,
      String completedWith, String completedBy, Instant completedAt, String createdBy, Instant createdAt,
      List<HistoryView> history) {}

  public record HistoryView(PaymentEventKind kind, PaymentStatus fromStatus, PaymentStatus toStatus, String method,
      String detail, String actor, Instant at) {}

  public record ActView(Long id, Long accountId, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
      String currency, boolean invoicedExternally, boolean erpConfirmed, Instant erpConfirmedAt, Instant createdAt) {}

  public record MethodView(String code, String name, boolean gatewayConnector) {}


  /** Without history (lists). */
  static PaymentView of(Payment p) {
    return of(p, null);
  }

  static PaymentView of(PaymentService.Detail d) {
    return of(d.payment(), d.history().stream().map(e -> new HistoryView(e.getKind(), e.getFromStatus(),
        e.getToStatus(), e.getMethod(), e.getDetail(), e.getActor(), e.getOccurredAt())).toList());
  }

  private static PaymentView of(Payment p, List<HistoryView> history) {
    return new PaymentView(p.getId(), p.getAccountId(), p.getType(), p.getModel(), p.getStatus(), p.getAmount(),
        p.getCurrency(), p.getDueDate(), p.getExpiresOn(), p.getOrderIds(), p.getActId(), p.getCompletedWith(),
        p.getCompletedBy(), p.getCompletedAt(), p.getCreatedBy(), p.getCreatedAt(), history);
  }

  static ActView of(PostpayAct a) {
    return new ActView(a.getId(), a.getAccountId(), a.getPeriodStart(), a.getPeriodEnd(), a.getAmount(),
        a.getCurrency(), a.isInvoicedExternally(), a.isErpConfirmed(), a.getErpConfirmedAt(), a.getCreatedAt());
  }

  static MethodView of(PaymentMethod m) {
    return new MethodView(m.getCode(), m.getName(), m.isGatewayConnector());
  }
}
