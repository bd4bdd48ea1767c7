package com.resellerhub.billing.reseller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reseller's settings (RS-1..4) in the operator API; every change is audited. */
@RestController
@RequestMapping("/api/operator/settings")
@Tag(name = "operator: settings", description = "Reseller settings RS-1..4")
public class SettingsController {

  private final ResellerService resellers;

  public SettingsController(ResellerService resellers) {
    this.resellers = resellers;
  }

  public record Change(Long id, String setting, String oldValue, String newValue, String actor, Instant changedAt) {}

  public record Changes(List<Change> content, int page, int size, long totalElements, int totalPages) {}

  @GetMapping
  @Operation(summary = "The reseller's settings")
  public ResellerSettings get() {
    return resellers.settings();
  }

  @PutMapping
  @Operation(summary = "Replace the reseller's settings (all fields); each changed setting is audited")
  public ResellerSettings put(@Valid @RequestBody ResellerSettings settings,
      @AuthenticationPrincipal UserDetails user) {
    return resellers.updateSettings(settings, user.getUsername());
  }

  @GetMapping("/changes")
  @Operation(summary = "The audit of settings changes, newest first")
  public Changes changes(@RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    Page<SettingChange> p = resellers.changes(PageRequest.of(page, size));
    return new Changes(p.getContent().stream().map(c -> new Change(c.getId(), c.getSetting(), c.getOldValue(),
        c.getNewValue(), c.getActor(), c.getChangedAt())).toList(), p.getNumber(), p.getSize(),
        p.getTotalElements(), p.getTotalPages());
  }
}
