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

  // Every change of a user, its password or its groups forgets what VerifiedCredentials remembers of it.

  @Override
  public org.camunda.bpm.engine.impl.identity.IdentityOperationResult saveUser(
      org.camunda.bpm.engine.identity.User user) {
    forget(user.getId());
    return super.saveUser(user);
  }

  @Override
  public org.camunda.bpm.engine.impl.identity.IdentityOperationResult deleteUser(String userId) {
    forget(userId);
    return super.deleteUser(userId);
  }

  @Override
  public org.camunda.bpm.engine.impl.identity.IdentityOperationResult unlockUser(String userId) {
    forget(userId);
    return super.unlockUser(userId);
  }

  @Override
  public org.camunda.bpm.engine.impl.identity.IdentityOperationResult createMembership(String userId,
      String groupId) {
    forget(userId);
    return super.createMembership(userId, groupId);
  }

  @Override
  public org.camunda.bpm.engine.impl.identity.IdentityOperationResult deleteMembership(String userId,
      String groupId) {
    forget(userId);
    return super.deleteMembership(userId, groupId);
  }

  @Override
  public org.camunda.bpm.engine.impl.identity.IdentityOperationResult deleteGroup(String groupId) {
    forget(null);
    return super.deleteGroup(groupId);
  }

  /**
   * Forgets now and again when the change's transaction ends (the engine runs in the Spring transaction), so that a
   * request verified with the old password while the change was being written is not remembered past it.
   */
  private static void forget(String userId) {
    VerifiedCredentials.changedInTransaction(userId);
  }

  /** Installs the provider into the process engine. */
  @Component
  public static class Plugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setIdentityProviderSessionFactory(
          new GenericManagerFactory(NoPermanentLockIdentityProvider.class));
      // writes (users, passwords, memberships) open their own session type: this provider too, so that they forget
      // what VerifiedCredentials remembers
      if (configuration.getCustomSessionFactories() == null) {
        configuration.setCustomSessionFactories(new java.util.ArrayList<>());
      }
      configuration.getCustomSessionFactories().add(new org.camunda.bpm.engine.impl.interceptor.SessionFactory() {
        @Override
        public Class<?> getSessionType() {
          return org.camunda.bpm.engine.impl.identity.WritableIdentityProvider.class;
        }

        @Override
        public org.camunda.bpm.engine.impl.interceptor.Session openSession() {
          return new NoPermanentLockIdentityProvider();
        }
      });
    }
  }
}
