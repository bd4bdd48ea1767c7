package com.resellerhub.billing.billingday.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node of the cluster in a JVM of its own: the packaged application ({@code target/billing-workflows-*.jar}, built by
 * {@code package} before failsafe runs) started with {@link ProcessBuilder} on the shared database, its output in a
 * file under {@code target/} for diagnosis. {@link #kill()} is {@code kill -9}: no shutdown hook, no rollback by the
 * application, connections simply cut.
 */
public final class JarNode {

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private JarNode(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The application jar under {@code target/}; fails when {@code package} has not built it. */
  public static Path applicationJar() {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "billing-workflows-*.jar")) {
      found.forEach(jars::add);
    } catch (IOException e) {
      throw new IllegalStateException("No target/ directory: run the ITs through `./mvnw verify`, which packages"
          + " the application jar first", e);
    }
    jars.removeIf(j -> j.getFileName().toString().contains("-sources") || j.getFileName().toString().contains("-plain"));
    if (jars.size() != 1) {
      throw new IllegalStateException("Expected exactly one target/billing-workflows-*.jar (built by `package`),"
          + " found " + jars + ": run the ITs through `./mvnw verify`");
    }
    return jars.get(0);
  }

  public static JarNode start(String name, ClusterDatabase database, String... extra) {
    Path jar = applicationJar();
    int port = freePort();
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Map<String, String> settings = NodeSettings.of(name, database);
    settings.put("server.port", String.valueOf(port));
    NodeSettings.put(settings, extra);
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar",
        jar.toAbsolutePath().toString()));
    command.addAll(List.of(NodeSettings.arguments(settings)));
    Path log = Path.of("target", "cluster-" + name + "-" + System.currentTimeMillis() + ".log").toAbsolutePath();
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new JarNode(name, process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command, e);
    }
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ready when its health endpoint answers 200 (the database, the engine, the web server are up). */
  public boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
    }
    try {
      return call("admin", "GET", "/actuator/health", null).status() == 200;
    } catch (IllegalStateException notYet) {
      return false;
    }
  }

  public InJvmNode.Response call(String user, String method, String path, Object body) {
    return InJvmNode.call(port, user, method, path, body);
  }

  /** {@code kill -9}: the JVM ends at once, in the middle of whatever it does. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " did not die");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
