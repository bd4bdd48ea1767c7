package com.resellerhub.billing.support;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's history tables at one moment (issue 16, "bounded history"): rows per table, and the server's average
 * row length after {@code ANALYZE TABLE} (an InnoDB estimate). Two snapshots around a benchmark's engine phase give
 * the rows and bytes of history one unit of work (a promise, a billing day, a payment) leaves behind; where other
 * instances may write history meanwhile (the demo data's, the engine's cleanup job), {@link #of} counts only the rows
 * of given instances.
 */
public record HistoryFootprint(Map<String, Long> rows, Map<String, Long> averageRowBytes) {

  public static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST",
      "ACT_HI_DETAIL", "ACT_HI_JOB_LOG", "ACT_HI_TASKINST", "ACT_HI_IDENTITYLINK", "ACT_HI_INCIDENT",
      "ACT_HI_OP_LOG");

  public static HistoryFootprint take(JdbcTemplate jdbc) {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (String table : TABLES) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
      jdbc.queryForList("analyze table " + table);
      Long average = jdbc.queryForObject("select avg_row_length from information_schema.tables where table_schema ="
          + " database() and table_name = ?", Long.class, table);
      bytes.put(table, average == null ? 0 : average);
    }
    return new HistoryFootprint(rows, bytes);
  }

  /**
   * The rows of these root process instances only (by {@code ROOT_PROC_INST_ID_}: their own rows and those of their
   * subprocesses, tasks and jobs; not another instance's, nor the cleanup job's), with this snapshot's average row
   * lengths. {@link #since} a {@link #none()} of it gives their history per unit.
   */
  public HistoryFootprint of(JdbcTemplate jdbc, Collection<String> rootProcessInstanceIds) {
    Map<String, Long> rows = new LinkedHashMap<>();
    String in = String.join(", ", Collections.nCopies(rootProcessInstanceIds.size(), "?"));
    for (String table : TABLES) {
      rows.put(table, rootProcessInstanceIds.isEmpty() ? 0L : jdbc.queryForObject("select count(*) from " + table
          + " where ROOT_PROC_INST_ID_ in (" + in + ")", Long.class, rootProcessInstanceIds.toArray()));
    }
    return new HistoryFootprint(rows, averageRowBytes);
  }

  /** No rows, this snapshot's average row lengths: the footprint of instances before they started. */
  public HistoryFootprint none() {
    Map<String, Long> rows = new LinkedHashMap<>();
    TABLES.forEach(table -> rows.put(table, 0L));
    return new HistoryFootprint(rows, averageRowBytes);
  }

  /** The rows added since {@code before} in all tables. */
  public long rowsSince(HistoryFootprint before) {
    return TABLES.stream().mapToLong(table -> rows.get(table) - before.rows().get(table)).sum();
  }

  /** The history written since {@code before}, per unit: "ACT_HI_ACTINST 6.0, ... = 14.0 rows, about 3.2 kB". */
  public String since(HistoryFootprint before, long units, String unit) {
    StringBuilder text = new StringBuilder();
    double totalRows = 0;
    double totalBytes = 0;
    for (String table : TABLES) {
      double added = (rows.get(table) - before.rows().get(table)) / (double) units;
      if (added > 0) {
        text.append(String.format(Locale.ROOT, "%s %.1f, ", table.substring(7).toLowerCase(Locale.ROOT), added));
        totalRows += added;
        totalBytes += added * averageRowBytes.get(table);
      }
    }
    return String.format(Locale.ROOT, "%s= %.1f rows, about %.1f kB per %s", text, totalRows, totalBytes / 1024,
        unit);
  }
}
