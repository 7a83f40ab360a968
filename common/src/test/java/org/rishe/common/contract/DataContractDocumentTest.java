package org.rishe.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The data contract a user reads, docs/data-contract.md, lists the columns the code accepts: for
 * every {@link Entity} the document has a section headed {@code ## <file name>} whose column table
 * (the first table in the section whose header starts with {@code column}) names exactly that
 * entity's fields and the columns it accepts but drops at ingest ({@link Entity#droppedColumns()}),
 * each as {@code `name`} in the first cell. A column added to {@code Entity.java} without its line
 * in the document, or a documented column the code does not know, fails here.
 */
class DataContractDocumentTest {
  private static final Pattern COLUMN_NAME = Pattern.compile("`([^`]+)`");

  private static Path root() {
    String configured = System.getProperty("rishe.root");
    Path root = configured == null ? Path.of("..") : Path.of(configured);
    return root.toAbsolutePath().normalize();
  }

  @Test
  void everyEntityHasASectionWhoseTableListsExactlyItsColumns() {
    Path document = root().resolve("docs/data-contract.md");
    assertThat(document).as("the data contract").isRegularFile();
    Map<String, List<String>> documented = columnTables(read(document));

    List<String> mismatches = new ArrayList<>();
    for (Entity entity : Entity.values()) {
      List<String> columns = documented.get(entity.fileName());
      if (columns == null) {
        mismatches.add(
            entity.fileName()
                + ": no section '## "
                + entity.fileName()
                + "' with a table whose header starts with 'column'");
        continue;
      }
      Set<String> expected = new TreeSet<>(entity.fields().stream().map(Field::name).toList());
      expected.addAll(entity.droppedColumns());
      Set<String> found = new TreeSet<>(columns);
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(found);
      Set<String> extra = new TreeSet<>(found);
      extra.removeAll(expected);
      if (!missing.isEmpty() || !extra.isEmpty()) {
        mismatches.add(
            entity.fileName()
                + ": missing from the document "
                + missing
                + ", in the document but not in Entity."
                + entity.name()
                + " "
                + extra);
      }
      if (columns.size() != found.size()) {
        mismatches.add(entity.fileName() + ": a column is listed twice in " + columns);
      }
    }
    assertThat(mismatches)
        .as("column tables of docs/data-contract.md compared with Entity.java")
        .isEmpty();
  }

  @Test
  void columnTablesAreReadFromTheFirstCellOfTheColumnTableOfEachSection() {
    List<String> markdown =
        List.of(
            "# Contract",
            "| file | key |",
            "| --- | --- |",
            "| `families` | `family_id` |",
            "## families",
            "Some prose with `not_a_column`.",
            "",
            "| column | type | rules |",
            "| --- | --- | --- |",
            "| `family_id` | identifier | key |",
            "| `region` | text | a `code` in the rules is not a column |",
            "",
            "| value | reason |",
            "| --- | --- |",
            "| `30.5` | `invalid_number` |",
            "### families: a subsection stays in the section",
            "## people: who is served",
            "| column | type |",
            "| --- | --- |",
            "| `person_id` | identifier |",
            "| person name | text |",
            "## Bad input",
            "| column | reason |",
            "| --- | --- |",
            "| `line` | `malformed_record` |");

    Map<String, List<String>> tables = columnTables(markdown);

    assertThat(tables)
        .containsOnlyKeys("families", "people", "bad")
        .containsEntry("families", List.of("family_id", "region"))
        .containsEntry("people", List.of("person_id", "person name"));
  }

  /**
   * The column names of each section's column table, by the section's name: the first word of its
   * {@code ##} heading, without backticks or a trailing colon, in lower case. A row whose first
   * cell is not a name in backticks is kept as its raw text, so that it shows up as an extra
   * column.
   */
  static Map<String, List<String>> columnTables(List<String> lines) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    String section = null;
    boolean inColumnTable = false;
    boolean sectionHasTable = false;
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith("## ")) {
        section = sectionName(trimmed.substring(3));
        inColumnTable = false;
        sectionHasTable = tables.containsKey(section);
        continue;
      }
      if (!trimmed.startsWith("|")) {
        inColumnTable = false;
        continue;
      }
      List<String> cells = cells(trimmed);
      if (section == null || cells.isEmpty()) {
        continue;
      }
      if (inColumnTable) {
        if (!cells.get(0).matches("-+:?|:-+:?")) {
          tables.get(section).add(columnName(cells.get(0)));
        }
      } else if (!sectionHasTable && cells.get(0).equalsIgnoreCase("column")) {
        tables.put(section, new ArrayList<>());
        inColumnTable = true;
        sectionHasTable = true;
      }
    }
    return tables;
  }

  private static String sectionName(String heading) {
    String first = heading.trim().split("[\\s:]+", 2)[0];
    return first.replace("`", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> cells(String row) {
    String inner = row.substring(1);
    if (inner.endsWith("|")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("\\|", -1)) {
      cells.add(cell.trim());
    }
    return cells;
  }

  private static String columnName(String cell) {
    Matcher matcher = COLUMN_NAME.matcher(cell);
    return matcher.matches() ? matcher.group(1) : cell;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
