package com.resellerhub.billing.architecture;

import com.resellerhub.billing.BillingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Spring Modulith's view of the features: each top-level package is a module, its subpackages are its internals. */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(BillingApplication.class);

  @Test
  void modulesHaveNoCycleAndUseOnlyEachOthersPublicApi() {
    MODULES.verify();
  }
}
