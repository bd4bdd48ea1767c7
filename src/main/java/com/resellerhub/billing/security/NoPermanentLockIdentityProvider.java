package com.resellerhub.billing.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's database identity provider without its own login lock (SEC-7). Camunda 7.24.0 counts failed passwords
 * per user in {@code ACT_ID_USER}, delays that user's next logins and, after {@code loginMaxAttempts} (10), locks it
 * for good until an admin unlocks it; anonymous callers could do that to anyone, {@code admin} included. Here a
 * user is never locked by the engine: {@link LoginThrottle} throttles failed logins at every door instead, with a
 * bounded lock. Passwords are still checked (and hashed) by Camunda.
 */
public class NoPermanentLockIdentityProvider extends DbIdentityServiceProvider {

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // Counted by LoginThrottle, not in the engine's table.
  }

  /** Installs the provider into the process engine. */
  @Component
  public static class Plugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setIdentityProviderSessionFactory(
          new GenericManagerFactory(NoPermanentLockIdentityProvider.class));
    }
  }
}
