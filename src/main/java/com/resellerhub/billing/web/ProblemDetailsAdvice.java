package com.resellerhub.billing.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every 4xx and 5xx of our API is an RFC 9457 problem (SEC-3) that names the field and the rule where there is one.
 * Unexpected failures answer 500 without internals; the log has them.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ApiException.class)
  public ResponseEntity<ProblemDetail> api(ApiException e) {
    return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.field(), e.rule(), e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return badRequest(e.getName(), "type", "must be a valid " + type);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  public ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
    List<Problems.FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()),
            ruleName(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), v.getMessage()))
        .collect(Collectors.toList());
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, errors));
  }

  @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
  public ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
    log.info("Concurrent change refused: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, null,
        "concurrent-change", "The data was changed by another request at the same time; try again"));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  public ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    log.info("Data integrity violation: {}", e.getMostSpecificCause().getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, null, "conflict",
        "The request conflicts with existing data (a duplicate or a reference that does not exist)"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  public ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Problems.of(HttpStatus.FORBIDDEN, null, "forbidden", "You may not do this"));
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
        null, "internal", "An unexpected error occurred; it has been logged"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new Problems.FieldError(f.getField(), ruleName(f.getCode()), f.getDefaultMessage()))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
        new Problems.FieldError(g.getObjectName(), ruleName(g.getCode()), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> new Problems.FieldError(
            r.getMethodParameter().getParameterName(), ruleName(err.getCodes() == null ? null : err.getCodes()[0]),
            err.getDefaultMessage())))
        .collect(Collectors.toList());
    if (errors.isEmpty()) {
      return super.handleHandlerMethodValidationException(e, headers, status, request);
    }
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return body(badRequest(path(u), "unknown-field", "is not a field of this request"));
    }
    if (cause instanceof InvalidFormatException f) {
      String type = f.getTargetType() == null ? "value" : f.getTargetType().getSimpleName();
      String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
          ? " (one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()) + ")" : "";
      return body(badRequest(path(f), "type", "must be a valid " + wholeNumber(type) + allowed));
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String type = m.getTargetType() == null ? null : m.getTargetType().getSimpleName();
      String expected = m.getTargetType() != null && m.getTargetType().getPackageName().equals("java.time")
          ? "must be ISO-8601 text (a " + type + ")"
          : type == null ? "has the wrong type" : "has the wrong type: it must be a " + wholeNumber(type);
      return body(badRequest(path(m), "type", expected));
    }
    if (cause instanceof com.fasterxml.jackson.core.JsonParseException p && p.getOriginalMessage() != null) {
      java.util.regex.Matcher duplicate = DUPLICATE_FIELD.matcher(p.getOriginalMessage());
      if (duplicate.find()) {
        String field = duplicate.group(1);
        return body(badRequest(field, "duplicate-key", "is given twice; send each field once"));
      }
    }
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return body(badRequest(path(m), "invalid", "cannot be read: " + m.getOriginalMessage()));
    }
    return body(badRequest("body", "malformed", "The request body is missing or is not valid JSON"));
  }

  /** A required query parameter that is missing: 400 naming it, rule {@code required}. */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return body(badRequest(e.getParameterName(), "required", "is required"));
  }

  /** SEC-8: 404, 405, 406 and 415 of the framework in our wording (no "No static resource ..."). */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      org.springframework.web.servlet.resource.NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(status).headers(headers).body(ErrorWording.problem(status));
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(
      org.springframework.web.servlet.NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(status).headers(headers).body(ErrorWording.problem(status));
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      org.springframework.web.HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ErrorWording.problem(status);
    if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
      problem.setDetail("This path does not accept " + e.getMethod() + "; it accepts "
          + e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    return ResponseEntity.status(status).headers(headers).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      org.springframework.web.HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(status).headers(headers).body(ErrorWording.problem(status));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
      org.springframework.web.HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(status).headers(headers).contentType(
        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(ErrorWording.problem(status));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body == null && statusCode.isError()) {
      body = Problems.of(statusCode, null, null, ex.getMessage());
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private static final java.util.regex.Pattern DUPLICATE_FIELD = java.util.regex.Pattern.compile(
      "Duplicate field '([^']*)'");

  private static String wholeNumber(String type) {
    return switch (type) {
      case "int", "Integer", "long", "Long", "short", "Short" -> "whole number (no fraction)";
      case "boolean", "Boolean" -> "boolean (true or false)";
      default -> type;
    };
  }

  private static ResponseEntity<Object> body(ResponseEntity<ProblemDetail> response) {
    return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
  }

  private static ResponseEntity<ProblemDetail> badRequest(String field, String rule, String message) {
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, field, rule, field + " " + message));
  }

  /** The JSON path of the offending field, e.g. {@code contacts.email} or {@code items[2].amount}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.indexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  /** Bean Validation constraint names as rule codes: NotBlank → required, Size → size, Pattern → pattern. */
  static String ruleName(String code) {
    if (code == null) {
      return "invalid";
    }
    return switch (code) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Size", "Length" -> "size";
      case "Email" -> "email";
      case "Pattern" -> "pattern";
      case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "min";
      case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> "max";
      case "Digits", "CurrencyDigits" -> "digits";
      default -> Character.toLowerCase(code.charAt(0)) + code.substring(1);
    };
  }
}
