package org.rishe.spark.curated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rishe.spark.curated.StagedFamilies.family;
import static org.rishe.spark.curated.StagedFamilies.staged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.Entity;
import org.rishe.spark.TestSparkSessions;

/**
 * What a MERGE of a follow-up batch writes, read from the Delta log: the rows it replaces or
 * deletes are marked in deletion vectors, so the data files that hold them are not rewritten.
 */
class CuratedTablesTest {
  private static final String DEFAULT_DELETION_VECTORS =
      "spark.databricks.delta.properties.defaults.enableDeletionVectors";
  private static final String COLLECT_STATISTICS = "spark.databricks.delta.stats.collect";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark = TestSparkSessions.shared();
  private final CuratedTables tables = new CuratedTables(spark);

  @TempDir Path temporary;

  @Test
  void aFollowUpThatChangesThreeKeysOfTenFilesRewritesNoneAndStoresTheChanges() throws IOException {
    Path table = temporary.resolve("families");
    List<Row> first = new ArrayList<>();
    for (int family = 1; family <= 100; family++) {
      first.add(family("F" + family, "R01", null));
    }
    tables.mergeEntity(table.toString(), Entity.FAMILIES, staged(spark, first).repartition(10));
    assertThat(dataFiles(table)).hasSize(10);

    // F1 and F51 move to R02, F3 is deleted by a tombstone, F101 is new, F2 is sent unchanged
    tables.mergeEntity(
        table.toString(),
        Entity.FAMILIES,
        staged(
            spark,
            List.of(
                family("F1", "R02", null),
                family("F51", "R02", null),
                family("F3", "R01", Timestamp.valueOf("2025-01-01 00:00:00")),
                family("F101", "R01", null),
                family("F2", "R01", null))));

    Commit merge = Commit.last(table);
    assertThat(merge.rowsCopied()).as("unchanged rows written again").isZero();
    assertThat(merge.removed()).as("files the MERGE took out").isNotEmpty();
    assertThat(merge.markedAgain())
        .as("each added back with its replaced rows marked")
        .isEqualTo(merge.removed());
    assertThat(merge.removed().size())
        .as("touched files: at most one per changed key")
        .isLessThanOrEqualTo(3);

    Map<String, String> regions = new TreeMap<>();
    for (Row row : spark.read().format("delta").load(table.toString()).collectAsList()) {
      regions.put(row.getString(0), row.getString(1));
    }
    assertThat(regions).hasSize(100).doesNotContainKey("F3").containsEntry("F101", "R01");
    assertThat(regions).containsEntry("F1", "R02").containsEntry("F51", "R02");
    assertThat(regions).containsEntry("F2", "R01").containsEntry("F100", "R01");
  }

  @Test
  void aTableCreatedWithoutDeletionVectorsGetsThemAtItsNextMerge() throws IOException {
    Path table = temporary.resolve("older");
    String previous = spark.conf().get(DEFAULT_DELETION_VECTORS);
    spark.conf().unset(DEFAULT_DELETION_VECTORS);
    try {
      tables.mergeEntity(
          table.toString(),
          Entity.FAMILIES,
          staged(spark, List.of(family("F1", "R01", null), family("F2", "R01", null))).coalesce(1));
    } finally {
      spark.conf().set(DEFAULT_DELETION_VECTORS, previous);
    }
    assertThat(properties(table)).doesNotContainKey(CuratedTables.DELETION_VECTORS);

    tables.mergeEntity(
        table.toString(), Entity.FAMILIES, staged(spark, List.of(family("F1", "R03", null))));

    assertThat(properties(table)).containsEntry(CuratedTables.DELETION_VECTORS, "true");
    Commit merge = Commit.last(table);
    assertThat(merge.rowsCopied()).as("F2 written again").isZero();
    assertThat(merge.markedAgain()).hasSize(1).isEqualTo(merge.removed());
    assertThat(
            spark
                .read()
                .format("delta")
                .load(table.toString())
                .filter("family_id = 'F1'")
                .first()
                .getString(1))
        .isEqualTo("R03");
  }

  @Test
  void theFirstVersionsRowsAreToldFromItsCommitAndUnknownWithoutRowCounts() {
    Path loaded = temporary.resolve("loaded");
    tables.mergeEntity(
        loaded.toString(), Entity.FAMILIES, staged(spark, List.of(family("F1", "R01", null))));
    assertThat(tables.firstVersionHasRows(loaded.toString())).contains(true);

    // created empty, as an ingest of an earlier version killed before seeding left the catalogue
    Path empty = temporary.resolve("empty");
    spark
        .createDataFrame(List.of(), CuratedSchemas.curated(Entity.FAMILIES))
        .write()
        .format("delta")
        .save(empty.toString());
    assertThat(tables.firstVersionHasRows(empty.toString())).contains(false);

    Path uncounted = temporary.resolve("uncounted");
    spark.conf().set(COLLECT_STATISTICS, "false");
    try {
      tables.mergeEntity(
          uncounted.toString(), Entity.FAMILIES, staged(spark, List.of(family("F1", "R01", null))));
    } finally {
      spark.conf().unset(COLLECT_STATISTICS);
    }
    assertThat(tables.firstVersionHasRows(uncounted.toString())).isEmpty();
    assertThat(tables.firstVersionHasRows(temporary.resolve("none").toString())).isEmpty();
  }

  private Set<String> dataFiles(Path table) {
    return Set.of(spark.read().format("delta").load(table.toString()).inputFiles());
  }

  private Map<String, String> properties(Path table) {
    Row detail = io.delta.tables.DeltaTable.forPath(spark, table.toString()).detail().first();
    return detail.getJavaMap(detail.fieldIndex("properties"));
  }

  /**
   * The data-file actions of one MERGE commit of the Delta log, and how many unchanged rows of the
   * files it touched it wrote again ({@code numTargetRowsCopied}: all of them without deletion
   * vectors).
   */
  private record Commit(
      Set<String> removed, Set<String> added, Set<String> addedWithVector, long rowsCopied) {
    static Commit last(Path table) {
      Path log = table.resolve("_delta_log");
      try (var files = Files.list(log)) {
        Path latest =
            files
                .filter(file -> file.getFileName().toString().matches("\\d{20}\\.json"))
                .max(Path::compareTo)
                .orElseThrow();
        Set<String> removed = new HashSet<>();
        Set<String> added = new HashSet<>();
        Set<String> addedWithVector = new HashSet<>();
        long rowsCopied = -1;
        for (String line : Files.readAllLines(latest)) {
          JsonNode action = JSON.readTree(line);
          if (action.has("commitInfo")) {
            rowsCopied =
                action
                    .get("commitInfo")
                    .get("operationMetrics")
                    .get("numTargetRowsCopied")
                    .asLong();
          } else if (action.has("remove")) {
            removed.add(action.get("remove").get("path").asText());
          } else if (action.has("add")) {
            JsonNode add = action.get("add");
            added.add(add.get("path").asText());
            if (add.hasNonNull("deletionVector")) {
              addedWithVector.add(add.get("path").asText());
            }
          }
        }
        return new Commit(removed, added, addedWithVector, rowsCopied);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Files taken out and added back with a deletion vector marking their replaced rows. */
    Set<String> markedAgain() {
      Set<String> marked = new HashSet<>(removed);
      marked.retainAll(addedWithVector);
      return marked;
    }
  }
}
