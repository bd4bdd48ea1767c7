package com.resellerhub.billing.billingday.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Account;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Outcome;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Payment;
import com.resellerhub.billing.billingday.cluster.BillingDaySeed.Seeded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "exactly once" checks of a billing day, in SQL on the shared database, every failure reported at once:
 * <ul>
 *   <li>every payment PAY-4 pays is PAID_FROM_BALANCE with exactly one ledger debit under {@code payment:<id>}, of its
 *       amount, on its account, and one history entry saying so;</li>
 *   <li>every payment it does not pay has no debit, is still open (OVERDUE when it expired before the day) and has
 *       exactly one AUTO_DEBIT_SKIPPED entry for the day naming the reason;</li>
 *   <li>payments not due that day are untouched;</li>
 *   <li>every balance is its opening balance plus the sum of its entries, and what the rules leave;</li>
 *   <li>one run row for the day, FINISHED, every chunk SETTLED, the figures matching.</li>
 * </ul>
 */
public final class ExactlyOnceAudit {

  private ExactlyOnceAudit() {}

  /** {@code paidElsewhere}: payments of the seed paid by someone else (a manager), not by the run. */
  public static void check(JdbcTemplate jdbc, Seeded seeded, Set<Long> paidElsewhere) {
    long first = seeded.accounts().stream().mapToLong(Account::id).min().orElseThrow();
    long last = seeded.accounts().stream().mapToLong(Account::id).max().orElseThrow();
    LocalDate day = seeded.day();

    Map<String, long[]> debits = new HashMap<>();
    Map<String, BigDecimal> debitAmounts = new HashMap<>();
    jdbc.query("select idempotency_key, count(*), min(account_id), sum(amount), min(type) from ledger_entry"
        + " where account_id between ? and ? group by idempotency_key", rs -> {
          debits.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
          debitAmounts.put(rs.getString(1), rs.getBigDecimal(4));
        }, first, last);
    Map<Long, String> status = new HashMap<>();
    Map<Long, String> completedBy = new HashMap<>();
    jdbc.query("select id, status, completed_by from payment where account_id between ? and ?", rs -> {
      status.put(rs.getLong(1), rs.getString(2));
      completedBy.put(rs.getLong(1), rs.getString(3));
    }, first, last);
    Map<Long, Integer> paidEvents = new HashMap<>();
    Map<Long, List<String>> skipDetails = new HashMap<>();
    Map<Long, Integer> events = new HashMap<>();
    jdbc.query("select e.payment_id, e.kind, e.to_status, e.detail from payment_event e join payment p"
        + " on p.id = e.payment_id where p.account_id between ? and ? order by e.id", rs -> {
          long payment = rs.getLong(1);
          events.merge(payment, 1, Integer::sum);
          if ("STATUS_CHANGED".equals(rs.getString(2)) && "PAID_FROM_BALANCE".equals(rs.getString(3))) {
            paidEvents.merge(payment, 1, Integer::sum);
          }
          if ("AUTO_DEBIT_SKIPPED".equals(rs.getString(2)) && rs.getString(4) != null
              && rs.getString(4).contains(" on " + day + ": ")) {
            skipDetails.computeIfAbsent(payment, p -> new java.util.ArrayList<>()).add(rs.getString(4));
          }
        }, first, last);
    Map<Long, BigDecimal> balances = new HashMap<>();
    jdbc.query("select account_id, balance from ledger_account where account_id between ? and ?",
        rs -> {
          balances.put(rs.getLong(1), rs.getBigDecimal(2));
        }, first, last);
    Map<Long, BigDecimal> entrySums = new HashMap<>();
    jdbc.query("select account_id, sum(amount) from ledger_entry where account_id between ? and ? group by account_id",
        rs -> {
          entrySums.put(rs.getLong(1), rs.getBigDecimal(2));
        }, first, last);

    SoftAssertions soft = new SoftAssertions();
    for (Payment p : seeded.payments()) {
      String key = "payment:" + p.id();
      long[] debit = debits.get(key);
      switch (p.outcome()) {
        case PAID -> {
          soft.assertThat(debit).as("payment %s (%s): debits under %s", p.id(), p.type(), key).isNotNull();
          if (debit != null) {
            soft.assertThat(debit[0]).as("payment %s: exactly one debit under %s", p.id(), key).isEqualTo(1);
            soft.assertThat(debit[1]).as("payment %s: debited on its account", p.id()).isEqualTo(p.accountId());
            soft.assertThat(debitAmounts.get(key)).as("payment %s: debit amount", p.id())
                .isEqualByComparingTo(p.amount().negate().multiply(BigDecimal.valueOf(debit[0])));
          }
          soft.assertThat(status.get(p.id())).as("payment %s status", p.id()).isEqualTo("PAID_FROM_BALANCE");
          soft.assertThat(paidEvents.getOrDefault(p.id(), 0)).as("payment %s: one PAID_FROM_BALANCE history entry",
              p.id()).isEqualTo(1);
          if (!paidElsewhere.contains(p.id())) {
            soft.assertThat(completedBy.get(p.id())).as("payment %s paid by the run", p.id()).isEqualTo("system");
          }
        }
        case NOT_PAID -> {
          soft.assertThat(debit).as("payment %s (%s, %s): no debit", p.id(), p.type(), p.reason()).isNull();
          soft.assertThat(status.get(p.id())).as("payment %s status", p.id())
              .isEqualTo(p.overdueAfterRun() ? "OVERDUE" : "AWAITING_PAYMENT");
          soft.assertThat(skipDetails.getOrDefault(p.id(), List.of())).as("payment %s: one skip note for %s naming %s",
              p.id(), day, p.reason()).singleElement().asString().contains(p.reason().name());
        }
        case UNTOUCHED -> {
          soft.assertThat(debit).as("payment %s not due: no debit", p.id()).isNull();
          soft.assertThat(status.get(p.id())).as("payment %s not due: status", p.id()).isEqualTo("AWAITING_PAYMENT");
          soft.assertThat(events.getOrDefault(p.id(), 0)).as("payment %s not due: no history", p.id()).isZero();
        }
      }
    }
    for (Account a : seeded.accounts()) {
      BigDecimal balance = balances.get(a.id());
      BigDecimal entries = entrySums.getOrDefault(a.id(), BigDecimal.ZERO);
      soft.assertThat(balance).as("account %s (%s): balance = opening %s + entries %s", a.id(), a.kind(), a.opening(),
          entries).isEqualByComparingTo(a.opening().add(entries));
      soft.assertThat(balance).as("account %s (%s): balance after the day", a.id(), a.kind())
          .isEqualByComparingTo(a.expectedBalance());
    }
    soft.assertThat(doubleDebits(jdbc)).as("payments debited more than once, in the whole database").isZero();

    List<Map<String, Object>> runs = jdbc.queryForList("select id, status, overdue_marked from billing_day_run"
        + " where business_date = ?", day);
    soft.assertThat(runs).as("one run row for %s", day).hasSize(1);
    if (runs.size() == 1) {
      Map<String, Object> run = runs.get(0);
      soft.assertThat(run.get("status")).as("run of %s", day).isEqualTo("FINISHED");
      soft.assertThat(((Number) run.get("overdue_marked")).longValue()).as("payments marked overdue on %s", day)
          .isGreaterThanOrEqualTo(seeded.overdueAfterRun());
      Map<String, Object> chunks = jdbc.queryForMap("select count(*) n, sum(status = 'SETTLED') settled, sum(paid)"
          + " paid, sum(skipped) skipped from billing_day_chunk where run_id = ?", run.get("id"));
      soft.assertThat(((Number) chunks.get("settled")).longValue()).as("chunks settled")
          .isEqualTo(((Number) chunks.get("n")).longValue());
      long paidByRun = seeded.withOutcome(Outcome.PAID).stream().filter(p -> !paidElsewhere.contains(p.id())).count();
      soft.assertThat(((Number) chunks.get("paid")).longValue()).as("paid in the chunks' figures")
          .isGreaterThanOrEqualTo(paidByRun);
    }
    soft.assertAll();
  }

  /** How many chunks of the date's run each node settled (chunk rows record the node's name). */
  public static Map<String, Integer> chunksSettledByNode(JdbcTemplate jdbc, LocalDate day) {
    Map<String, Integer> byNode = new HashMap<>();
    jdbc.query("select c.settled_by, count(*) from billing_day_chunk c join billing_day_run r on r.id = c.run_id"
        + " where r.business_date = ? and c.status = 'SETTLED' group by c.settled_by",
        rs -> {
          byNode.put(rs.getString(1), rs.getInt(2));
        }, day);
    return byNode;
  }

  /** Payments debited more than once, in the whole database. */
  public static int doubleDebits(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from (select reference_id from ledger_entry where type ="
        + " 'PAYMENT_DEBIT' and reference_type = 'PAYMENT' group by reference_id having count(*) > 1) twice",
        Integer.class);
  }

  /** The status of the date's run, or null before it exists. */
  public static String runStatus(JdbcTemplate jdbc, LocalDate day) {
    List<String> status = jdbc.queryForList("select status from billing_day_run where business_date = ?", String.class,
        day);
    assertThat(status).hasSizeLessThanOrEqualTo(1);
    return status.isEmpty() ? null : status.get(0);
  }
}
