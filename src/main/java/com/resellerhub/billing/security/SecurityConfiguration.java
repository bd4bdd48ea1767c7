package com.resellerhub.billing.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what (SEC-1, SEC-2). Three doors:
 * <ul>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic checked by Camunda's own authentication filter
 *       against its identity service, with the engine's authorization checks on;</li>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin, which log users in themselves (their login page and
 *       static assets are open, their APIs answer 401 without a session); the first-admin setup endpoint is
 *       closed, because the admin user is configured;</li>
 *   <li>everything else, our API: stateless HTTP Basic on the same identities, with roles from Camunda groups.</li>
 * </ul>
 * Only the login pages, static webapp assets and {@code /actuator/health} are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/engine-rest/**"))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Authentication is Camunda's filter below; authorization is the engine's own checks.
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http.securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(path("/camunda/**"), path("/")))
        // The webapps have their own CSRF protection and session-based login.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(a -> a
            .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
    return http
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/public/**").permitAll()
            .requestMatchers("/api/operator/**").hasAuthority(Roles.group(Roles.MANAGERS))
            .requestMatchers("/api/customer/**").hasAuthority(Roles.CUSTOMER)
            .requestMatchers("/api/erp/**").hasAuthority(Roles.group(Roles.ERP))
            .requestMatchers("/api/admin/**").hasAuthority(Roles.group(Roles.CAMUNDA_ADMIN))
            .requestMatchers("/actuator/**").hasAnyAuthority(Roles.group(Roles.CAMUNDA_ADMIN),
                Roles.group(Roles.ANALYSTS))
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(problems.entryPoint()))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint())
            .accessDeniedHandler(problems.accessDeniedHandler()))
        .build();
  }

  /**
   * Matches the path within the application, whichever servlet serves it: the webapps' API and the engine's REST
   * API are Jersey servlets, not Spring MVC, so MVC-based matchers would not see them.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  /** HTTP Basic for Camunda's REST API, checked by Camunda against its identity service. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
