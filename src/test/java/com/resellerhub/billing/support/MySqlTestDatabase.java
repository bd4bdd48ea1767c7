package com.resellerhub.billing.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * Gives each integration-test application context its own throwaway database on a real MySQL-compatible server,
 * and drops it when the context closes (after the engine and the connection pool are gone).
 *
 * <p>The server is a Testcontainers MySQL 8.4 container when a Docker engine is available; otherwise the server at
 * {@code billing.it.jdbc-url} (default {@code jdbc:mysql://127.0.0.1:3306/}, user {@code root}, empty password),
 * e.g. the local MariaDB 10.11 of the development machines and CI. Databases left behind by killed runs are
 * dropped when they are older than a day.
 */
public class MySqlTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(MySqlTestDatabase.class);
  private static final String PREFIX = "billing_it_";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** Server URL ending in '/', user and password; resolved once per JVM. */
  public record Server(String url, String user, String password, String description) {
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    public String urlOf(String database) {
      return url + database + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&rewriteBatchedStatements=true&connectionTimeZone=UTC"
          + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true&useSSL=false";
    }
  }

  private static Server server;

  public static synchronized Server server() {
    if (server == null) {
      server = startServer();
      dropStaleDatabases(server);
    }
    return server;
  }

  private static Server startServer() {
    if (!Boolean.getBoolean("billing.it.no-docker") && dockerAvailable()) {
      MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4").withUsername("root").withPassword("test")
          .withCommand("--transaction-isolation=READ-COMMITTED", "--character-set-server=utf8mb4",
              "--collation-server=utf8mb4_bin");
      mysql.start();
      String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/";
      return new Server(url, "root", "test", "Testcontainers " + mysql.getDockerImageName());
    }
    String url = System.getProperty("billing.it.jdbc-url", "jdbc:mysql://127.0.0.1:3306/");
    if (!url.endsWith("/")) {
      url = url + "/";
    }
    Server local = new Server(url, System.getProperty("billing.it.username", "root"),
        System.getProperty("billing.it.password", ""), "server at " + url);
    try (Connection c = local.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT VERSION()")) {
      rs.next();
      local = new Server(local.url(), local.user(), local.password(), rs.getString(1) + " at " + url);
    } catch (SQLException e) {
      throw new IllegalStateException("No Docker engine and no MySQL-compatible server at " + url
          + " (set -Dbilling.it.jdbc-url): " + e.getMessage(), e);
    }
    return local;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Server s = server();
    String database = createDatabase(null);
    TestPropertyValues.of(
        "spring.datasource.url=" + s.urlOf(database),
        "spring.datasource.username=" + s.user(),
        "spring.datasource.password=" + s.password(),
        "billing.it.database=" + database,
        "billing.it.server=" + s.description()).applyTo(context);
    context.addBeanFactoryPostProcessor(new DropAfterDataSource(s, database));
  }

  /**
   * Creates a throwaway database on {@link #server()}: {@code billing_it_<stamp>[_<purpose>]_<random>}, so a database
   * left behind by a killed run is dropped by the stale-database sweep of a later run.
   */
  public static String createDatabase(String purpose) {
    Server s = server();
    String database = PREFIX + LocalDateTime.now().format(STAMP) + (purpose == null ? "" : "_" + purpose) + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    execute(s, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    log.info("Integration-test database {} on {}", database, s.description());
    return database;
  }

  /** Drops a database made by {@link #createDatabase}. */
  public static void dropDatabase(String database) {
    execute(server(), "DROP DATABASE IF EXISTS " + database);
    log.info("Dropped integration-test database {}", database);
  }

  static void execute(Server s, String sql) {
    try (Connection c = s.connect(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static void dropStaleDatabases(Server s) {
    String dayAgo = LocalDateTime.now().minusDays(1).format(STAMP);
    List<String> stale = new ArrayList<>();
    try (Connection c = s.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW DATABASES LIKE '" + PREFIX + "%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        String stamp = name.substring(PREFIX.length()).split("_")[0];
        if (stamp.compareTo(dayAgo) < 0) {
          stale.add(name);
        }
      }
    } catch (SQLException e) {
      log.warn("Could not list stale test databases: {}", e.getMessage());
    }
    stale.forEach(name -> execute(s, "DROP DATABASE IF EXISTS " + name));
  }

  /**
   * Registers a bean that drops the database on destruction and makes the data source depend on it: Spring
   * destroys dependents first, so the engine and the pool are closed before the database goes.
   */
  private record DropAfterDataSource(Server server, String database) implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
      RootBeanDefinition dropper = new RootBeanDefinition(Dropper.class, () -> new Dropper(server, database));
      registry.registerBeanDefinition("integrationTestDatabaseDropper", dropper);
      if (registry.containsBeanDefinition("dataSource")) {
        registry.getBeanDefinition("dataSource").setDependsOn("integrationTestDatabaseDropper");
      }
    }
  }

  record Dropper(Server server, String database) implements DisposableBean {
    @Override
    public void destroy() {
      dropDatabase(database);
    }
  }
}
