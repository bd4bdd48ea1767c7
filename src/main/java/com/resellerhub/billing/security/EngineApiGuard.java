package com.resellerhub.billing.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.security.EngineCallRules.Caller;
import com.resellerhub.billing.security.EnginePaths.EnginePath;
import com.resellerhub.billing.security.EnginePaths.Surface;
import com.resellerhub.billing.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The guard in front of Camunda's HTTP surfaces ({@code /engine-rest/**} and the webapps' {@code /camunda/api/**}):
 * every request is checked here before the engine sees it, and a refusal is an RFC 9457 problem in our own words.
 * <ol>
 *   <li>SEC-5: who may call what ({@link EngineCallRules});</li>
 *   <li>SEC-4: no caller-supplied expression, in the query string or at any depth of the JSON body
 *       ({@link ExpressionScan}), and no stored filter whose query holds anything but Tasklist's safe expressions;</li>
 *   <li>SEC-6: a task completion sends only the task's decision ({@link TaskCompletionGuard});</li>
 *   <li>and what would let a body be read differently by the engine than here: a duplicate JSON key, a body that
 *       is not JSON, a compressed body, an HTTP method override, a body over 4 MiB.</li>
 * </ol>
 * Engine authorizations stay on behind it; the membership check of task assignments and completions lives in the
 * engine ({@code TaskDecisionGuard}).
 */
public class EngineApiGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineApiGuard.class);
  static final int MAX_BODY = 4 * 1024 * 1024;
  private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STORED_FILTER = Pattern.compile("^/filter/([^/]+)/(list|count|singleresult)$",
      Pattern.CASE_INSENSITIVE);
  /** {@code GET /filter?itemCount=true} and {@code /filter/{id}?itemCount=true} run the filters' queries too. */
  private static final Pattern FILTER_READ = Pattern.compile("^/filter(?:/([^/]+))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILTER_SAVE = Pattern.compile("^/filter/(create|[^/]+)$", Pattern.CASE_INSENSITIVE);
  private static final List<String> OVERRIDE_HEADERS =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  private final ObjectMapper strictJson;
  private final ProblemSecurityHandlers problems;
  private final TaskCompletionGuard completions;
  private final FilterService filterService;
  private final IdentityService identityService;

  public EngineApiGuard(ObjectMapper objectMapper, ProblemSecurityHandlers problems, TaskCompletionGuard completions,
      FilterService filterService, IdentityService identityService) {
    this.strictJson = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build()).enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    this.problems = problems;
    this.completions = completions;
    this.filterService = filterService;
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return EnginePaths.classify(request) == null;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EnginePath path = EnginePaths.classify(request);
    if (path == null || path.surface() == Surface.WEBAPP_AUTH) {
      chain.doFilter(request, response);
      return;
    }
    Caller caller = caller(request, path);
    if (caller == null) {
      // Not logged in: /engine-rest never gets here (HTTP Basic is required before), the webapps answer 401.
      chain.doFilter(request, response);
      return;
    }
    Optional<EngineCallRules.Refusal> refusal = EngineCallRules.decide(caller, request.getMethod(), path);
    if (refusal.isPresent()) {
      refuse(response, refusal.get().status(), null, refusal.get().rule(), refusal.get().message());
      return;
    }
    for (String header : OVERRIDE_HEADERS) {
      if (request.getHeader(header) != null) {
        refuse(response, HttpStatus.BAD_REQUEST, header, "method-override",
            "Method override headers are not accepted; send the method itself");
        return;
      }
    }
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
      refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding", "content-encoding",
          "Compressed request bodies are not accepted here");
      return;
    }
    Optional<String> queryExpression = ExpressionScan.inQueryString(request.getQueryString());
    if (queryExpression.isPresent()) {
      refuseExpression(response, queryExpression.get(), caller, path);
      return;
    }
    HttpServletRequest forward = request;
    JsonNode body = null;
    String charset = charsetOf(request.getContentType());
    if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
      refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "charset",
          "Request bodies are UTF-8; the charset " + charset + " is not accepted here");
      return;
    }
    if (!isMultipart(request)) {
      byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "body", "size", "The request body is larger than 4 MiB");
        return;
      }
      if (bytes.length > 0) {
        try {
          body = strictJson.readTree(bytes);
          // The engine gets exactly what was checked: the parsed body written again, as UTF-8 JSON.
          bytes = body == null ? new byte[0] : strictJson.writeValueAsBytes(body);
        } catch (IOException e) {
          refuse(response, HttpStatus.BAD_REQUEST, "body", "malformed",
              "The request body is not one valid JSON value (or it repeats a key)");
          return;
        }
        forward = new CachedBody(request, bytes, true);
      } else {
        forward = new CachedBody(request, bytes, false);
      }
    }
    boolean filterSave = caller.isAdmin() && FILTER_SAVE.matcher(path.resource()).matches()
        && !"GET".equalsIgnoreCase(request.getMethod());
    Optional<String> bodyExpression = ExpressionScan.inBody(body, filterSave);
    if (bodyExpression.isPresent()) {
      refuseExpression(response, bodyExpression.get(), caller, path);
      return;
    }
    Matcher storedFilter = STORED_FILTER.matcher(path.raw());
    Matcher filterRead = FILTER_READ.matcher(path.raw());
    boolean counts = filterRead.matches() && request.getQueryString() != null
        && request.getQueryString().toLowerCase(Locale.ROOT).contains("itemcount");
    if ((storedFilter.matches() && hasUnsafeExpression(storedFilter.group(1)))
        || (counts && hasUnsafeExpression(filterRead.group(1)))) {
      refuse(response, HttpStatus.BAD_REQUEST, "filter", "expression-not-allowed",
          "This filter's query holds an expression that is not allowed; a camunda-admin must correct it");
      return;
    }
    Matcher completion = COMPLETION.matcher(path.raw());
    if (completion.matches() && "POST".equalsIgnoreCase(request.getMethod())) {
      Optional<String[]> refused = completions.refusal(completion.group(1), body);
      if (refused.isPresent()) {
        refuse(response, HttpStatus.BAD_REQUEST, refused.get()[0], "not-a-decision", refused.get()[1]);
        return;
      }
    }
    chain.doFilter(forward, response);
  }

  /** The authenticated caller: HTTP Basic (Spring Security) on /engine-rest, the webapps' session on /camunda/api. */
  private Caller caller(HttpServletRequest request, EnginePath path) {
    if (path.surface() == Surface.ENGINE_REST) {
      var authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof BillingUser user) {
        return new Caller(user.getUsername(), user.getGroups());
      }
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    for (UserAuthentication user : authentications.getAuthentications()) {
      Collection<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
      return new Caller(user.getName(), groups);
    }
    return null;
  }

  /** Whether the stored filter {@code filterId} (every filter when null) would evaluate an unsafe expression. */
  private boolean hasUnsafeExpression(String filterId) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      List<Filter> filters = filterId == null ? filterService.createFilterQuery().list()
          : java.util.Collections.singletonList(filterService.getFilter(filterId));
      for (Filter filter : filters) {
        if (filter != null && filter.getQuery() instanceof TaskQueryImpl query) {
          if (unsafe(query)) {
            return true;
          }
          for (TaskQueryImpl or : query.getQueries()) {
            if (unsafe(or)) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (RuntimeException e) {
      return false;
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  private static boolean unsafe(AbstractQuery<?, ?> query) {
    Map<String, String> expressions = query.getExpressions();
    return expressions != null && expressions.values().stream()
        .anyMatch(e -> e != null && !ExpressionScan.SAFE.matcher(e).matches());
  }

  private void refuseExpression(HttpServletResponse response, String field, Caller caller, EnginePath path)
      throws IOException {
    log.warn("SEC-4: refused an expression in {} of {} by {}", field, path.resource(), caller.userId());
    refuse(response, HttpStatus.BAD_REQUEST, field, "expression-not-allowed",
        "Expressions are not accepted in requests; use plain values (" + field + ")");
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String field, String rule, String message)
      throws IOException {
    ProblemDetail problem = Problems.of(status, field, rule, message);
    // Camunda's webapps show the "message" of an error answer.
    problem.setProperty("message", message);
    problems.write(response, problem);
  }

  /** The {@code charset} parameter of a content type, or null. */
  static String charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return p.substring("charset=".length()).replace("\"", "").trim();
      }
    }
    return null;
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /** The request with its body already read, so the engine reads exactly the bytes that were checked. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;
    private final boolean json;

    /** {@code json}: the body is the re-written JSON, so its type is said to be UTF-8 JSON. */
    CachedBody(HttpServletRequest request, byte[] body, boolean json) {
      super(request);
      this.body = body;
      this.json = json;
    }

    @Override
    public String getContentType() {
      return json ? "application/json;charset=UTF-8" : super.getContentType();
    }

    @Override
    public String getCharacterEncoding() {
      return json ? "UTF-8" : super.getCharacterEncoding();
    }

    @Override
    public String getHeader(String name) {
      if (json && "content-type".equalsIgnoreCase(name)) {
        return getContentType();
      }
      if ("content-length".equalsIgnoreCase(name) && super.getHeader(name) != null) {
        return Integer.toString(body.length);
      }
      return super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
      if ((json && "content-type".equalsIgnoreCase(name))
          || ("content-length".equalsIgnoreCase(name) && super.getHeader(name) != null)) {
        return java.util.Collections.enumeration(List.of(getHeader(name)));
      }
      return super.getHeaders(name);
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
