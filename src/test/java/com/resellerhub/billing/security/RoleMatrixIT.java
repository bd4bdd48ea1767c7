package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.AntPathMatcher;

/**
 * SEC-1 and SEC-2 for every operation of our API, generated from the OpenAPI document ({@code /v3/api-docs}): without
 * credentials each answers 401, and each demo role that must not call it answers 403, both as RFC 9457 problems. The
 * expected roles come from {@link #MATRIX}, by path; an operation the matrix does not classify fails the test, so a
 * new endpoint or a new API area cannot ship unguarded or unnoticed.
 *
 * <p>Path variables are filled with a plausible value of their schema type ({@code 1} mostly) and bodies are an
 * empty JSON object: Spring Security decides before a controller reads anything. The role that may call an
 * operation is not sent the request at all (its fake body proves nothing, and {@code POST}s of the admin API would
 * move the clock or start runs under other tests). Only correct passwords are sent (a wrong one counts towards the
 * SEC-7 login throttle); unauthenticated means no {@code Authorization} header.
 */
@IntegrationTest
class RoleMatrixIT {

  /** The demo users (password = user id), one per role. */
  private static final List<String> ROLES = List.of("manager", "customer", "erp", "admin", "analyst");
  private static final Set<String> EVERYONE = Set.copyOf(ROLES);
  private static final AntPathMatcher PATHS = new AntPathMatcher();

  /**
   * Who may call what (SEC-2), mirroring {@link SecurityConfiguration}; the first area that matches wins.
   * {@code open}: no login needed (SEC-1), so no 401 is expected.
   */
  private static final List<Area> MATRIX = List.of(
      new Area("POST", "/api/public/**", true, EVERYONE),
      new Area(null, "/error", true, EVERYONE),
      new Area(null, "/actuator/health", true, EVERYONE),
      new Area(null, "/actuator/health/**", true, EVERYONE),
      new Area(null, "/actuator/**", false, Set.of("admin", "analyst")),
      new Area(null, "/api/me", false, EVERYONE),
      new Area(null, "/api/operator/**", false, Set.of("manager")),
      new Area(null, "/api/customer/**", false, Set.of("customer")),
      new Area(null, "/api/erp/**", false, Set.of("erp")),
      new Area(null, "/api/admin/**", false, Set.of("admin")));

  /** An area of the API: an Ant-style path pattern, optionally only for one method, and the roles allowed in. */
  record Area(String method, String pattern, boolean open, Set<String> allowed) {
    boolean matches(String requestMethod, String path) {
      return (method == null || method.equals(requestMethod)) && PATHS.match(pattern, path);
    }
  }

  /** The keys of an OpenAPI path item that are operations. */
  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void SEC1_SEC2_everyOperationOfTheApiDocsIsGuardedForEveryRole() throws Exception {
    for (String role : ROLES) {
      // Else every 403 below would be a 401 and the matrix would say nothing.
      assertThat(http.withBasicAuth(role, role).getForEntity("/api/me", String.class).getStatusCode().value())
          .as("%s logs in", role).isEqualTo(200);
    }
    ResponseEntity<String> docs = http.withBasicAuth("admin", "admin").getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode().value()).as("GET /v3/api-docs as admin").isEqualTo(200);
    JsonNode paths = json.readTree(docs.getBody()).path("paths");

