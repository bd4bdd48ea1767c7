package com.resellerhub.billing.account;

import com.resellerhub.billing.web.BusinessRuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's blocks and their causes, for managers. A manager puts and lifts the MANAGER cause; the other causes
 * belong to the processes that put them in force (an expired promised payment is lifted by a top-up), so a manager
 * cannot lift them here.
 */
@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/api/operator/accounts/{id}/blocks")
@Tag(name = "operator: accounts", description = "Create, list and read accounts; their event log")
public class AccountBlockController {

  /** Body of a manager's block: why, for the event log and the next manager. */
  public record ManagerBlock(@NotBlank @Size(max = 500) String reason) {}

  private final AccountService accounts;
  private final AccountBlocks blocks;

  public AccountBlockController(AccountService accounts, AccountBlocks blocks) {
    this.accounts = accounts;
    this.blocks = blocks;
  }

  @GetMapping
  @Operation(summary = "The block causes in force, oldest first (empty: the account is not blocked)")
  public List<AccountBlocks.Block> inForce(@PathVariable Long id) {
    accounts.get(id);
    return blocks.inForce(id);
  }

  @PostMapping
  @Operation(summary = "Block the account for a manager's reason (cause MANAGER); its subscriptions are suspended")
  public List<AccountBlocks.Block> block(@PathVariable Long id, @Valid @RequestBody ManagerBlock request,
      @AuthenticationPrincipal UserDetails user) {
    blocks.block(id, BlockCause.MANAGER, user.getUsername(), request.reason());
    return blocks.inForce(id);
  }

  @DeleteMapping("/{cause}")
  @Operation(summary = "Lift the manager's block (?reason=...); the account stays blocked while another cause is in"
      + " force")
  public List<AccountBlocks.Block> lift(@PathVariable Long id, @PathVariable BlockCause cause,
      @RequestParam @NotBlank @Size(max = 500) String reason, @AuthenticationPrincipal UserDetails user) {
    if (cause != BlockCause.MANAGER) {
      throw new BusinessRuleException("block-cause-not-manual", "cause", "Only a MANAGER block is lifted by a"
          + " manager; " + cause + " is lifted by what put it in force (a top-up lifts PROMISED_PAYMENT_EXPIRED)");
    }
    accounts.get(id);
    blocks.lift(id, cause, user.getUsername(), reason);
    return blocks.inForce(id);
  }
}
