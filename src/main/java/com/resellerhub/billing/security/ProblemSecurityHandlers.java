package com.resellerhub.billing.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401, 403 and 429 (a throttled login, SEC-7) as RFC 9457 problems, 401 with the Basic challenge. */
@Component
public class ProblemSecurityHandlers {

  private final ObjectMapper objectMapper;

  public ProblemSecurityHandlers(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> {
      if (e instanceof LoginThrottledException throttled) {
        throttled(response, throttled);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"billing\"");
      write(response, Problems.of(HttpStatus.UNAUTHORIZED, null, "unauthenticated",
          "Authentication is required: use HTTP Basic with your user and password"));
    };
  }

  public AccessDeniedHandler accessDeniedHandler() {
    return (request, response, e) -> write(response, Problems.of(HttpStatus.FORBIDDEN, null, "forbidden",
        "Your role does not allow this"));
  }

  /** 429 with {@code Retry-After}: a login refused unchecked while its user or client is locked (SEC-7). */
  public void throttled(HttpServletResponse response, LoginThrottledException throttled) throws IOException {
    response.setHeader("Retry-After", Long.toString(LoginThrottledException.seconds(throttled.retryAfter())));
    write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, null, "login-throttled", throttled.getMessage()));
  }

  /** Writes {@code problem} as the whole response (also used by the servlet filters of the engine surfaces). */
  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
