package com.resellerhub.billing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hibernate must pick the MariaDB dialect for a MariaDB server that Connector/J reports as MySQL 5.5.5. */
class MariaDbAwareDialectResolverTest {

  @Test
  void mariaDbBehindTheMySqlDriverIsRecognisedWithItsRealVersion() {
    var version = MariaDbAwareDialectResolver.mariaDbVersion("5.5.5-10.11.19-MariaDB-0+deb12u1");
    assertThat(version).isNotNull();
    assertThat(version.getDatabaseMajorVersion()).isEqualTo(10);
    assertThat(version.getDatabaseMinorVersion()).isEqualTo(11);
    assertThat(version.getDatabaseMicroVersion()).isEqualTo(19);
  }

  @Test
  void mySqlIsLeftToHibernate() {
    assertThat(MariaDbAwareDialectResolver.mariaDbVersion("8.4.6")).isNull();
    assertThat(MariaDbAwareDialectResolver.mariaDbVersion(null)).isNull();
  }
}
