package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.security.EngineCallRules.Caller;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SEC-5: who may call what on Camunda's surfaces, decided from the path and the caller's groups alone. */
class EngineCallRulesTest {

  private static Optional<EngineCallRules.Refusal> decide(String groups, String method, String path) {
    Caller caller = new Caller("someone", groups.isEmpty() ? List.of() : List.of(groups.split("\\+")));
    return EngineCallRules.decide(caller, method, EnginePaths.classify(path));
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource({
      // customers and erp: nothing at all, however harmless
      "'', GET, /engine-rest/version, engine-api-staff-only",
      "'', GET, /engine-rest/engine, engine-api-staff-only",
      "erp, GET, /engine-rest/application.wadl, engine-api-staff-only",
      "erp, POST, /engine-rest/task/count, engine-api-staff-only",
      "'', GET, /camunda/api/engine/engine/default/task, engine-api-staff-only",
      "erp, PUT, /engine-rest/user/erp/profile, engine-api-staff-only",
      // analysts read, and search with POST, but create nothing
      "analysts, GET, /engine-rest/task, ok",
      "analysts, POST, /engine-rest/task, ok",
      "analysts, POST, /engine-rest/task/count, ok",
      "analysts, POST, /engine-rest/history/process-instance/count, ok",
      "analysts, POST, /engine-rest/filter/f1/list, ok",
      "analysts, POST, /camunda/api/cockpit/plugin/base/default/process-instance, ok",
      "analysts, POST, /engine-rest/task/t1/comment/create, analysts-read-only",
      "analysts, POST, /engine-rest/task/t1/attachment/create, analysts-read-only",
      "analysts, POST, /engine-rest/task/t1/identity-links, analysts-read-only",
      "analysts, PUT, /engine-rest/task/t1/variables/accountId, analysts-read-only",
      "analysts, POST, /engine-rest/task/t1/claim, analysts-read-only",
      "analysts, POST, /engine-rest/history/cleanup, analysts-read-only",
      "analysts, PUT, /camunda/api/cockpit/plugin/base/default/x, analysts-read-only",
      "analysts, POST, /camunda/api/engine/engine/default/task/t1/comment/create, analysts-read-only",
      // managers decide tasks, but leave identities, variables and correlation alone
      "managers, POST, /engine-rest/task/t1/claim, ok",
      "managers, POST, /engine-rest/task/t1/complete, ok",
      "managers, POST, /engine-rest/task/t1/comment/create, ok",
      "managers, PUT, /engine-rest/user/manager/profile, identity-admin-only",
      "managers, DELETE, /engine-rest/user/manager, identity-admin-only",
      "managers, PUT, /engine-rest/task/t1/variables/accountId, process-facts-read-only",
      "managers, POST, /engine-rest/task/t1/localVariables, process-facts-read-only",
      "managers, POST, /engine-rest/process-instance/p1/variables, process-facts-read-only",
      "managers, POST, /engine-rest/message, correlation-internal",
      "managers, POST, /engine-rest/task/t1/bpmnError, task-decision-only",
      "managers, POST, /engine-rest/task/t1/bpmnEscalation, task-decision-only",
      "managers, POST, /engine-rest/signal, correlation-internal",
      "managers, POST, /engine-rest/engine/default/message, correlation-internal",
      // closed for everyone
      "managers, POST, /engine-rest/identity/verify, closed",
      "analysts, POST, /engine-rest/identity/verify, closed",
      "camunda-admin, POST, /engine-rest/identity/verify, closed",
      "camunda-admin, POST, /engine-rest/deployment/create, closed",
      "camunda-admin, POST, /engine-rest/deployment/d1/redeploy, closed",
      // the admin administers
      "camunda-admin, PUT, /engine-rest/user/manager/profile, ok",
      "camunda-admin, PUT, /engine-rest/job/j1/retries, ok",
      "analysts+managers, POST, /engine-rest/task/t1/claim, ok",
      // the webapps' login is open
      "'', POST, /camunda/api/admin/auth/user/default/login/tasklist, ok"})
  void SEC5_engineSurfacesServeStaffAndAnalystsOnlyRead(String groups, String method, String path, String rule) {
    Optional<EngineCallRules.Refusal> refusal = decide(groups, method, path);
    if (rule.equals("ok")) {
      assertThat(refusal).isEmpty();
    } else {
      assertThat(refusal).get().satisfies(r -> {
        assertThat(r.rule()).isEqualTo(rule);
        assertThat(r.status().value()).isEqualTo(403);
      });
    }
  }
}
