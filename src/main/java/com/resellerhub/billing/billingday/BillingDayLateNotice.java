package com.resellerhub.billing.billingday;

import com.resellerhub.billing.billingday.SettlementService.Progress;
import com.resellerhub.billing.platform.MailSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * "Billing day late" (OPS-3): a day's settlement still runs {@code billing.billing-day.late-after} after it started.
 * Operations get a mail with the figures so far (to {@code billing.billing-day.operations-mail}), the log a warning
 * and {@code billing_billing_day_late_total} one more count; the run itself goes on. A mail that cannot be sent fails
 * the step, which is retried and then shows as an incident, so the notice is never silently lost.
 */
@Service
public class BillingDayLateNotice {

  private static final Logger log = LoggerFactory.getLogger(BillingDayLateNotice.class);

  private final SettlementService settlement;
  private final JavaMailSender mail;
  private final BillingDaySettings settings;
  private final MailSettings mailSettings;
  private final Counter late;

  public BillingDayLateNotice(SettlementService settlement, JavaMailSender mail, BillingDaySettings settings,
      MailSettings mailSettings, MeterRegistry registry) {
    this.settlement = settlement;
    this.mail = mail;
    this.settings = settings;
    this.mailSettings = mailSettings;
    this.late = Counter.builder("billing.billing.day.late")
        .description("Billing days whose settlement was still running when it became late").register(registry);
  }

  /** Notifies operations that the run is late, with its figures so far. */
  public void notifyLate(long runId) {
    Progress progress = settlement.progress(runId);
    String text = "The billing day " + progress.businessDate() + " has been settling its payments for more than "
        + settings.lateAfter() + " and is still running.\n\n"
        + "Chunks settled: " + progress.chunksSettled() + " of " + progress.chunks() + "\n"
        + "Payments selected: " + progress.payments() + ", paid: " + progress.paid() + " (" + progress.paidAmount()
        + "), not paid: " + progress.skipped() + " (" + progress.skippedByReasonText() + ")\n\n"
        + "Chunks with an incident wait in Cockpit (process billing-day-chunk); the run finishes by itself once they"
        + " are resolved. Figures: GET /api/operator/billing-day/runs/" + progress.businessDate() + "\n";
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(mailSettings.from());
    message.setTo(settings.operationsMail());
    message.setSubject("Billing day " + progress.businessDate() + " is late");
    message.setText(text);
    mail.send(message);
    late.increment();
    log.warn("Billing day {} is late: {} of {} chunks settled; operations notified at {}", progress.businessDate(),
        progress.chunksSettled(), progress.chunks(), settings.operationsMail());
  }
}
