package com.resellerhub.billing.order.process;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the manager reads in the review form (PP-3), as the starter found it when the first postpaid order was
 * placed. Stored as a handful of short, display-ready process variables (Camunda Forms can only show variables);
 * the decision itself is taken on the ids by the domain, which re-reads the account.
 *
 * @param accountName the account's name
 * @param accountType the name of its account type
 * @param ownerName the OWNER user's full name
 * @param managerName the assigned manager's full name, or {@code null} when it has none
 * @param balance the balance at the time of the order
 * @param currency the reseller's ISO 4217 currency code
 * @param accountAgeDays whole days since the account was created
 * @param planName the name of the ordered plan
 * @param planPrice the plan's price per period
 * @param planPeriod the plan's period as ISO-8601 ({@code P1M}, {@code P1Y})
 * @param trial whether the pending order is a trial
 */
public record ReviewFacts(String accountName, String accountType, String ownerName, String managerName,
    BigDecimal balance, String currency, long accountAgeDays, String planName, BigDecimal planPrice,
    String planPeriod, boolean trial) {

  public ReviewFacts {
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(planPrice, "planPrice");
  }

  /** The process variables of the form. Numbers and money are text ("120.00 EUR") except the age in days. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ACCOUNT_NAME, accountName);
    variables.put(ACCOUNT_TYPE, orDash(accountType));
    variables.put(OWNER_NAME, orDash(ownerName));
    variables.put(MANAGER_NAME, managerName == null || managerName.isBlank() ? "No manager assigned" : managerName);
    variables.put(BALANCE, money(balance, currency));
    variables.put(ACCOUNT_AGE_DAYS, (int) Math.min(Integer.MAX_VALUE, Math.max(0, accountAgeDays)));
    variables.put(PLAN_NAME, planName);
    variables.put(PLAN_PRICE, money(planPrice, currency) + per(planPeriod));
    variables.put(TRIAL, trial);
    return variables;
  }

  static String money(BigDecimal amount, String currency) {
    return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
        .toPlainString() + " " + currency;
  }

  /** " per month", " per year", " per 3 months", " per 30 days" from an ISO period. */
  static String per(String period) {
    if (period == null || period.isBlank()) {
      return "";
    }
    java.time.Period p = java.time.Period.parse(period);
    if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
      return p.getYears() == 1 ? " per year" : " per " + p.getYears() + " years";
    }
    if (p.getDays() == 0 && p.getYears() == 0) {
      return p.getMonths() == 1 ? " per month" : " per " + p.getMonths() + " months";
    }
    if (p.getYears() == 0 && p.getMonths() == 0) {
      return p.getDays() == 1 ? " per day" : " per " + p.getDays() + " days";
    }
    return " per " + period;
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
