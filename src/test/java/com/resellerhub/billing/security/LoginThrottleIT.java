package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.support.WebappSession;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SEC-7: an anonymous caller cannot lock anyone out for long, {@code admin} included. Before, ten wrong passwords
 * sent to {@code /api/me}, spaced by Camunda's login delay, locked a user for good ({@code ENGINE-27002}). Now the
 * throttle answers 429 while it holds, on every door (our API, {@code /engine-rest}, the webapps' login), and the
 * lock ends by itself within {@code billing.security.login.max-lock} (15 minutes): the adjustable clock moves past it
 * instead of waiting real minutes.
 */
@IntegrationTest
class LoginThrottleIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired EngineClock clock;
  @Autowired LoginThrottle throttle;
  @LocalServerPort int port;

  @AfterEach
  void forget() {
    clock.reset();
    // The tests all come from 127.0.0.1: forget their failures so no other test finds its client locked.
    throttle.reset();
  }

  private String newUser() {
    String id = "throttled" + System.nanoTime();
    User user = identity.newUser(id);
    user.setPassword(id);
    identity.saveUser(user);
    identity.createMembership(id, Roles.MANAGERS);
    return id;
  }

  private int me(String user, String password) {
    return http.withBasicAuth(user, password).getForEntity("/api/me", String.class).getStatusCode().value();
  }

  @Test
  void SEC7_manyWrongPasswordsLockNobodyForGood_admin() {
    for (int i = 0; i < 12; i++) {
      int status = me("admin", "wrong" + i);
      assertThat(status).isIn(401, 429);
    }
    ResponseEntity<String> locked = http.withBasicAuth("admin", "admin").getForEntity("/api/me", String.class);
    assertThat(locked.getStatusCode().value()).as("the right password waits too").isEqualTo(429);
    assertThat(locked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    long retryAfter = Long.parseLong(locked.getHeaders().getFirst("Retry-After"));
    assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(15).toSeconds());

    clock.set(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));
    assertThat(me("admin", "admin")).as("no lock outlives 15 minutes, and Camunda locked nothing").isEqualTo(200);
    assertThat(identity.createUserQuery().userId("admin").singleResult()).isNotNull();
  }

  @Test
  void SEC7_theLockCoversTheEngineRestApiAndTheWebappsLoginAlike() {
    String user = newUser();
    for (int i = 0; i < 5; i++) {
      assertThat(http.withBasicAuth(user, "wrong").getForEntity("/engine-rest/engine", String.class)
          .getStatusCode().value()).isEqualTo(401);
    }
    assertThat(http.withBasicAuth(user, user).getForEntity("/engine-rest/engine", String.class)
        .getStatusCode().value()).isEqualTo(429);
    assertThat(me(user, user)).isEqualTo(429);
    WebappSession tasklist = WebappSession.login(port, "tasklist", user, user);
    assertThat(tasklist.loginStatus).as("the webapps' login form waits too").isEqualTo(429);

    clock.set(clock.instant().plus(Duration.ofSeconds(31)));
    assertThat(WebappSession.login(port, "tasklist", user, user).loginStatus).isEqualTo(200);
  }

  @Test
  void SEC7_wrongPasswordsInTheWebappsLoginFormCountToo() {
    String user = newUser();
    for (int i = 0; i < 5; i++) {
      assertThat(WebappSession.login(port, "tasklist", user, "wrong").loginStatus).isEqualTo(401);
    }
    assertThat(WebappSession.login(port, "tasklist", user, user).loginStatus).isEqualTo(429);
    assertThat(me(user, user)).isEqualTo(429);
    clock.set(clock.instant().plus(Duration.ofSeconds(31)));
    assertThat(me(user, user)).isEqualTo(200);
  }

  @Test
  void SEC7_theWebappsLoginCountsTheNameCamundaChecks_aQueryStringOrARepeatedNameIsRefused() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
        + "/camunda/app/welcome/default/")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    for (String[] attempt : new String[][] {{"?username=decoy", "username=admin&password=guess"},
        {"", "username=decoy&username=admin&password=guess"}, {"", "password=guess"}}) {
      java.net.http.HttpResponse<String> login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/welcome" + attempt[0]))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(attempt[1])).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(attempt[0] + " " + attempt[1]).isEqualTo(400);
      assertThat(login.body()).contains("login-form");
    }
  }

  @Test
  void SEC7_anotherUserFromTheSameClientIsNotHeldByOnesLock() {
    String victim = newUser();
    String other = newUser();
    for (int i = 0; i < 5; i++) {
      me(victim, "wrong");
    }
    assertThat(me(victim, victim)).isEqualTo(429);
    assertThat(me(other, other)).isEqualTo(200);
  }
}
