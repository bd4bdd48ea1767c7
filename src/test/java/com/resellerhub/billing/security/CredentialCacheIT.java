package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The memory of verified credentials never outlives a change on this node (issue 16, SEC-1, SEC-2): a password changed
 * through {@code /engine-rest} refuses the old one at once, a removed membership takes its role away at once, a
 * deleted user is refused at once, although each was verified a moment before.
 */
@IntegrationTest
class CredentialCacheIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;

  private String newManager() {
    String id = "cached" + System.nanoTime();
    User user = identity.newUser(id);
    user.setPassword("first-" + id);
    identity.saveUser(user);
    identity.createMembership(id, Roles.MANAGERS);
    return id;
  }

  private int get(String user, String password, String path) {
    return http.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode().value();
  }

  @Test
  void SEC1_aChangedPasswordRefusesTheOldOneAtOnce_thoughItWasJustRemembered() {
    String id = newManager();
    assertThat(get(id, "first-" + id, "/api/me")).isEqualTo(200);
    assertThat(get(id, "first-" + id, "/api/me")).as("remembered").isEqualTo(200);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    int changed = http.withBasicAuth("admin", "admin").exchange("/engine-rest/user/" + id + "/credentials",
        HttpMethod.PUT, new HttpEntity<>(Map.of("password", "second-" + id, "authenticatedUserPassword", "admin"),
            headers), String.class).getStatusCode().value();
    assertThat(changed).isEqualTo(204);
    assertThat(get(id, "first-" + id, "/api/me")).isEqualTo(401);
    assertThat(get(id, "second-" + id, "/api/me")).isEqualTo(200);
  }

  @Test
  void SEC2_aRemovedMembershipOrADeletedUserIsRefusedAtOnce() {
    String id = newManager();
    assertThat(get(id, "first-" + id, "/api/operator/plans")).isEqualTo(200);
    identity.deleteMembership(id, Roles.MANAGERS);
    assertThat(get(id, "first-" + id, "/api/operator/plans")).isEqualTo(403);
    identity.deleteUser(id);
    assertThat(get(id, "first-" + id, "/api/me")).isEqualTo(401);
  }
}
