package com.resellerhub.billing.security;

import com.resellerhub.billing.security.EnginePaths.EnginePath;
import com.resellerhub.billing.security.EnginePaths.Surface;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Who may call what on Camunda's surfaces (SEC-5), decided before the engine sees the request:
 * <ul>
 *   <li>only staff ({@code managers}, {@code analysts}, {@code camunda-admin}); customers and {@code erp} get 403,
 *       {@code /engine-rest/engine} and {@code /version} included;</li>
 *   <li>{@code analysts} (without another staff group) read: GET, and POST only to the query endpoints that Cockpit
 *       and the REST API use to search ({@code /task}, {@code /history/process-instance/count},
 *       {@code /filter/{id}/list}, the Cockpit plugin's queries); no comment, attachment, identity link, variable
 *       or anything else is created;</li>
 *   <li>users, groups, tenants, memberships and authorizations are changed by {@code camunda-admin} only (Camunda
 *       lets any user edit or delete its own user); process and task variables likewise (a manager decides through
 *       the task's form, never by rewriting the process's facts); messages, signals and conditions are ours to
 *       correlate, not a caller's (they also told who has which instance);</li>
 *   <li>closed for everyone: {@code /identity/verify} (a password oracle) and deployments over HTTP (the processes
 *       ship with the application: a deployed BPMN is code).</li>
 * </ul>
 */
public final class EngineCallRules {

  /** A refused call: its status, rule id and a sentence naming no internals. */
  public record Refusal(HttpStatus status, String rule, String message) {}

  /** The caller as the rules need it: its user id and groups. */
  public record Caller(String userId, Collection<String> groups) {
    boolean in(String group) {
      return groups.contains(group);
    }

    boolean isStaff() {
      return in(Roles.MANAGERS) || in(Roles.ANALYSTS) || in(Roles.CAMUNDA_ADMIN);
    }

    boolean isAdmin() {
      return in(Roles.CAMUNDA_ADMIN);
    }

    boolean isReadOnly() {
      return in(Roles.ANALYSTS) && !in(Roles.MANAGERS) && !isAdmin();
    }
  }

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** POSTs that only search: the query resources of the engine API and their counts. */
  private static final String ENGINE_QUERY = "^/(task|process-instance|execution|variable-instance|job"
      + "|external-task|incident|case-instance|case-execution|job-definition|batch)(/count)?$"
      + "|^/history/(?!cleanup$)[a-z-]+(/count)?$"
      + "|^/filter/[^/]+/(list|count|singleresult)$";
  /** The Cockpit plugin API serves searches only (process instances, incidents, statistics). */
  private static final String COCKPIT_QUERY = "^/cockpit/plugin/.*$";

  private static final String IDENTITY = "^/(user|group|tenant|authorization)(/.*)?$";
  private static final String IDENTITY_QUERY = "^/(group|tenant|authorization)(/count)?$";
  private static final String VARIABLES =
      "^/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localvariables)(/.*)?$"
      + "|^/process-instance/variables-async$";
  private static final String CORRELATION = "^/(message|signal|condition)(/.*)?$";
  /** Throwing a BPMN error or escalation from a task ends it without its decision (and writes variables). */
  private static final String TASK_THROW = "^/task/[^/]+/(bpmnerror|bpmnescalation)$";
  private static final String DEPLOYMENT = "^/deployment/(create|[^/]+/redeploy)$";

  private EngineCallRules() {}

  public static Optional<Refusal> decide(Caller caller, String method, EnginePath path) {
    if (path.surface() == Surface.WEBAPP_AUTH) {
      return Optional.empty();
    }
    if (!caller.isStaff()) {
      return refuse("engine-api-staff-only", "Camunda's API serves staff only (managers, analysts, camunda-admin)");
    }
    String m = method.toUpperCase(java.util.Locale.ROOT);
    boolean safe = SAFE_METHODS.contains(m);
    if (path.surface() == Surface.WEBAPP_PLUGIN) {
      if (safe || caller.isAdmin() || caller.in(Roles.MANAGERS)) {
        return Optional.empty();
      }
      return "POST".equals(m) && path.matches(COCKPIT_QUERY) ? Optional.empty()
          : refuse("analysts-read-only", "Analysts read; they change nothing");
    }
    String r = path.resource();
    if (r.equals("/identity/verify")) {
      return refuse("closed", "Password verification is not offered");
    }
    if (!safe && r.matches(DEPLOYMENT)) {
      return refuse("closed", "Processes are deployed with the application, not over HTTP");
    }
    if (safe) {
      return Optional.empty();
    }
    boolean query = "POST".equals(m) && (r.matches(ENGINE_QUERY) || r.matches(IDENTITY_QUERY));
    if (caller.isReadOnly() && !query) {
      return refuse("analysts-read-only", "Analysts read; they change nothing");
    }
    if (caller.isAdmin() || query) {
      return Optional.empty();
    }
    if (r.matches(IDENTITY)) {
      return refuse("identity-admin-only", "Users, groups and authorizations are changed by camunda-admin only");
    }
    if (r.matches(VARIABLES)) {
      return refuse("process-facts-read-only",
          "Process and task variables are not changed over HTTP; decide through the task's form");
    }
    if (r.matches(TASK_THROW)) {
      return refuse("task-decision-only", "A task is decided through its form, not ended by a BPMN error or escalation");
    }
    if (r.matches(CORRELATION)) {
      return refuse("correlation-internal", "Messages, signals and conditions are correlated by the application");
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(String rule, String message) {
    return Optional.of(new Refusal(HttpStatus.FORBIDDEN, rule, message));
  }
}