    int operations = 0;
    int requests = 0;
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, JsonNode> pathEntry : paths.properties()) {
      String path = pathEntry.getKey();
      JsonNode item = pathEntry.getValue();
      for (Map.Entry<String, JsonNode> operationEntry : item.properties()) {
        if (!OPERATIONS.contains(operationEntry.getKey())) {
          continue; // parameters, summary, servers...
        }
        operations++;
        String method = operationEntry.getKey().toUpperCase(Locale.ROOT);
        JsonNode operation = operationEntry.getValue();
        String name = method + " " + path;
        Optional<Area> area = MATRIX.stream().filter(a -> a.matches(method, path)).findFirst();
        if (area.isEmpty()) {
          mismatches.add(name + ": unclassified endpoint: add it to the matrix of RoleMatrixIT");
          continue;
        }
        if (method.equals("TRACE")) {
          continue; // Tomcat refuses TRACE (allowTrace=false) before any filter: nothing reaches our code.
        }
        String uri = fill(path, item, operation);
        boolean body = WITH_BODY.contains(method) || operation.has("requestBody");
        if (!area.get().open()) {
          requests++;
          expect(mismatches, "SEC1 " + name + ": unauthenticated", send(null, method, uri, body), 401);
        }
        for (String role : ROLES) {
          if (!area.get().allowed().contains(role)) {
            requests++;
            expect(mismatches, "SEC2 " + name + ": " + role, send(role, method, uri, body), 403);
          }
        }
      }
    }

    assertThat(operations).as("operations in /v3/api-docs").isGreaterThanOrEqualTo(30);
    assertThat(requests).as("requests that must be refused").isGreaterThanOrEqualTo(30);
    assertThat(mismatches).withFailMessage("%d of %d operations' answers break the role matrix (%d requests):%n%s",
        mismatches.size(), operations, requests, String.join(System.lineSeparator(), mismatches)).isEmpty();
  }

  private static void expect(List<String> mismatches, String what, Answer answer, int status) {
    if (answer.status() != status) {
      mismatches.add(what + " answered " + answer.status() + ", expected " + status);
    } else if (answer.contentType() == null
        || !MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(answer.contentType())) {
      mismatches.add(what + " answered " + status + " as " + answer.contentType() + ", expected "
          + MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
  }

  record Answer(int status, MediaType contentType) {}

  /** One request, as {@code user} (password = user id) or without credentials ({@code user == null}). */
  private Answer send(String user, String method, String uri, boolean body) throws Exception {
    if (method.equals("PATCH")) {
      // TestRestTemplate cannot send PATCH when its request factory is HttpURLConnection's: send it directly.
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
          .method(method, body ? BodyPublishers.ofString("{}") : BodyPublishers.noBody());
      if (body) {
        request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
      }
      if (user != null) {
        request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
      }
      var response = client.send(request.build(), BodyHandlers.discarding());
      return new Answer(response.statusCode(), response.headers().firstValue(HttpHeaders.CONTENT_TYPE)
          .map(MediaType::parseMediaType).orElse(null));
    }
    HttpHeaders headers = new HttpHeaders();
    if (body) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    TestRestTemplate as = user == null ? http : http.withBasicAuth(user, user);
    ResponseEntity<String> response = as.exchange(uri, HttpMethod.valueOf(method),
        new HttpEntity<>(body ? "{}" : null, headers), String.class);
    return new Answer(response.getStatusCode().value(), response.getHeaders().getContentType());
  }

  /** The path with each variable replaced by a plausible value of its schema ({@code 1} when unknown). */
  private static String fill(String path, JsonNode item, JsonNode operation) {
    Map<String, String> values = new HashMap<>();
    for (JsonNode parameters : List.of(item.path("parameters"), operation.path("parameters"))) {
      for (JsonNode parameter : parameters) {
        if ("path".equals(parameter.path("in").asText())) {
          values.put(parameter.path("name").asText(), sample(parameter.path("schema")));
        }
      }
    }
    Matcher variable = PATH_VARIABLE.matcher(path);
    StringBuilder filled = new StringBuilder();
    while (variable.find()) {
      variable.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(variable.group(1), "1")));
    }
    variable.appendTail(filled);
    return filled.toString();
  }

  private static String sample(JsonNode schema) {
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0).asText();
    }
    JsonNode typeNode = schema.path("type");
    String type = typeNode.asText();
    if (typeNode.isArray()) { // OpenAPI 3.1: ["integer", "null"]
      type = "";
      for (JsonNode t : typeNode) {
        if (!"null".equals(t.asText())) {
          type = t.asText();
          break;
        }
      }
    }
    return switch (type) {
      case "boolean" -> "true";
      case "string" -> switch (schema.path("format").asText()) {
        case "date" -> "2025-01-15";
        case "date-time" -> "2025-01-15T00:00:00Z";
        case "uuid" -> "00000000-0000-0000-0000-000000000001";
        default -> "1";
      };
      default -> "1"; // integer, number, unknown
    };
  }
}
