package com.resellerhub.billing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning feature, and only that feature's SQL names it: the SQL of each {@code *Rows} and
 * {@code *Queries} class under {@code src/main/java} (its string literals, joined as the code concatenates them) may
 * read or write ({@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code DELETE FROM}) only tables of the
 * class's own top-level feature package. What a feature needs of another's tables it asks that feature's service.
 *
 * <p>The owner of a table is the feature of the JPA entity that maps it ({@code @Table}, or the
 * {@code @CollectionTable} of an entity's collection), else {@link #WITHOUT_ENTITY}; every table the Liquibase
 * changelogs create must have one. The process engine's tables ({@code ACT_*}) belong to no feature.
 */
class SqlOwnershipTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final Path FEATURES = MAIN.resolve("com/resellerhub/billing");
  private static final Path CHANGELOGS = Path.of("src/main/resources/db/changelog");

  /** Tables no entity maps, with their owning feature. */
  static final Map<String, String> WITHOUT_ENTITY = Map.of(
      "ledger_account", "ledger", // the running totals: written and read only by ledger.LedgerRows
      "postpay_act_line", "payment"); // the subscriptions' periods an act bills: payment.PaymentRows

  private static final String ENGINE = "the process engine (Camunda)";

  private static final Pattern TABLE_ANNOTATION = Pattern.compile(
      "@(?:Table|CollectionTable|JoinTable)\\s*\\(\\s*name\\s*=\\s*\"([A-Za-z0-9_]+)\"");
  private static final Pattern RENAME_TABLE = Pattern.compile(
      "renameTable\\s+oldTableName=\"([A-Za-z0-9_]+)\"\\s+newTableName=\"([A-Za-z0-9_]+)\"");
  private static final Pattern CREATE_TABLE = Pattern.compile("createTable\\s+tableName=\"([A-Za-z0-9_]+)\"");
  private static final Pattern TABLE_REFERENCE = Pattern.compile(
      "\\b(FROM|JOIN|INTO|UPDATE)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
  /** After {@code FROM t [alias]}: {@code , t2 [alias]} (an old-style join). */
  private static final Pattern LISTED_TABLE = Pattern.compile(
      "\\G(?:\\s+(?:AS\\s+)?"
          + "(?!(?:WHERE|JOIN|LEFT|RIGHT|INNER|OUTER|CROSS|ON|GROUP|ORDER|LIMIT|FOR|UNION|HAVING)\\b)"
          + "[A-Za-z_][A-Za-z0-9_]*)?\\s*,\\s*([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
  /** Words that follow FROM/INTO/UPDATE without naming a table (a row lock, a subquery, the next statement). */
  private static final Set<String> NOT_TABLES = Set.of("select", "set", "where", "values", "dual", "lateral");

  @Test
  void everyTableOfTheChangelogsHasOneOwner() {
    Map<String, String> owners = owners();
    Set<String> withoutOwner = new TreeSet<>(changelogTables());
    withoutOwner.removeAll(owners.keySet());
    assertThat(withoutOwner).as("tables the changelogs create that no entity maps and %s does not name: give each"
        + " an owner", "WITHOUT_ENTITY").isEmpty();
  }

  @Test
  void rowsAndQueriesClassesNameOnlyTheirOwnFeaturesTables() {
    Map<String, String> owners = owners();
    List<Path> classes = sqlClasses();
    assertThat(classes).as("the *Rows and *Queries classes").isNotEmpty();
    List<String> violations = new ArrayList<>();
    for (Path file : classes) {
      String feature = feature(file);
      String className = feature + "." + file.getFileName().toString().replace(".java", "");
      for (String table : tables(sql(read(file)))) {
        String owner = table.toLowerCase(Locale.ROOT).startsWith("act_") ? ENGINE
            : owners.get(table.toLowerCase(Locale.ROOT));
        if (owner == null) {
          violations.add(className + " names table " + table + ", which no feature owns (not created by the"
              + " changelogs, mapped by no entity, not in WITHOUT_ENTITY)");
        } else if (!owner.equals(feature)) {
          violations.add(className + " names table " + table + ", owned by " + owner
              + ": ask a public (bulk) method of " + owner + "'s service instead");
        }
      }
    }
    assertThat(violations).as("SQL that crosses feature lines").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Table (lower case) -> owning feature. */
  static Map<String, String> owners() {
    Map<String, String> owners = new TreeMap<>(WITHOUT_ENTITY);
    for (Path file : javaFiles(FEATURES)) {
      Matcher m = TABLE_ANNOTATION.matcher(read(file));
      while (m.find()) {
        String table = m.group(1).toLowerCase(Locale.ROOT);
        String previous = owners.put(table, feature(file));
        assertThat(previous).as("table %s has one owner (%s maps it, %s owned it already)", table, file, previous)
            .isIn(null, feature(file));
      }
    }
    return owners;
  }

  static Set<String> changelogTables() {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.walk(CHANGELOGS)) {
      files.filter(f -> f.toString().endsWith(".xml")).forEach(f -> {
        Matcher m = CREATE_TABLE.matcher(read(f));
        while (m.find()) {
          tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a renamed table counts under its new name (012-billing-day-names: auto_debit_* -> billing_day_*)
    try (Stream<Path> files = Files.walk(CHANGELOGS)) {
      files.filter(f -> f.toString().endsWith(".xml")).forEach(f -> {
        Matcher m = RENAME_TABLE.matcher(read(f));
        while (m.find()) {
          tables.remove(m.group(1).toLowerCase(Locale.ROOT));
          tables.add(m.group(2).toLowerCase(Locale.ROOT));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(tables).as("tables of %s", CHANGELOGS).isNotEmpty();
    return tables;
  }

  static List<Path> sqlClasses() {
    return javaFiles(FEATURES).stream().filter(f -> {
      String name = f.getFileName().toString();
      return name.endsWith("Rows.java") || name.endsWith("Queries.java");
    }).toList();
  }

  /** The top-level feature package of a file under {@code com/resellerhub/billing}. */
  static String feature(Path file) {
    return FEATURES.relativize(file).getName(0).toString();
  }

  /** The tables the SQL reads or writes. */
  static Set<String> tables(String sql) {
    // a row lock is no table (and "... FOR UPDATE" may be followed by the next statement's text)
    String text = sql.replaceAll("(?i)\\bFOR\\s+UPDATE\\b", "FOR_LOCK");
    Set<String> tables = new TreeSet<>();
    Matcher m = TABLE_REFERENCE.matcher(text);
    while (m.find()) {
      add(tables, m.group(2));
      if (m.group(1).equalsIgnoreCase("FROM")) {
        Matcher listed = LISTED_TABLE.matcher(text);
        listed.region(m.end(), text.length());
        while (listed.find()) {
          add(tables, listed.group(1));
          listed.region(listed.end(), text.length());
        }
      }
    }
    return tables;
  }

  private static void add(Set<String> tables, String word) {
    if (!NOT_TABLES.contains(word.toLowerCase(Locale.ROOT))) {
      tables.add(word);
    }
  }

  /**
   * The text of the source's string literals (and text blocks), joined with a space in their order: what the code
   * concatenates into its SQL. Comments and character literals are skipped.
   */
  static String sql(String source) {
    StringBuilder sql = new StringBuilder();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end;
        sql.append(source, i + 3, end).append(' ');
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        StringBuilder literal = new StringBuilder();
        while (j < n && source.charAt(j) != c) {
          if (source.charAt(j) == '\\' && j + 1 < n) {
            j++;
          }
          literal.append(source.charAt(j));
          j++;
        }
        if (c == '"') {
          sql.append(literal).append(' ');
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return sql.toString();
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
