package com.resellerhub.billing.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reference data of the account form in the operator API: account types, service rules, managers. */
@RestController
@RequestMapping("/api/operator")
@Tag(name = "operator: reference data", description = "Account types, service rules, managers")
public class ReferenceDataController {

  private final ReferenceDataService referenceData;

  public ReferenceDataController(ReferenceDataService referenceData) {
    this.referenceData = referenceData;
  }

  public record AttributeView(String name, String label, boolean required, String pattern) {}

  public record AccountTypeView(Long id, String code, String name, boolean legalEntity, boolean asciiOnlyContacts,
      List<AttributeView> attributes) {
    static AccountTypeView of(AccountType t) {
      return new AccountTypeView(t.getId(), t.getCode(), t.getName(), t.isLegalEntity(), t.isAsciiOnlyContacts(),
          t.getAttributes().stream().map(a -> new AttributeView(a.getName(), a.getLabel(), a.isRequired(),
              a.getPattern())).toList());
    }
  }

  public record NewAttribute(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*",
          message = "must start with a letter and hold only letters, digits and _") String name,
      @NotBlank @Size(max = 200) String label,
      boolean required,
      @Size(max = 500) String pattern) {}

  public record NewAccountType(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+", message = "may hold only a-z, 0-9 and -") String code,
      @NotBlank @Size(max = 200) String name,
      boolean legalEntity,
      boolean asciiOnlyContacts,
      @Size(max = 30) List<@NotNull @Valid NewAttribute> attributes) {}

  public record ServiceRuleView(Long id, String code, String name, String description) {
    static ServiceRuleView of(ServiceRule r) {
      return new ServiceRuleView(r.getId(), r.getCode(), r.getName(), r.getDescription());
    }
  }

  public record NewServiceRule(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+", message = "may hold only a-z, 0-9 and -") String code,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 1000) String description) {}

  public record ManagerView(Long id, String name, String email, String userId, ManagerStatus status) {
    static ManagerView of(Manager m) {
      return new ManagerView(m.getId(), m.getName(), m.getEmail(), m.getUserId(), m.getStatus());
    }
  }

  public record NewManager(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 254) @Email String email,
      @Size(max = 64) String userId,
      ManagerStatus status) {}

  public record ManagerStatusChange(@NotNull ManagerStatus status) {}

  @GetMapping("/account-types")
  @Operation(summary = "The reseller's account types with their extra attributes (ACC-2)")
  public List<AccountTypeView> accountTypes() {
    return referenceData.accountTypes().stream().map(AccountTypeView::of).toList();
  }

  @PostMapping("/account-types")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an account type")
  public AccountTypeView createAccountType(@Valid @RequestBody NewAccountType request) {
    List<AttributeDefinition> attributes = request.attributes() == null ? List.of() : request.attributes().stream()
        .map(a -> new AttributeDefinition(a.name(), a.label(), a.required(),
            a.pattern() == null || a.pattern().isBlank() ? null : a.pattern())).toList();
    return AccountTypeView.of(referenceData.createAccountType(request.code(), request.name(), request.legalEntity(),
        request.asciiOnlyContacts(), attributes));
  }

  @GetMapping("/service-rules")
  @Operation(summary = "The reseller's service rules (ACC-1)")
  public List<ServiceRuleView> serviceRules() {
    return referenceData.serviceRules().stream().map(ServiceRuleView::of).toList();
  }

  @PostMapping("/service-rules")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a service rule")
  public ServiceRuleView createServiceRule(@Valid @RequestBody NewServiceRule request) {
    return ServiceRuleView.of(referenceData.createServiceRule(request.code(), request.name(), request.description()));
  }

  @GetMapping("/managers")
  @Operation(summary = "The reseller's managers, ACTIVE and INACTIVE (ACC-4)")
  public List<ManagerView> managers() {
    return referenceData.managers().stream().map(ManagerView::of).toList();
  }

  @PostMapping("/managers")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a manager (ACTIVE unless told otherwise)")
  public ManagerView createManager(@Valid @RequestBody NewManager request) {
    return ManagerView.of(referenceData.createManager(request.name(), request.email(), request.userId(),
        request.status()));
  }

  @PutMapping("/managers/{id}/status")
  @Operation(summary = "Activate or deactivate a manager")
  public ManagerView managerStatus(@PathVariable Long id, @Valid @RequestBody ManagerStatusChange change) {
    return ManagerView.of(referenceData.setManagerStatus(id, change.status()));
  }
}
