package com.resellerhub.billing.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda's REST API who the caller is: the user that Spring Security already authenticated with HTTP Basic
 * (our provider, with the SEC-7 throttle), so the password is checked once and the engine's authorizations apply
 * to that user and its groups. Camunda's own {@code HttpBasicAuthenticationProvider} would check it a second time
 * and let {@code /engine-rest/engine} through without any.
 */
public class SpringSecurityEngineAuthentication implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof BillingUser user) {
      AuthenticationResult result = AuthenticationResult.successful(user.getUsername());
      result.setGroups(user.getGroups());
      return result;
    }
    return AuthenticationResult.unsuccessful();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"billing\"");
  }
}
