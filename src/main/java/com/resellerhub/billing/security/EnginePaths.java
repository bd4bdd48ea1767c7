package com.resellerhub.billing.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request goes among Camunda's HTTP surfaces, read from the container's decoded path (so {@code %63omplete}
 * is {@code complete}, as Jersey sees it), with the engine prefix taken off: {@code /engine-rest/task/1/complete},
 * {@code /engine-rest/engine/default/task/1/complete} and {@code /camunda/api/engine/engine/default/task/1/complete}
 * are all the resource {@code /task/1/complete} of the engine API.
 */
public final class EnginePaths {

  /** Which surface: Camunda's REST API, the webapps' copy of it, a webapp plugin API, or the webapps' login. */
  public enum Surface { ENGINE_REST, WEBAPP_ENGINE, WEBAPP_PLUGIN, WEBAPP_AUTH }

  /**
   * A request to one of Camunda's surfaces.
   *
   * @param resource the path within the engine API ({@code /task/1/complete}), or within the plugin API
   *     ({@code /cockpit/plugin/base/default/process-instance}); lower case, no trailing slash
   * @param raw the same path as sent (case kept), for reading ids out of it
   */
  public record EnginePath(Surface surface, String resource, String raw) {

    public boolean matches(String regex) {
      return resource.matches(regex);
    }
  }

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(/.*)?$");

  private EnginePaths() {}

  /** The request's path within the application, decoded and normalised by the container. */
  public static String decodedPath(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servletPath + pathInfo;
  }

  /** The engine surface {@code request} goes to, or {@code null} when it goes to none. */
  public static EnginePath classify(HttpServletRequest request) {
    return classify(decodedPath(request));
  }

  static EnginePath classify(String path) {
    String raw = trim(path);
    String lowerCase = raw.toLowerCase(Locale.ROOT);
    EnginePath lower = classifyLowerCase(lowerCase);
    if (lower == null) {
      return null;
    }
    String rawResource = lowerCase.length() == raw.length()
        ? raw.substring(raw.length() - lower.resource().length()) : lower.resource();
    return new EnginePath(lower.surface(), lower.resource(), lower.resource().equals("/") ? "/" : rawResource);
  }

  private static EnginePath classifyLowerCase(String p) {
    if (p.equals("/engine-rest") || p.startsWith("/engine-rest/")) {
      String rest = p.substring("/engine-rest".length());
      Matcher named = NAMED_ENGINE.matcher(rest);
      if (named.matches()) {
        rest = named.group(1) == null ? "" : named.group(1);
      }
      return new EnginePath(Surface.ENGINE_REST, rest.isEmpty() ? "/" : rest, null);
    }
    if (p.equals("/camunda/api/engine") || p.startsWith("/camunda/api/engine/")) {
      String rest = p.substring("/camunda/api/engine".length());
      Matcher named = NAMED_ENGINE.matcher(rest);
      if (named.matches() && named.group(1) != null) {
        rest = named.group(1);
      }
      return new EnginePath(Surface.WEBAPP_ENGINE, rest.isEmpty() ? "/" : rest, null);
    }
    if (p.startsWith("/camunda/api/admin/auth/")) {
      return new EnginePath(Surface.WEBAPP_AUTH, p.substring("/camunda/api/admin".length()), null);
    }
    if (p.equals("/camunda/api") || p.startsWith("/camunda/api/")) {
      String rest = p.substring("/camunda/api".length());
      return new EnginePath(Surface.WEBAPP_PLUGIN, rest.isEmpty() ? "/" : rest, null);
    }
    return null;
  }

  private static String trim(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
