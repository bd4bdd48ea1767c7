package com.resellerhub.billing.payment;

import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.ConflictException;

/**
 * Who may complete which payment how (PAY-2, PAY-3, PAY-5, PAY-7). Pure: no database, no Spring; the service calls it
 * with the payment locked.
 */
public final class CompletionRules {

  /** Completing "from balance" rather than with a payment method. */
  public static final String BALANCE = "BALANCE";
  /** What an ERP completion is recorded as. */
  public static final String ERP = "ERP";

  /** Who completes: a manager, the customer, the ERP, or the platform itself (from the balance only). */
  public enum Channel { OPERATOR, CUSTOMER, ERP, SYSTEM }

  private CompletionRules() {}

  /**
   * Refuses what is not allowed, in this order: a payment that is not open (409), a payment of an unconfirmed ERP
   * act outside the ERP API (PAY-3), from balance for a top-up (PAY-2), an unknown method, a gateway method on the
   * operator API (PAY-2), a non-gateway method on the customer API (PAY-7), an ERP completion of anything but a
   * confirmed act's payment (PAY-3).
   *
   * @param methodCode {@link #BALANCE}, a payment method's code, or null for the ERP
   * @param method the payment method of that code, or null (BALANCE, ERP, unknown code)
   * @param act the payment's act, or null
   */
  public static void check(Payment payment, Channel channel, String methodCode, PaymentMethod method, PostpayAct act) {
    if (!payment.getStatus().isOpen()) {
      throw new ConflictException("payment-not-open", "Payment " + payment.getId() + " is " + payment.getStatus()
          + "; only AWAITING_PAYMENT or OVERDUE payments can be completed");
    }
    if (channel == Channel.ERP) {
      if (payment.getType() != PaymentType.ACT || act == null || !act.isInvoicedExternally()) {
        throw new BusinessRuleException("PAY-3", "id", "Payment " + payment.getId()
            + " is not the payment of an act invoiced by the external system; the ERP completes only those");
      }
      if (!act.isErpConfirmed()) {
        throw new BusinessRuleException("PAY-3", "id", "Act " + act.getId() + " is not confirmed yet; confirm it"
            + " (POST /api/erp/acts/" + act.getId() + "/confirm) before completing its payment");
      }
      return;
    }
    if (act != null && act.awaitsErpConfirmation()) {
      throw new BusinessRuleException("PAY-3", "id", "Payment " + payment.getId() + " belongs to act " + act.getId()
          + ", invoiced by the external ERP and not confirmed yet: the ERP confirms and completes it");
    }
    if (BALANCE.equals(methodCode)) {
      if (payment.getType() == PaymentType.TOP_UP) {
        throw new BusinessRuleException("PAY-2", "method",
            "A balance top-up cannot be paid from the balance; pay it with a payment method");
      }
      return;
    }
    if (channel == Channel.SYSTEM) {
      throw new BusinessRuleException("PAY-2", "method", "The platform completes payments from the balance only");
    }
    if (method == null || !method.isActive()) {
      throw new BusinessRuleException("unknown-payment-method", "method",
          "method must be BALANCE or the code of an active payment method; " + methodCode + " is neither");
    }
    if (channel == Channel.OPERATOR && method.isGatewayConnector()) {
      throw new BusinessRuleException("PAY-2", "method", "Payment method " + method.getCode()
          + " is backed by a payment-gateway connector and cannot be used through the operator API");
    }
    if (channel == Channel.CUSTOMER && !method.isGatewayConnector()) {
      throw new BusinessRuleException("PAY-7", "method", "Customers pay from their balance or through a payment"
          + " gateway; " + method.getCode() + " is recorded by a manager when the money arrives");
    }
  }
}
