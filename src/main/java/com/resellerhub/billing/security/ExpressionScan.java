package com.resellerhub.billing.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SEC-4: finds caller-supplied expressions in a request to Camunda's API before the engine evaluates them. Camunda
 * 7.24.0 CE refuses {@code assigneeExpression} and its kind at the top level of an ad-hoc task query, but evaluates
 * them (reflection included) inside {@code orQueries} and in the body that extends a stored filter; no community fix
 * exists. So any field or query parameter whose name contains "expression", at any depth of the JSON body, is
 * refused. The one exception: a {@code camunda-admin} saving a Tasklist filter may use the few expressions
 * Tasklist's filter dialog offers ({@link #SAFE}), which call no method of the caller's choosing.
 */
public final class ExpressionScan {

  /**
   * The identity functions and the date arithmetic of Tasklist's filters, e.g. {@code ${currentUser()}},
   * {@code ${currentUserGroups()}}, {@code ${now()}}, {@code ${dateTime().plusDays(2).toDate()}}.
   */
  public static final Pattern SAFE = Pattern.compile("^\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
      + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\d{1,6}\\))*"
      + "(\\.toDate\\(\\))?)\\s*\\}$");

  private ExpressionScan() {}

  /** The JSON path of the first expression field in {@code body}, if any. */
  public static Optional<String> inBody(JsonNode body, boolean safeAllowed) {
    return scan(body, "", safeAllowed);
  }

  /** The first query parameter of {@code queryString} whose name asks for an expression, if any. */
  public static Optional<String> inQueryString(String queryString) {
    if (queryString == null || queryString.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : queryString.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name;
      try {
        name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = rawName;
      }
      if (asksForExpression(name) || asksForExpression(rawName)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  static boolean asksForExpression(String name) {
    return name.toLowerCase(Locale.ROOT).contains("expression");
  }

  private static Optional<String> scan(JsonNode node, String path, boolean safeAllowed) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (asksForExpression(field.getKey())) {
          JsonNode value = field.getValue();
          boolean safe = safeAllowed && (value.isNull() || (value.isTextual() && SAFE.matcher(value.asText()).matches()));
          if (!safe) {
            return Optional.of(fieldPath);
          }
        }
        Optional<String> inner = scan(field.getValue(), fieldPath, safeAllowed);
        if (inner.isPresent()) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> inner = scan(node.get(i), path + "[" + i + "]", safeAllowed);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
