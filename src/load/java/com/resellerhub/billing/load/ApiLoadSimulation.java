package com.resellerhub.billing.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The customer API under load (issue 16), run by {@code scripts/benchmark-api.sh} against a running application.
 * Arrivals are open-loop (Gatling's open model: a new request every 1/rate seconds whatever the answers take), over
 * {@code load.accounts} customer accounts, each request as a randomly chosen account's owner (HTTP Basic):
 * <ol>
 *   <li><b>seed</b>: creates the accounts through the public APIs (a Camunda user {@code loadNNNN} with password
 *       {@code pw-loadNNNN}, then its account as a manager), four at a time; not measured;</li>
 *   <li><b>warm-up</b>: the mix at {@code load.warm-up-rate} (100) req/s for {@code load.warm-up-seconds} (60), so
 *       that every account's credentials are verified once and the JIT has compiled the paths; not measured;</li>
 *   <li><b>orders@R</b>: {@code POST /api/customer/orders} (the prepaid plan {@code load.plan-id}) at
 *       {@code load.order-rate} req/s;</li>
 *   <li><b>reads@R</b>: the customer's GET paths (account, subscriptions, orders, balance, one at random) at
 *       {@code load.read-rate} req/s;</li>
 *   <li><b>mix@R</b>, for each R of {@code load.mix-rates}: one POST for two GETs at R req/s in all, to find the
 *       highest rate the application sustains.</li>
 * </ol>
 * Requests keep their connections in one pool shared by the virtual users, at most {@code load.connections}
 * (32) at a time, as 32 keep-alive clients would. Every request is checked for its status (201, 200); a failed
 * request is a KO in the report. The figures are read from Gatling's {@code stats.json} by the script.
 */
public class ApiLoadSimulation extends Simulation {

  private static final String BASE_URL = System.getProperty("load.base-url", "http://127.0.0.1:8089");
  private static final int ACCOUNTS = Integer.getInteger("load.accounts", 1000);
  private static final int SECONDS = Integer.getInteger("load.seconds", 30);
  private static final int STEP_SECONDS = Integer.getInteger("load.step-seconds", 15);
  private static final int ORDER_RATE = Integer.getInteger("load.order-rate", 100);
  private static final int READ_RATE = Integer.getInteger("load.read-rate", 200);
  private static final List<Integer> MIX_RATES = Arrays.stream(
      System.getProperty("load.mix-rates", "150,225,300,450,600").split(",")).map(String::trim)
      .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
  private static final int WARM_UP_RATE = Integer.getInteger("load.warm-up-rate", 100);
  private static final int WARM_UP_SECONDS = Integer.getInteger("load.warm-up-seconds", 60);
  private static final int CONNECTIONS = Integer.getInteger("load.connections", 32);
  private static final long PLAN_ID = Long.getLong("load.plan-id", 1L);
  /** Which steps run, in this order: seed, warm-up, orders, reads, mix. */
  private static final List<String> PHASES = Arrays.stream(
      System.getProperty("load.phases", "seed,warm-up,orders,reads,mix").split(",")).map(String::trim).toList();
  private static final String ADMIN = System.getProperty("load.admin", "admin:admin");
  private static final String MANAGER = System.getProperty("load.manager", "manager:manager");
  /** Where to write each step's window (first request sent, last answer received; epoch ms), when set. */
  private static final String WINDOWS_FILE = System.getProperty("load.windows-file", "");
  private static final Map<String, long[]> WINDOWS = new ConcurrentHashMap<>();

  private static String user(int n) {
    return String.format("load%04d", n);
  }

  /** The accounts to create, in order, one each. */
  private static Iterator<Map<String, Object>> newAccounts() {
    AtomicInteger next = new AtomicInteger();
    return Stream.generate(() -> {
      String user = user(next.incrementAndGet());
      return Map.<String, Object>of("user", user, "password", "pw-" + user);
    }).iterator();
  }

  /** A random account's owner for each request. */
  private static Iterator<Map<String, Object>> randomOwners() {
    return Stream.generate(() -> {
      String user = user(ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1));
      return Map.<String, Object>of("user", user, "password", "pw-" + user);
    }).iterator();
  }

  private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
      .acceptHeader("application/json")
      .contentTypeHeader("application/json")
      .shareConnections()
      .maxConnectionsPerHost(CONNECTIONS)
      .disableWarmUp();

  private final ScenarioBuilder seed = scenario("seed").repeat(ACCOUNTS / 4 + (ACCOUNTS % 4 == 0 ? 0 : 1)).on(
      feed(newAccounts())
          .exec(http("seed user").post("/engine-rest/user/create")
              .basicAuth(ADMIN.split(":")[0], ADMIN.split(":")[1])
              .body(StringBody("""
                  {"profile": {"id": "#{user}", "firstName": "Load", "lastName": "Customer",
                   "email": "#{user}@example.org"}, "credentials": {"password": "#{password}"}}"""))
              .check(status().is(204)))
          .exec(http("seed account").post("/api/operator/accounts")
              .basicAuth(MANAGER.split(":")[0], MANAGER.split(":")[1])
              .body(StringBody("""
                  {"accountTypeId": 1, "serviceRuleId": 1, "postpayPermission": "NOT_VERIFIED",
                   "termsAccepted": true,
                   "contacts": {"address": "Hauptstrasse 1, Berlin", "email": "#{user}@example.org"},
                   "signatory": {"firstName": "Load", "lastName": "Customer", "email": "#{user}@example.org"},
                   "owner": {"mode": "EXISTING", "userId": "#{user}"},
                   "extraAttributes": {"passportNumber": "AB123456", "passportIssuedBy": "Berlin"}}"""))
              .check(status().is(201))));

  private static ChainBuilder order(String name) {
    return feed(randomOwners()).exec(http(name).post("/api/customer/orders")
        .basicAuth("#{user}", "#{password}")
        .body(StringBody("{\"planId\": " + PLAN_ID + ", \"trial\": false}"))
        .check(status().is(201)));
  }

  private static ChainBuilder read(String prefix) {
    return feed(randomOwners()).exec(randomSwitch().on(
        percent(25).then(get(prefix, "/api/customer/account")),
        percent(25).then(get(prefix, "/api/customer/subscriptions")),
        percent(25).then(get(prefix, "/api/customer/orders")),
        percent(25).then(get(prefix, "/api/customer/balance"))));
  }

  private static ChainBuilder get(String prefix, String path) {
    return exec(http(prefix + " GET " + path).get(path)
        .basicAuth("#{user}", "#{password}")
        .check(status().is(200)));
  }

  /** One POST for two GETs; the group's figures are the step's. */
  private static ScenarioBuilder mix(String name) {
    return scenario(name).group(name).on(timed(name, exec(randomSwitch().on(
        percent(100.0 / 3).then(order(name + " POST /api/customer/orders")),
        percent(200.0 / 3).then(read(name))))));
  }

  /** The chain, with the step's window widened to its start and its end (for the script's CPU figures). */
  private static ChainBuilder timed(String step, ChainBuilder chain) {
    return exec(session -> {
      mark(step);
      return session;
    }).exec(chain).exec(session -> {
      mark(step);
      return session;
    });
  }

  private static void mark(String step) {
    long now = System.currentTimeMillis();
    WINDOWS.merge(step, new long[] {now, now}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
  }

  /** Writes the steps' windows, one line each: name, start, end (epoch ms). */
  @Override
  public void after() {
    if (WINDOWS_FILE.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    new TreeMap<>(WINDOWS).forEach((step, w) -> lines.append(step).append(' ').append(w[0]).append(' ')
        .append(w[1]).append('\n'));
    try {
      Files.writeString(Path.of(WINDOWS_FILE), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  {
    String ordersStep = "orders@" + ORDER_RATE;
    ScenarioBuilder orders = scenario(ordersStep)
        .group(ordersStep).on(timed(ordersStep, order(ordersStep + " POST /api/customer/orders")));
    String readsStep = "reads@" + READ_RATE;
    ScenarioBuilder reads = scenario(readsStep).group(readsStep).on(timed(readsStep, read(readsStep)));

    // the steps run one after another, each after the previous one's last answer
    List<PopulationBuilder> steps = new ArrayList<>();
    if (PHASES.contains("seed")) {
      steps.add(seed.injectOpen(atOnceUsers(4)));
    }
    if (PHASES.contains("warm-up")) {
      steps.add(mix("warm-up").injectOpen(constantUsersPerSec(WARM_UP_RATE).during(WARM_UP_SECONDS)));
    }
    if (PHASES.contains("orders")) {
      steps.add(orders.injectOpen(nothingFor(2), constantUsersPerSec(ORDER_RATE).during(SECONDS)));
    }
    if (PHASES.contains("reads")) {
      steps.add(reads.injectOpen(nothingFor(2), constantUsersPerSec(READ_RATE).during(SECONDS)));
    }
    if (PHASES.contains("mix")) {
      for (int rate : MIX_RATES) {
        steps.add(mix("mix@" + rate).injectOpen(nothingFor(2), constantUsersPerSec(rate).during(STEP_SECONDS)));
      }
    }
    PopulationBuilder chain = steps.get(steps.size() - 1);
    for (int i = steps.size() - 2; i >= 0; i--) {
      chain = steps.get(i).andThen(chain);
    }
    setUp(chain).protocols(protocol);
  }
}
