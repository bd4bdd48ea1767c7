package com.resellerhub.billing.reseller;

import com.resellerhub.billing.platform.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reseller this installation runs for, and its settings (RS-1..4). One installation serves one reseller (its
 * code, name and currency come from {@code billing.reseller.*}); the data model keeps a reseller id on every account
 * so that several can share one database later.
 */
@Service
public class ResellerService {

  private final ResellerRepository resellers;
  private final StoredSettingsRepository settings;
  private final SettingChangeRepository changes;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final String code;
  private final String name;
  private final String currency;
  /** The reseller once found; committed, since it is created in a transaction of its own. */
  private volatile Reseller known;

  public ResellerService(ResellerRepository resellers, StoredSettingsRepository settings,
      SettingChangeRepository changes, Clock clock, PlatformTransactionManager transactionManager,
      ResellerProperties reseller) {
    this.resellers = resellers;
    this.settings = settings;
    this.changes = changes;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.code = reseller.code();
    this.name = reseller.name();
    this.currency = reseller.currency();
  }

  /**
   * The installation's reseller, created on first use. The creation runs in its own transaction, so that a caller
   * in a read-only transaction can be the first. The row never changes (code, name and currency come from the
   * configuration and the entity has no setters), so once found it is remembered: nearly every request asks for it,
   * and the query cost a round trip, and inside a writing transaction a flush, each time.
   */
  public Reseller current() {
    Reseller found = known;
    if (found == null) {
      found = resellers.findByCode(code).orElseGet(() -> {
        try {
          ownTransaction.executeWithoutResult(tx -> resellers.save(new Reseller(code, name, currency)));
        } catch (DataIntegrityViolationException concurrentlyCreated) {
          // another request created it first
        }
        return resellers.findByCode(code).orElseThrow();
      });
      known = found;
    }
    return found;
  }

  /** The current reseller's settings (RS-1..4); a reseller that never saved any has the defaults. */
  @Transactional
  public ResellerSettings settings() {
    return stored(current().getId()).toSettings();
  }

  /**
   * Replaces the settings. Every setting whose value changes is audited with the actor and its old and new value.
   * Switching RS-1 changes no account's stored permission (PP-8).
   */
  @Transactional
  public ResellerSettings updateSettings(ResellerSettings requested, String actor) {
    ResellerSettings normalized = SettingsRules.normalize(requested);
    Long resellerId = current().getId();
    StoredSettings row = stored(resellerId);
    ResellerSettings before = row.toSettings();
    row.apply(normalized);
    ResellerSettings after = row.toSettings();
    for (String[] diff : differences(before, after)) {
      changes.save(new SettingChange(resellerId, diff[0], diff[1], diff[2], actor, clock.instant()));
    }
    return after;
  }

  /** The audit of settings changes, newest first. */
  @Transactional(readOnly = true)
  public Page<SettingChange> changes(Pageable pageable) {
    return changes.findByResellerIdOrderByIdDesc(current().getId(), pageable);
  }

  /** The settings row, created with the defaults in its own transaction when missing. */
  private StoredSettings stored(Long resellerId) {
    return settings.findById(resellerId).orElseGet(() -> {
      try {
        ownTransaction.executeWithoutResult(tx -> settings.save(new StoredSettings(resellerId)));
      } catch (DataIntegrityViolationException concurrentlyCreated) {
        // another request created it first
      }
      return settings.findById(resellerId).orElseThrow();
    });
  }

  /** {setting, old, new} for each setting that differs. */
  static List<String[]> differences(ResellerSettings a, ResellerSettings b) {
    List<String[]> out = new ArrayList<>();
    diff(out, "postpayApproval", a.postpayApproval(), b.postpayApproval());
    diff(out, "postpayApprovalAppliesTo", a.postpayApprovalAppliesTo(), b.postpayApprovalAppliesTo());
    diff(out, "allowWorkWithoutBalance", a.allowWorkWithoutBalance(), b.allowWorkWithoutBalance());
    diff(out, "invoicesByExternalSystem", a.invoicesByExternalSystem(), b.invoicesByExternalSystem());
    diff(out, "promisedPaymentOnlyWhenBlocked", a.promisedPaymentOnlyWhenBlocked(),
        b.promisedPaymentOnlyWhenBlocked());
    diff(out, "defaultCountry", a.defaultCountry(), b.defaultCountry());
    diff(out, "termsAcceptanceRequired", a.termsAcceptanceRequired(), b.termsAcceptanceRequired());
    ResellerSettings.AccountValidation va = a.accountValidation();
    ResellerSettings.AccountValidation vb = b.accountValidation();
    diff(out, "accountValidation.forbiddenCharacters", va.forbiddenCharacters(), vb.forbiddenCharacters());
    diff(out, "accountValidation.forbiddenAbbreviations", va.forbiddenAbbreviations(), vb.forbiddenAbbreviations());
    diff(out, "accountValidation.forbiddenTopLevelDomains", va.forbiddenTopLevelDomains(),
        vb.forbiddenTopLevelDomains());
    diff(out, "accountValidation.allowedRegions", va.allowedRegions(), vb.allowedRegions());
    diff(out, "collections.suspendedDaysBeforeTermination", a.collections().suspendedDaysBeforeTermination(),
        b.collections().suspendedDaysBeforeTermination());
    if (a.collections().reviewThreshold().compareTo(b.collections().reviewThreshold()) != 0) {
      out.add(new String[] {"collections.reviewThreshold", a.collections().reviewThreshold().toPlainString(),
          b.collections().reviewThreshold().toPlainString()});
    }
    return out;
  }

  private static void diff(List<String[]> out, String setting, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(new String[] {setting, text(a), text(b)});
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
        : String.valueOf(value);
    return Text.shorten(s, 4000);
  }
}
