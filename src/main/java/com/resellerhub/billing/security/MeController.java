package com.resellerhub.billing.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: its user id, groups and, for a customer, the account it acts for. */
@RestController
@Tag(name = "me", description = "The authenticated caller")
public class MeController {

  public record Me(String userId, List<String> groups, Long accountId) {}

  @GetMapping("/api/me")
  @Operation(summary = "The authenticated user, its groups and its account")
  public Me me(@AuthenticationPrincipal BillingUser user) {
    return new Me(user.getUsername(), user.getGroups(), user.getAccountId());
  }
}
