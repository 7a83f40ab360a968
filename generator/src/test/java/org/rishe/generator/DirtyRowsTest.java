package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.catalogue.Catalogue;

/**
 * Checks every row of a dirty batch against the contract independently of the generator, and
 * compares what it finds with the counts the truth file promises.
 */
class DirtyRowsTest {
  private static final double RATE = 0.03;
  private static final Catalogue CATALOGUE = Catalogue.defaultCatalogue();

  @TempDir Path temp;

  @Test
  void everyInjectedRowBreaksExactlyTheRuleTheTruthCounts() {
    Path batch = temp.resolve("dirty");
    BatchSummary summary =
        SyntheticBatchGenerator.generate(
            SyntheticBatchGeneratorTest.config(batch, 800, 5).withDirtyRate(RATE));

    Map<String, Long> found = new HashMap<>();
    Map<String, Set<String>> keysByFile = new HashMap<>();
    long rows = 0;
    for (EntityFile file : EntityFile.values()) {
      Table table = Table.read(batch.resolve(file.fileName()));
      keysByFile.put(
          file.fileName(),
          new HashSet<>(SyntheticBatchGeneratorTest.column(table, table.header().get(0))));
      rows += table.rows().size();
    }
    for (EntityFile file : EntityFile.values()) {
      Table table = Table.read(batch.resolve(file.fileName()));
      Set<String> seenKeys = new HashSet<>();
      for (List<String> row : table.rows()) {
        String reason = classify(file, table, row, keysByFile, seenKeys);
        if (reason != null) {
          found.merge(reason, 1L, Long::sum);
        }
      }
    }

    Map<String, Long> promised = new HashMap<>(summary.truth().dirtyRows());
    promised.values().removeIf(count -> count == 0);
    assertThat(found).isEqualTo(promised);
    assertThat(found)
        .containsOnlyKeys(
            "missing_required",
            "unparseable_date",
            "unknown_indicator",
            "unknown_reference",
            "duplicate_key",
            "short_row");
    long dirty = found.values().stream().mapToLong(Long::longValue).sum();
    long valid = rows - dirty;
    // Binomial count of valid rows each followed by an invalid one: within four standard errors.
    double expected = valid * RATE;
    assertThat((double) dirty).isCloseTo(expected, offset(4 * Math.sqrt(expected)));
  }

  private static String classify(
      EntityFile file,
      Table table,
      List<String> row,
      Map<String, Set<String>> keysByFile,
      Set<String> seenKeys) {
    if (row.size() < table.header().size()) {
      return "short_row";
    }
    if (row.get(0).isEmpty()) {
      return "missing_required";
    }
    if (!parses(row.get(file.dateColumn()), file == EntityFile.AID_EVENTS)) {
      return "unparseable_date";
    }
    if (file.indicatorColumn() >= 0 && CATALOGUE.find(row.get(file.indicatorColumn())).isEmpty()) {
      return "unknown_indicator";
    }
    if (file.referenceColumn() >= 0
        && !keysByFile.get(referencedFile(file, row)).contains(row.get(file.referenceColumn()))) {
      return "unknown_reference";
    }
    String key =
        switch (file) {
          case OBSERVATIONS -> String.join("|", row.subList(0, 4));
          case AID_EVENTS -> String.join("|", row.subList(0, 3));
          default -> row.get(0);
        };
    return seenKeys.add(key) ? null : "duplicate_key";
  }

  private static String referencedFile(EntityFile file, List<String> row) {
    return switch (file) {
      case PEOPLE -> "families.csv";
      case AID_EVENTS -> "donations.csv";
      case OBSERVATIONS -> row.get(1).equals("family") ? "families.csv" : "people.csv";
      default -> "people.csv";
    };
  }

  private static boolean parses(String text, boolean timestamp) {
    try {
      if (timestamp) {
        OffsetDateTime.parse(text);
      } else {
        LocalDate.parse(text);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
