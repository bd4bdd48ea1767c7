package com.resellerhub.billing.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public end of the set-password link (ACC-8): no authentication, the token is the credential. */
@RestController
@Tag(name = "public", description = "Unauthenticated endpoints")
public class PasswordSetupController {

  private final PasswordSetupService passwordSetup;

  public PasswordSetupController(PasswordSetupService passwordSetup) {
    this.passwordSetup = passwordSetup;
  }

  public record PasswordSetup(@NotBlank @Size(max = 100) String token,
      @NotBlank @Size(min = 8, max = 128) String password) {}

  @PostMapping("/api/public/password-setup")
  @Operation(summary = "Set the password with the token of the set-password link (single use, expiring)")
  public ResponseEntity<Void> setup(@Valid @RequestBody PasswordSetup request) {
    passwordSetup.consume(request.token(), request.password());
    return ResponseEntity.noContent().build();
  }
}
