package com.resellerhub.billing.billingday.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.BillingApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of a billing cluster inside the test JVM: the whole application ({@link BillingApplication}, profiles
 * {@code mysql} and {@code demo}, no webapps, a random port) with its own process engine and job executor on a shared
 * database. Settings are passed as command-line arguments, so they win over the profiles' files.
 */
public final class InJvmNode implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String name;
  private final ConfigurableApplicationContext context;
  private final int port;

  private InJvmNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /**
   * Starts a node with the settings every test node shares ({@link NodeSettings}); {@code extra} ({@code key=value})
   * adds to or overrides them.
   */
  public static InJvmNode start(String name, ClusterDatabase database, String... extra) {
    Map<String, String> settings = NodeSettings.of(name, database);
    settings.put("server.port", "0");
    // closed by the test (SharedCluster), before its database is dropped
    settings.put("spring.main.register-shutdown-hook", "false");
    // one JVM, several engines: each under its own name in Camunda's static registry (no hyphen allowed), so the REST
    // API of a node (/engine-rest/engine/<name>/...) reaches that node's engine
    settings.put("camunda.bpm.process-engine-name", engineName(name));
    settings.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "4");
    NodeSettings.put(settings, extra);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(BillingApplication.class)
        .run(NodeSettings.arguments(settings));
    return new InJvmNode(name, context);
  }

  public String name() {
    return name;
  }

  /** The process engine's name: the node's name without hyphens ({@code node-a} → {@code nodea}). */
  public String engineName() {
    return engineName(name);
  }

  private static String engineName(String nodeName) {
    return nodeName.replace("-", "");
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public ProcessEngine engine() {
    return bean(ProcessEngine.class);
  }

  public JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor();
  }

  /** The lock owner this node's job executor writes on the jobs it acquires. */
  public String lockOwner() {
    return jobExecutor().getLockOwner();
  }

  /** Stops acquiring jobs (jobs already running go on). */
  public void stopAcquiringJobs() {
    jobExecutor().shutdown();
  }

  public void startAcquiringJobs() {
    if (!jobExecutor().isActive()) {
      jobExecutor().start();
    }
  }

  public record Response(int status, String body) {
    public Map<String, Object> json() {
      try {
        return JSON.readValue(body, new TypeReference<>() {});
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }
  }

  /** An HTTP call to this node with Basic authentication as {@code user} (password = user name, the demo's users). */
  public Response call(String user, String method, String path, Object body) {
    return call(port, user, method, path, body);
  }

  public static Response call(int port, String user, String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (user + ":" + user).getBytes(StandardCharsets.UTF_8))).header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
