package com.resellerhub.billing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The billing day's batched inserts pair each new row with its generated id ({@link Jdbc#generatedIds}, issue 16).
 * On MySQL and MariaDB every integration test of the billing day proves it; here on H2, the embedded default that runs
 * the demo, in its default mode as the application configures it.
 */
class JdbcGeneratedIdsTest {

  private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
      "jdbc:h2:mem:generated-ids;DB_CLOSE_DELAY=-1", "sa", ""));

  private List<Long> insert(List<String> names) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO item (name) VALUES (?)", new String[] {"id"}),
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            ps.setString(1, names.get(i));
          }

          @Override
          public int getBatchSize() {
            return names.size();
          }
        }, keys);
    return Jdbc.generatedIds(keys, names.size());
  }

  @Test
  void PAY1_aBatchedInsertOnH2_givesEachRowItsOwnIdInTheOrderOfTheBatch() {
    jdbc.execute("DROP TABLE IF EXISTS item");
    jdbc.execute("CREATE TABLE item (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
    insert(List.of("before"));
    List<String> names = IntStream.range(0, 1200).mapToObj(i -> "row-" + i).toList();

    List<Long> ids = insert(names);

    assertThat(ids).hasSize(1200).doesNotHaveDuplicates();
    for (int i = 0; i < names.size(); i += 97) {
      assertThat(jdbc.queryForObject("SELECT name FROM item WHERE id = ?", String.class, ids.get(i)))
          .as("row %d has the id returned at its place", i).isEqualTo(names.get(i));
    }
  }

  @Test
  void PAY1_moreRowsThanIdsReturned_isRefused_ratherThanPairRowsWithTheWrongIds() {
    GeneratedKeyHolder keys = new GeneratedKeyHolder(new java.util.ArrayList<>(List.of(java.util.Map.of("id", 1L))));
    assertThatThrownBy(() -> Jdbc.generatedIds(keys, 2)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 rows inserted but 1 generated ids returned");
  }
}
