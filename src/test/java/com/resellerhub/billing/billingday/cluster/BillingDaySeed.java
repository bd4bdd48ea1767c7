package com.resellerhub.billing.billingday.cluster;

import com.resellerhub.billing.billingday.SkipReason;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Accounts with ledgers and payments awaiting payment for one billing day, inserted with SQL (as the benchmark does),
 * each payment with the outcome PAY-4 gives it on that day. Kinds of account:
 * <ul>
 *   <li>{@link Kind#RICH}: 100.00, three act payments (10, 20, 15) expiring that day: all paid;</li>
 *   <li>{@link Kind#POOR}: 15.00, three of 10: the oldest paid, two not (INSUFFICIENT_BALANCE);</li>
 *   <li>{@link Kind#ON_CREDIT}: 5.00 and a credit limit of 40.00, three of 10: all paid (the limit counts);</li>
 *   <li>{@link Kind#MIXED}: 100.00: one act payment paid; one that expired the day before (POSTPAY_EXPIRY_PASSED, then
 *       OVERDUE when the run finishes); a top-up (TOP_UP_NOT_PAYABLE_FROM_BALANCE); one expiring three days later
 *       (not the day's business: untouched);</li>
 *   <li>{@link Kind#EMPTY}: 0.00, two of 10: none paid (INSUFFICIENT_BALANCE).</li>
 * </ul>
 */
public final class BillingDaySeed {

  public enum Kind { RICH, POOR, ON_CREDIT, MIXED, EMPTY }

  public enum Outcome { PAID, NOT_PAID, UNTOUCHED }

  public record Payment(long id, long accountId, String type, BigDecimal amount, LocalDate expiresOn, Outcome outcome,
      SkipReason reason, boolean overdueAfterRun) {}

  public record Account(long id, Kind kind, BigDecimal opening, BigDecimal creditLimit, List<Payment> payments) {
    public BigDecimal expectedBalance() {
      return payments.stream().filter(p -> p.outcome() == Outcome.PAID).map(Payment::amount)
          .reduce(opening, BigDecimal::subtract);
    }
  }

  public record Seeded(LocalDate day, List<Account> accounts) {
    public List<Payment> payments() {
      return accounts.stream().flatMap(a -> a.payments().stream()).toList();
    }

    public List<Payment> withOutcome(Outcome outcome) {
      return payments().stream().filter(p -> p.outcome() == outcome).toList();
    }

    public Account account(long id) {
      return accounts.stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    public long overdueAfterRun() {
      return payments().stream().filter(Payment::overdueAfterRun).count();
    }
  }

  private BillingDaySeed() {}

  /** {@code n} accounts, the kinds in turn. */
  public static List<Kind> mixOf(int n) {
    List<Kind> kinds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      kinds.add(Kind.values()[i % Kind.values().length]);
    }
    return kinds;
  }

  public static Seeded seed(JdbcTemplate jdbc, LocalDate day, String prefix, List<Kind> kinds) {
    long reseller = jdbc.queryForObject("select id from reseller order by id limit 1", Long.class);
    LocalDateTime now = LocalDateTime.now();
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      Kind kind = kinds.get(i);
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      String name = prefix + "-" + i + "-" + kind;
      jdbc.update(c -> {
        PreparedStatement ps = c.prepareStatement("insert into account (reseller_id, name, status, created_at,"
            + " version, postpay_permission) values (?, ?, 'ACTIVE', ?, 0, 'APPROVED')",
            Statement.RETURN_GENERATED_KEYS);
        ps.setLong(1, reseller);
        ps.setString(2, name);
        ps.setObject(3, now);
        return ps;
      }, key);
      long account = Objects.requireNonNull(key.getKey()).longValue();
      BigDecimal opening = money(switch (kind) {
        case RICH, MIXED -> "100.00";
        case POOR -> "15.00";
        case ON_CREDIT -> "5.00";
        case EMPTY -> "0.00";
      });
      BigDecimal limit = money(kind == Kind.ON_CREDIT ? "40.00" : "0.00");
      jdbc.update("insert into ledger_account (account_id, currency, balance, credit_limit, updated_at)"
          + " values (?, 'EUR', ?, ?, ?)", account, opening, limit, now);
      List<Payment> payments = new ArrayList<>();
      switch (kind) {
        case RICH -> {
          payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.PAID, null, false));
          payments.add(payment(jdbc, account, "ACT", "20.00", day, Outcome.PAID, null, false));
          payments.add(payment(jdbc, account, "ACT", "15.00", day, Outcome.PAID, null, false));
        }
        case POOR -> {
          payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.PAID, null, false));
          payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.NOT_PAID, SkipReason.INSUFFICIENT_BALANCE,
              false));
          payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.NOT_PAID, SkipReason.INSUFFICIENT_BALANCE,
              false));
        }
        case ON_CREDIT -> {
          for (int p = 0; p < 3; p++) {
            payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.PAID, null, false));
          }
        }
        case MIXED -> {
          payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.PAID, null, false));
          payments.add(payment(jdbc, account, "ACT", "10.00", day.minusDays(1), Outcome.NOT_PAID,
              SkipReason.POSTPAY_EXPIRY_PASSED, true));
          payments.add(payment(jdbc, account, "TOP_UP", "10.00", day, Outcome.NOT_PAID,
              SkipReason.TOP_UP_NOT_PAYABLE_FROM_BALANCE, false));
          payments.add(payment(jdbc, account, "ACT", "10.00", day.plusDays(3), Outcome.UNTOUCHED, null, false));
        }
        case EMPTY -> {
          payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.NOT_PAID, SkipReason.INSUFFICIENT_BALANCE,
              false));
          payments.add(payment(jdbc, account, "ACT", "10.00", day, Outcome.NOT_PAID, SkipReason.INSUFFICIENT_BALANCE,
              false));
        }
      }
      accounts.add(new Account(account, kind, opening, limit, List.copyOf(payments)));
    }
    return new Seeded(day, List.copyOf(accounts));
  }

  private static Payment payment(JdbcTemplate jdbc, long account, String type, String amount, LocalDate expires,
      Outcome outcome, SkipReason reason, boolean overdue) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    String model = type.equals("ACT") ? "POSTPAY" : "PREPAY";
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("insert into payment (account_id, type, model, status, amount,"
          + " currency, due_date, expires_on, created_by, created_at) values (?, ?, ?, 'AWAITING_PAYMENT', ?, 'EUR',"
          + " ?, ?, 'cluster-test', ?)", Statement.RETURN_GENERATED_KEYS);
      ps.setLong(1, account);
      ps.setString(2, type);
      ps.setString(3, model);
      ps.setBigDecimal(4, money(amount));
      ps.setObject(5, type.equals("ACT") ? expires.minusDays(1) : expires);
      ps.setObject(6, expires);
      ps.setObject(7, LocalDateTime.now());
      return ps;
    }, key);
    return new Payment(Objects.requireNonNull(key.getKey()).longValue(), account, type, money(amount), expires,
        outcome, reason, overdue);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount).setScale(4);
  }
}
