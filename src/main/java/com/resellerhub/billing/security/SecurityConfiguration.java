package com.resellerhub.billing.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.web.Problems;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
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
 * Who may reach what (SEC-1, SEC-2, SEC-5). Three doors:
 * <ul>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, stateless HTTP Basic checked here (with the SEC-7 throttle) and
 *       for staff only; {@link EngineApiGuard} then checks each call (SEC-4..SEC-6) and Camunda's filter hands the
 *       user to the engine, whose authorization checks stay on;</li>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin, which log users in themselves (their login page and
 *       static assets are open, their APIs answer 401 without a session; the login form is throttled by
 *       {@link WebappLoginThrottleFilter}); their APIs pass {@link EngineApiGuard} too; the first-admin setup
 *       endpoint is closed, because the admin user is configured;</li>
 *   <li>everything else, our API: stateless HTTP Basic on the same identities, with roles from Camunda groups.</li>
 * </ul>
 * Only the login pages, static webapp assets and {@code /actuator/health} are open. A request the firewall rejects
 * ({@code //}, encoded slashes) is a 400 problem, not a 500.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
    return http.securityMatcher(path("/engine-rest/**"))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // SEC-5: staff only, /engine-rest/engine included; what each may call is EngineApiGuard's.
        .authorizeHttpRequests(a -> a.anyRequest().hasAnyAuthority(Roles.group(Roles.MANAGERS),
            Roles.group(Roles.ANALYSTS), Roles.group(Roles.CAMUNDA_ADMIN)))
        .httpBasic(b -> b.authenticationEntryPoint(problems.entryPoint()))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint())
            .accessDeniedHandler(problems.accessDeniedHandler()))
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

  /** Hands the user Spring Security authenticated to Camunda's REST API, for the engine's authorization checks. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-auth");
    registration.addInitParameter("authentication-provider", SpringSecurityEngineAuthentication.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(GUARD_ORDER + 10);
    return registration;
  }

  /** Runs after Spring Security (order -100), so the Basic-authenticated user is known, and before the engine. */
  static final int GUARD_ORDER = -50;

  /** SEC-4..SEC-6 on both engine surfaces. */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(ObjectMapper objectMapper, ProblemSecurityHandlers problems,
      TaskCompletionGuard completions, FilterService filterService, IdentityService identityService) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(
        new EngineApiGuard(objectMapper, problems, completions, filterService, identityService));
    registration.setName("engine-api-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(GUARD_ORDER);
    return registration;
  }

  /** SEC-7 on the webapps' login form. */
  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle,
      ProblemSecurityHandlers problems) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, problems));
    registration.setName("webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/*");
    registration.setOrder(GUARD_ORDER - 10);
    return registration;
  }

  /**
   * A path with an empty segment ({@code /camunda//api/admin/setup/...}) is a 400 problem before anything else
   * reads it: the container merges the slashes for its servlet mapping, but Spring's request-path parsing and
   * Camunda's Jersey servlets do not, and answered 500 with a stack trace in the log.
   */
  @Bean
  FilterRegistrationBean<org.springframework.web.filter.OncePerRequestFilter> emptyPathSegments(
      ProblemSecurityHandlers problems) {
    FilterRegistrationBean<org.springframework.web.filter.OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new org.springframework.web.filter.OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
              jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
              throws jakarta.servlet.ServletException, java.io.IOException {
            String uri = request.getRequestURI();
            if (uri != null && uri.contains("//")) {
              problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "path", "rejected-path",
                  "The request path has an empty segment (//)"));
              return;
            }
            chain.doFilter(request, response);
          }
        });
    registration.setName("empty-path-segments");
    registration.addUrlPatterns("/*");
    // before Spring Security's filter chain (order -100)
    registration.setOrder(-110);
    return registration;
  }

  /** A request the firewall refuses (a double slash, an encoded slash, a semicolon) is a 400 problem. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemSecurityHandlers problems) {
    return (request, response, e) -> problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "path",
        "rejected-path", "The request path is not accepted (double slash, encoded slash or similar)"));
  }
}
