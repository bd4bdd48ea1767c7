package com.resellerhub.billing.billingday.cluster;

import com.resellerhub.billing.support.MySqlTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One throwaway database on the integration tests' MySQL-compatible server ({@link MySqlTestDatabase#server()}),
 * shared by several process engines (in-JVM nodes, a child JVM); dropped on {@link #close()}. Made by
 * {@link MySqlTestDatabase#createDatabase}, so one left behind by a killed run is dropped by its stale-database sweep.
 * Also what the tests need to see inside the server: row locks they hold themselves, and the transactions of this
 * database that wait for a lock.
 */
public final class ClusterDatabase implements AutoCloseable {

  private final MySqlTestDatabase.Server server;
  private final String name;
  private final JdbcTemplate jdbc;

  private ClusterDatabase(MySqlTestDatabase.Server server, String name) {
    this.server = server;
    this.name = name;
    DriverManagerDataSource dataSource = new DriverManagerDataSource(server.urlOf(name), server.user(),
        server.password());
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public static ClusterDatabase create(String purpose) {
    return new ClusterDatabase(MySqlTestDatabase.server(), MySqlTestDatabase.createDatabase(purpose));
  }

  public String name() {
    return name;
  }

  public String url() {
    return server.urlOf(name);
  }

  public String user() {
    return server.user();
  }

  public String password() {
    return server.password();
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /**
   * Runs {@code select ... for update} in a transaction of its own and keeps the rows locked until the returned lock
   * is closed (rolled back): whoever needs those rows meanwhile waits in the database.
   */
  public RowLock lockRows(String selectForUpdate, Object... args) {
    try {
      Connection c = connect();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(selectForUpdate)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        ps.executeQuery().close();
      }
      return new RowLock(c);
    } catch (SQLException e) {
      throw new IllegalStateException(selectForUpdate + ": " + e.getMessage(), e);
    }
  }

  /** A transaction holding row locks; {@link #close()} rolls it back and releases them. */
  public static final class RowLock implements AutoCloseable {
    private final Connection connection;

    private RowLock(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void close() {
      try (connection) {
        connection.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The statements of this database's transactions that are waiting for a row lock right now
   * ({@code information_schema.innodb_trx}, MariaDB and MySQL alike), lower case.
   */
  public List<String> waitingStatements() {
    return jdbc.queryForList("select lower(coalesce(t.trx_query, '')) from information_schema.innodb_trx t"
        + " join information_schema.processlist p on p.id = t.trx_mysql_thread_id where p.db = ?"
        + " and t.trx_state = 'LOCK WAIT'", String.class, name);
  }

  /** How many of this database's transactions wait for a lock in a statement on {@code table}. */
  public long waitingOn(String table) {
    return waitingStatements().stream().filter(q -> q.contains(table.toLowerCase())).count();
  }

  /**
   * Kills the connections of this database's transactions waiting for a row lock right now ({@code KILL CONNECTION},
   * as a database restart or a network cut does to them) and returns their ids.
   */
  public List<Long> killWaitingConnections() {
    List<Long> waiting = jdbc.queryForList("select t.trx_mysql_thread_id from information_schema.innodb_trx t"
        + " join information_schema.processlist p on p.id = t.trx_mysql_thread_id where p.db = ?"
        + " and t.trx_state = 'LOCK WAIT'", Long.class, name);
    for (Long connection : waiting) {
      jdbc.execute("KILL CONNECTION " + connection);
    }
    return waiting;
  }

  /**
   * This database's open transactions right now ({@code information_schema.innodb_trx}), running or waiting: a killed
   * client's transaction stays open (holding its row locks) until the server finds its connection gone.
   */
  public long openTransactions() {
    return jdbc.queryForObject("select count(*) from information_schema.innodb_trx t join"
        + " information_schema.processlist p on p.id = t.trx_mysql_thread_id where p.db = ?", Long.class, name);
  }

  /** Open connections to this database (processlist) other than the one asking. */
  public int otherConnections() {
    return jdbc.queryForObject("select count(*) from information_schema.processlist where db = ?"
        + " and id <> connection_id()", Integer.class, name);
  }

  @Override
  public void close() {
    MySqlTestDatabase.dropDatabase(name);
  }
}
