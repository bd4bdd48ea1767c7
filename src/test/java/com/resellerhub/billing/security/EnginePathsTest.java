package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.security.EnginePaths.Surface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spelling of an engine resource is the same resource to the guard (SEC-4, SEC-5). */
class EnginePathsTest {

  @ParameterizedTest(name = "{0} is {1} {2}")
  @CsvSource({
      "/engine-rest/task/T1/complete, ENGINE_REST, /task/t1/complete, /task/T1/complete",
      "/engine-rest/engine/default/task/T1/complete, ENGINE_REST, /task/t1/complete, /task/T1/complete",
      "/engine-rest/Task/T1/Complete/, ENGINE_REST, /task/t1/complete, /Task/T1/Complete",
      "/engine-rest/engine, ENGINE_REST, /engine, /engine",
      "/engine-rest, ENGINE_REST, /, /",
      "/camunda/api/engine/engine/default/filter/F1/list, WEBAPP_ENGINE, /filter/f1/list, /filter/F1/list",
      "/camunda/api/cockpit/plugin/base/default/process-instance, WEBAPP_PLUGIN, "
          + "/cockpit/plugin/base/default/process-instance, /cockpit/plugin/base/default/process-instance",
      "/camunda/api/admin/auth/user/default/login/tasklist, WEBAPP_AUTH, /auth/user/default/login/tasklist, "
          + "/auth/user/default/login/tasklist"})
  void SEC4_engineResourcesAreNamedTheSameWhateverTheSpelling(String path, Surface surface, String resource,
      String raw) {
    EnginePaths.EnginePath classified = EnginePaths.classify(path);
    assertThat(classified.surface()).isEqualTo(surface);
    assertThat(classified.resource()).isEqualTo(resource);
    assertThat(classified.raw()).isEqualTo(raw);
  }

  @Test
  void ourOwnApiIsNoEngineSurface() {
    assertThat(EnginePaths.classify("/api/operator/accounts")).isNull();
    assertThat(EnginePaths.classify("/camunda/app/tasklist/default/")).isNull();
  }
}
