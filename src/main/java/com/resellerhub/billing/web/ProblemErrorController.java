package com.resellerhub.billing.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SEC-8: what the container forwards to {@code /error} (a failure outside our controllers, a 404 of a servlet) is
 * an RFC 9457 problem in our wording, never Spring Boot's default error body. {@code /error} called directly is
 * simply a path that does not exist (404), not a 500.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
      MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.NOT_FOUND;
    }
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    boolean headersTooLarge = status == HttpStatus.BAD_REQUEST && exception instanceof Throwable t
        && t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("header");
    ProblemDetail problem = headersTooLarge ? ErrorWording.headersTooLarge() : ErrorWording.problem(status);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
