package com.resellerhub.billing.collection;

import com.resellerhub.billing.account.AccountService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collections for managers (COL-1..3): an account's collections with their days and the reminders sent; for a
 * camunda-admin, the day's start on demand (after moving the demo clock, or while the billing day's timer is paused).
 */
@RestController
public class CollectionController {

  /** A reminder as sent. */
  public record ReminderView(ReminderKind kind, String recipient, Instant sentAt) {}

  /** A payment's collection. */
  public record CollectionView(long paymentId, long accountId, CollectionStatus status, int graceExtensionDays,
      boolean reviewOpen, String outcome, Instant startedAt, Instant endedAt, CollectionRules.Schedule days,
      List<ReminderView> reminders) {}

  /** What the day's start did. */
  public record Started(LocalDate today, int started) {}

  private final CollectionService collections;
  private final AccountService accounts;
  private final Clock clock;

  public CollectionController(CollectionService collections, AccountService accounts, Clock clock) {
    this.collections = collections;
    this.accounts = accounts;
    this.clock = clock;
  }

  @GetMapping("/api/operator/accounts/{id}/collections")
  @Tag(name = "operator", description = "Operator API: managers")
  @Operation(summary = "The account's collections, newest first, with their days and reminders (COL-1..3)")
  public List<CollectionView> ofAccount(@PathVariable long id) {
    accounts.get(id);
    return collections.ofAccount(id).stream().map(this::view).toList();
  }

  @GetMapping("/api/operator/collections/{paymentId}")
  @Tag(name = "operator", description = "Operator API: managers")
  @Operation(summary = "The collection of a payment, with its days and reminders (COL-1..3)")
  public CollectionView one(@PathVariable long paymentId) {
    return view(collections.find(paymentId));
  }

  @PostMapping("/api/admin/collections/start")
  @Tag(name = "admin", description = "Admin API: camunda-admin")
  @Operation(summary = "Start today's collections now (the billing day does it after each run; idempotent)")
  public Started start() {
    LocalDate today = LocalDate.now(clock);
    return new Started(today, collections.startDue(today));
  }

  private CollectionView view(Collection c) {
    return new CollectionView(c.getPaymentId(), c.getAccountId(), c.getStatus(), c.getGraceExtensionDays(),
        c.isReviewOpen(), c.getOutcome(), c.getStartedAt(), c.getEndedAt(), collections.schedule(c.getPaymentId()),
        collections.reminders(c.getPaymentId()).stream().map(r -> new ReminderView(r.getKind(), r.getRecipient(),
            r.getSentAt())).toList());
  }
}
