package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.catalog.NewPlan;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.support.BulkAccounts;
import java.io.File;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The billing day at scale (issue 16): not part of {@code verify} (its name does not end in IT); run it with
 * {@code scripts/benchmark-billing-day.sh scale [N,N,...]} (default 10,000, 100,000 and 1,000,000). For each N, on the
 * integration tests' throwaway MySQL-compatible database:
 * <ol>
 *   <li>N subscriptions over N accounts, one each, with no order and no payment: on half of the accounts an
 *       auto-renewing monthly plan expiring on day E, on the other half an annual plan paid monthly, paid until E;
 *       every account holds 10.00, every tenth only 5.00 (too little for its 10.00 payment);</li>
 *   <li>the billing day of E − 1 through the {@code billing-day} process on the job executor: its own creation step
 *       makes the N renewal and prolongation orders and their N payments, due and expiring on E;</li>
 *   <li>the billing day of E: the N payments are settled from the balances;</li>
 *   <li>every outcome is checked (N orders and payments, one debit per paid payment and none twice, the others still
 *       open with their reason, every balance equal to its opening balance plus its entries, every paid renewal's
 *       subscription a month longer, every paid prolongation's paid-until a month later);</li>
 *   <li>the same creation and debit work with plain JDBC ({@link PlainJdbcBillingDay}) on a second identical set.</li>
 * </ol>
 * It prints the curve (time and cost per payment for each N, and the ratio to plain JDBC) and draws it as a PNG
 * ({@code -Dbenchmark.chart}, default {@code target/billing-day-scale.png}).
 */
@com.resellerhub.billing.support.IntegrationTest
class BillingDayScaleBenchmark {

  private static final int THREADS = 4;

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired SettlementService settlement;
  @Autowired BillingDayRuns runs;
  @Autowired BillingDaySettings settings;
  @Autowired PlanService plans;

  record Point(int n, double seedSeconds, double createSeconds, double settleSeconds, double jdbcCreateSeconds,
      double jdbcSettleSeconds, int slices, int chunks) {

    double engineSeconds() {
      return createSeconds + settleSeconds;
    }

    double jdbcSeconds() {
      return jdbcCreateSeconds + jdbcSettleSeconds;
    }

    double msPerPayment() {
      return engineSeconds() * 1000 / n;
    }

    double jdbcMsPerPayment() {
      return jdbcSeconds() * 1000 / n;
    }
  }

  @Test
  void billingDayAtScale() throws Exception {
    int[] sizes = Arrays.stream(System.getProperty("benchmark.subscriptions", "10000,100000,1000000").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    DueSubscriptionsSeed seeds = new DueSubscriptionsSeed(jdbc, plans);
    List<Point> curve = new ArrayList<>();
    LocalDate base = LocalDate.parse("2049-01-15");
    for (int k = 0; k < sizes.length; k++) {
      int n = sizes[k];
      // a year apart: no subscription of an earlier size falls due again on a later size's days
      LocalDate expiry = base.plusYears(k);
      LocalDate jdbcExpiry = expiry.plusDays(45);

      long seedStart = System.nanoTime();
      DueSubscriptionsSeed.Cohort engineSet = seeds.seed("scale" + k + "-engine", n, expiry);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      // the engine: the day before the expiry creates, the expiry day settles; both through the process
      long start = System.nanoTime();
      SettlementService.Progress created = runDay(expiry.minusDays(1));
      double createSeconds = (System.nanoTime() - start) / 1e9;
      int slices = slicesOf(expiry.minusDays(1));
      seeds.checkCreated(engineSet);
      start = System.nanoTime();
      SettlementService.Progress settled = runDay(expiry);
      double settleSeconds = (System.nanoTime() - start) / 1e9;
      seeds.checkSettled(engineSet);
      assertThat(settled.paid()).as("the run paid at least the set's payments").isGreaterThanOrEqualTo(
          engineSet.paid());
      assertThat(created.status()).isEqualTo(BillingDayRun.Status.FINISHED);

      // plain JDBC, the same work on an identical set
      DueSubscriptionsSeed.Cohort jdbcSet = seeds.seed("scale" + k + "-jdbc", n, jdbcExpiry);
      start = System.nanoTime();
      int jdbcCreated = PlainJdbcBillingDay.create(dataSource, jdbcExpiry.minusDays(1), jdbcSet.first(),
          jdbcSet.last(), settings.chunkSize(), THREADS, DueSubscriptionsSeed.PRICE,
          settings.renewalLeadDays());
      double jdbcCreateSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(jdbcCreated).isEqualTo(n);
      seeds.checkCreated(jdbcSet);
      start = System.nanoTime();
      int jdbcPaid = PlainJdbcBillingDay.settle(dataSource, jdbcExpiry, jdbcSet.first(), jdbcSet.last(),
          settings.chunkSize(), THREADS);
      double jdbcSettleSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(jdbcPaid).isEqualTo(jdbcSet.paid());
      seeds.checkSettled(jdbcSet);

      // not timed: the day after, so the payments left unpaid become overdue now and not in the next size's run
      runDay(jdbcExpiry.plusDays(1));

      Point p = new Point(n, seedSeconds, createSeconds, settleSeconds, jdbcCreateSeconds, jdbcSettleSeconds, slices,
          settled.chunks());
      curve.add(p);
      System.out.println(String.format(Locale.ROOT, "BENCHMARK scale N=%d: seed %.1f s, created %.1f s (%d creation"
          + " steps), settled %.1f s (%d chunks), plain JDBC %.1f + %.1f s", n, seedSeconds, createSeconds, slices,
          settleSeconds, settled.chunks(), jdbcCreateSeconds, jdbcSettleSeconds));
    }
    File chart = new File(System.getProperty("benchmark.chart", "target/billing-day-scale.png"));
    draw(curve, chart);
    print(curve, chart);
    assertThat(BillingDayBulkSeed.doubleDebits(jdbc)).as("no payment debited twice").isZero();
  }

  /** Runs the billing day of {@code day} through the process and waits for its end. */
  private SettlementService.Progress runDay(LocalDate day) {
    runs.request(day, "benchmark");
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() ->
        settlement.progressOf(day).map(p -> p.status() == BillingDayRun.Status.FINISHED).orElse(false));
    return settlement.progressOf(day).orElseThrow();
  }

  /** How many jobs the creation step of that day's instance ran (one activity instance per step). */
  private int slicesOf(LocalDate day) {
    return jdbc.queryForObject("select count(*) from ACT_HI_ACTINST a join ACT_HI_PROCINST p on p.ID_ ="
        + " a.PROC_INST_ID_ where p.BUSINESS_KEY_ like ? and p.PROC_DEF_KEY_ = 'billing-day'"
        + " and a.ACT_ID_ = 'Task_CreateDuePayments'", Integer.class, "%:" + day);
  }

  private static void draw(List<Point> curve, File file) throws Exception {
    XYSeries engine = new XYSeries("billing-day process");
    XYSeries plain = new XYSeries("plain JDBC, " + THREADS + " threads");
    XYSeries marginal = new XYSeries("billing-day process, each payment more (since the size before)");
    Point previous = null;
    for (Point p : curve) {
      engine.add(p.n(), p.msPerPayment());
      plain.add(p.n(), p.jdbcMsPerPayment());
      if (previous != null && p.n() > previous.n()) {
        marginal.add(p.n(), (p.engineSeconds() - previous.engineSeconds()) * 1000 / (p.n() - previous.n()));
      }
      previous = p;
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(engine);
    data.addSeries(marginal);
    data.addSeries(plain);
    JFreeChart chart = ChartFactory.createXYLineChart("Billing day: created and settled, cost per payment",
        "subscriptions due on the day (one payment each)", "ms per payment (creation + settlement)", data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(java.awt.Color.WHITE);
    plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
    LogAxis x = new LogAxis("subscriptions due on the day (one payment each)");
    x.setBase(10);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    plot.setDomainAxis(x);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
        new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
    plot.setRenderer(renderer);
    File dir = file.getAbsoluteFile().getParentFile();
    if (dir != null) {
      dir.mkdirs();
    }
    ChartUtils.saveChartAsPNG(file, chart, 800, 450);
  }

  private static void print(List<Point> curve, File chart) {
    StringBuilder out = new StringBuilder("BENCHMARK billing day at scale (created by the day's own step, then"
        + " settled)\n");
    out.append("BENCHMARK | subscriptions | seed (s) | created (s) | settled (s) | total (s) | ms per payment |"
        + " marginal ms per payment | payments/s | plain JDBC (s) | ratio engine/JDBC |\n");
    out.append("BENCHMARK | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    Point previous = null;
    for (Point p : curve) {
      // what each payment more costs: the time added since the previous size, over the payments added
      String marginal = previous == null || p.n() <= previous.n() ? "" : String.format(Locale.ROOT, "%.3f",
          (p.engineSeconds() - previous.engineSeconds()) * 1000 / (p.n() - previous.n()));
      out.append(String.format(Locale.ROOT, "BENCHMARK | %,d | %.1f | %.1f | %.1f | %.1f | %.3f | %s | %,.0f |"
          + " %.1f | %.2f |%n", p.n(), p.seedSeconds(), p.createSeconds(), p.settleSeconds(), p.engineSeconds(),
          p.msPerPayment(), marginal, p.n() / p.engineSeconds(), p.jdbcSeconds(),
          p.jdbcSeconds() / p.engineSeconds()));
      previous = p;
    }
    Point first = curve.get(0);
    Point lastPoint = curve.get(curve.size() - 1);
    out.append(String.format(Locale.ROOT, "BENCHMARK cost per payment, largest N against smallest: %.2f x%n",
        lastPoint.msPerPayment() / first.msPerPayment()));
    out.append("BENCHMARK chart: ").append(chart.getPath()).append('\n');
    System.out.print(out);
  }
}
