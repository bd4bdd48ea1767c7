package com.resellerhub.billing.billingday;

import com.resellerhub.billing.billingday.SettlementService.Progress;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import com.resellerhub.billing.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing day's runs (PAY-4): managers read a run's figures and chunks; a camunda-admin starts a date's run now
 * (a missed day, or the demo after moving the clock). A date runs once whatever is requested: asking again for a date
 * that already ran changes nothing.
 */
@RestController
@Tag(name = "billing day", description = "Automatic debit on the expiry date (PAY-4, PAY-5)")
public class BillingDayRunController {

  public record RunView(Long id, LocalDate businessDate, BillingDayRun.Status status, int payments, int chunks,
      int chunksSettled, int paid, BigDecimal paidAmount, int skipped, Map<SkipReason, Integer> skippedByReason,
      Integer overdueMarked) {
    static RunView of(Progress p) {
      return new RunView(p.runId(), p.businessDate(), p.status(), p.payments(), p.chunks(), p.chunksSettled(),
          p.paid(), p.paidAmount(), p.skipped(), p.skippedByReason(), p.overdueMarked());
    }
  }

  public record ChunkView(int chunkNo, long afterAccountId, long lastAccountId, int selected,
      BillingDayChunk.Status status, int paid, BigDecimal paidAmount, int skipped, String skippedByReason,
      String settledBy, Instant settledAt) {}

  public record RunDetail(RunView run, List<ChunkView> chunks) {}

  public record RunRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate) {}

  public record Requested(LocalDate businessDate, String detail) {}

  static final String RUNS = "/api/operator/billing-day/runs";
  static final String ADMIN_RUNS = "/api/admin/billing-day/runs";
  static final String LEGACY_RUNS = "/api/operator/auto-debit/runs";
  static final String LEGACY_ADMIN_RUNS = "/api/admin/auto-debit/runs";

  private final SettlementService settlement;
  private final BillingDayRuns runs;
  private final Clock clock;

  public BillingDayRunController(SettlementService settlement, BillingDayRuns runs, Clock clock) {
    this.settlement = settlement;
    this.runs = runs;
    this.clock = clock;
  }

  @GetMapping(RUNS)
  @Operation(summary = "Billing-day runs, newest date first, with their figures")
  public PageOf<RunView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return PageOf.of(settlement.list(PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), 200))),
        RunView::of);
  }

  @GetMapping(RUNS + "/{businessDate}")
  @Operation(summary = "One billing day's run: figures, skip reasons and every chunk")
  public RunDetail get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate) {
    Progress progress = settlement.progressOf(businessDate)
        .orElseThrow(() -> new NotFoundException("Billing-day run", businessDate));
    List<ChunkView> chunks = settlement.chunksOf(progress.runId()).stream().map(c -> new ChunkView(c.getChunkNo(),
        c.getAfterAccountId(), c.getLastAccountId(), c.getSelected(), c.getStatus(), c.getPaid(), c.getPaidAmount(),
        c.getSkipped(), c.getSkippedByReason(), c.getSettledBy(), c.getSettledAt())).toList();
    return new RunDetail(RunView.of(progress), chunks);
  }

  @PostMapping(ADMIN_RUNS)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Run a billing day now (default: today by the application clock); never a future date")
  public Requested request(@RequestBody(required = false) RunRequest request, Principal principal) {
    LocalDate today = LocalDate.now(clock);
    LocalDate date = request == null || request.businessDate() == null ? today : request.businessDate();
    if (date.isAfter(today)) {
      throw new BusinessRuleException("billing-day-in-future", "businessDate", "businessDate must not be after"
          + " today (" + today + "): payments are paid from the balance on their expiry date, never before");
    }
    boolean ran = settlement.progressOf(date).isPresent();
    runs.request(date, principal.getName());
    return new Requested(date, ran ? "The billing day " + date + " has a run already; nothing is paid twice"
        : "The billing day " + date + " is starting; follow it at " + RUNS + "/" + date);
  }

  // The paths of the process's old name, kept for callers written against them; they answer the same with a
  // Deprecation header and a Link to the new path. To be removed with LegacyAutoDebit.

  @Deprecated
  @GetMapping(LEGACY_RUNS)
  @Operation(summary = "Deprecated: use " + RUNS, deprecated = true)
  public PageOf<RunView> legacyList(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, HttpServletResponse response) {
    deprecated(response, RUNS);
    return list(page, size);
  }

  @Deprecated
  @GetMapping(LEGACY_RUNS + "/{businessDate}")
  @Operation(summary = "Deprecated: use " + RUNS + "/{businessDate}", deprecated = true)
  public RunDetail legacyGet(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate,
      HttpServletResponse response) {
    deprecated(response, RUNS + "/" + businessDate);
    return get(businessDate);
  }

  @Deprecated
  @PostMapping(LEGACY_ADMIN_RUNS)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Deprecated: use POST " + ADMIN_RUNS, deprecated = true)
  public Requested legacyRequest(@RequestBody(required = false) RunRequest request, Principal principal,
      HttpServletResponse response) {
    deprecated(response, ADMIN_RUNS);
    return request(request, principal);
  }

  private static void deprecated(HttpServletResponse response, String successor) {
    response.setHeader("Deprecation", "true");
    response.setHeader(HttpHeaders.LINK, "<" + successor + ">; rel=\"successor-version\"");
  }
}
