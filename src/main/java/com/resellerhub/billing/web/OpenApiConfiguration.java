package com.resellerhub.billing.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of our own API (OPS-4), served at {@code /v3/api-docs} (everything) and
 * {@code /v3/api-docs/{group}} for the audiences of SEC-2: {@code operator}, {@code customer}, {@code erp},
 * {@code admin}. Swagger UI ({@code /swagger-ui.html}) offers the groups in its drop-down. Every operation uses
 * HTTP Basic against the users of Camunda's identity service; both need authentication (SEC-1). Camunda's own REST
 * API ({@code /engine-rest}) is JAX-RS and documented by Camunda, not here.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  public static final String SECURITY_SCHEME = "basicAuth";
  /** Who am I: every audience may call it. */
  private static final String ME = "/api/me";

  @Bean
  OpenAPI billingOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Billing workflows API").version("v1")
            .description("Accounts, plans, orders and settings of a reseller's customers. HTTP Basic with the "
                + "demo users (manager/manager, customer/customer, erp/erp, admin/admin). Camunda's own REST API "
                + "is at /engine-rest: https://docs.camunda.org/rest/camunda-bpm-platform/7.24/"))
        .components(new Components().addSecuritySchemes(SECURITY_SCHEME, basic()))
        .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
  }

  @Bean
  GroupedOpenApi operatorApi() {
    return group("operator", "Managers (group managers): accounts, plans, orders, settings, reference data",
        "/api/operator/**", ME);
  }

  @Bean
  GroupedOpenApi customerApi() {
    return group("customer", "Customers (users linked to an account): own account, plans, orders",
        "/api/customer/**", "/api/public/**", ME);
  }

  @Bean
  GroupedOpenApi erpApi() {
    return group("erp", "The ERP integration (group erp)", "/api/erp/**", ME);
  }

  @Bean
  GroupedOpenApi adminApi() {
    return group("admin", "Administrators (group camunda-admin): the adjustable clock", "/api/admin/**", ME);
  }

  private static GroupedOpenApi group(String name, String description, String... paths) {
    OpenApiCustomizer secured = openApi -> {
      // A new Info: the base one may be shared between the groups.
      openApi.setInfo(new Info().title("Billing workflows API: " + name).version("v1").description(description));
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSecuritySchemes(SECURITY_SCHEME, basic());
      if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
        openApi.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
      }
    };
    return GroupedOpenApi.builder().group(name).displayName(name).pathsToMatch(paths)
        .addOpenApiCustomizer(secured).build();
  }

  private static SecurityScheme basic() {
    return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
        .description("A user of Camunda's identity service (the same login as Tasklist and Cockpit)");
  }
}
