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

/** 401 and 403 of our API as RFC 9457 problems, 401 with the Basic challenge. */
@Component
public class ProblemSecurityHandlers {

  private final ObjectMapper objectMapper;

  public ProblemSecurityHandlers(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"billing\"");
      write(response, Problems.of(HttpStatus.UNAUTHORIZED, null, "unauthenticated",
          "Authentication is required: use HTTP Basic with your user and password"));
    };
  }

  public AccessDeniedHandler accessDeniedHandler() {
    return (request, response, e) -> write(response, Problems.of(HttpStatus.FORBIDDEN, null, "forbidden",
        "Your role does not allow this"));
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
