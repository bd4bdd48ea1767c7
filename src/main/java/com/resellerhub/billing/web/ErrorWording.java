package com.resellerhub.billing.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Our wording of the statuses the framework or the container answer by themselves (SEC-8). */
public final class ErrorWording {

  private ErrorWording() {}

  public static ProblemDetail problem(HttpStatusCode status) {
    return Problems.of(status, null, rule(status), detail(status));
  }

  /** Tomcat's 400 for a request whose headers exceed {@code server.max-http-request-header-size} (8 KB). */
  public static ProblemDetail headersTooLarge() {
    return Problems.of(HttpStatus.BAD_REQUEST, null, "headers-too-large",
        detail(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE));
  }

  static String rule(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "too-large";
      case 415 -> "unsupported-media-type";
      case 431 -> "headers-too-large";
      default -> status.is5xxServerError() ? "internal" : "error";
    };
  }

  static String detail(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "The request could not be read";
      case 401 -> "Authentication is required: use HTTP Basic with your user and password";
      case 403 -> "Your role does not allow this";
      case 404 -> "There is nothing at this path; see /swagger-ui.html for the API";
      case 405 -> "This path does not accept that method";
      case 406 -> "This path cannot answer in the media type asked for; ask for application/json";
      case 413 -> "The request is too large";
      case 415 -> "This path does not accept that content type; send application/json";
      case 431 -> "The request's headers are too large (at most 8 KB)";
      default -> status.is5xxServerError() ? "An unexpected error occurred; it has been logged"
          : HttpStatus.resolve(status.value()) == null ? "The request failed"
          : HttpStatus.resolve(status.value()).getReasonPhrase();
    };
  }
}
