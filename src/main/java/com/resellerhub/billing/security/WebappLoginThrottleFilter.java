package com.resellerhub.billing.security;

import com.resellerhub.billing.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) under the same failed-login
 * throttle as HTTP Basic (SEC-7): a locked user or client gets 429 without its password being checked; otherwise
 * Camunda checks it and the outcome is counted (200: success; 401: a wrong password; 403, the right password
 * for a webapp the user may not use, counts as a success).
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {

  static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final LoginThrottle throttle;
  private final ProblemSecurityHandlers problems;

  public WebappLoginThrottleFilter(LoginThrottle throttle, ProblemSecurityHandlers problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(EnginePaths.decodedPath(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The user name counted must be the one Camunda checks: the form body's single "username". A query string would
    // win in getParameter() while Camunda reads the body, so a login with one is refused, as is a repeated name.
    String[] names = request.getParameterValues("username");
    String client = request.getRemoteAddr();
    if (request.getQueryString() != null || names == null || names.length != 1 || names[0].isBlank()) {
      problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "username", "login-form",
          "Log in with one username and password in the form body, and no query string"));
      return;
    }
    String userId = names[0];
    var locked = throttle.lockedFor(userId, client);
    if (locked.isPresent()) {
      problems.throttled(response, new LoginThrottledException(locked.get()));
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(userId, client);
    } else if (status < 300 || status == HttpServletResponse.SC_FORBIDDEN) {
      throttle.succeeded(userId, client);
    }
  }
}
