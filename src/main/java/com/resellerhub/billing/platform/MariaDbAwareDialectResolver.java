package com.resellerhub.billing.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * MySQL Connector/J reports a MariaDB server as "MySQL 5.5.5-10.11.x-MariaDB", which Hibernate would treat as an
 * unsupported MySQL 5.5. This resolver recognises the MariaDB suffix and picks the MariaDB dialect with the real
 * server version; for anything else it returns null so Hibernate's standard resolution applies. Registered with
 * {@code hibernate.dialect_resolvers}.
 */
public class MariaDbAwareDialectResolver implements DialectResolver {

  private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?-MariaDB",
      Pattern.CASE_INSENSITIVE);

  @Override
  public Dialect resolveDialect(DialectResolutionInfo info) {
    DatabaseVersion version = mariaDbVersion(info.getDatabaseVersion());
    return version == null ? null : new MariaDBDialect(version);
  }

  /** The MariaDB version inside a product version string, or null when the server is not MariaDB. */
  static DatabaseVersion mariaDbVersion(String productVersion) {
    if (productVersion == null) {
      return null;
    }
    Matcher m = MARIADB_VERSION.matcher(productVersion);
    if (!m.find()) {
      return null;
    }
    int micro = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return DatabaseVersion.make(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), micro);
  }
}
