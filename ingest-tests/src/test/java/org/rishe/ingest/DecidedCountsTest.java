package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.Entity;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.curated.CuratedSchemas;

/**
 * The counts a decided write observes are the rows written, by file and reason: checked against
 * rows laid out by hand, and against the aggregation ({@link IngestTransforms#counts}) they stand
 * in for.
 */
class DecidedCountsTest {
  private static SparkSession spark;

  @TempDir Path temporary;

  @BeforeAll
  static void startSpark() {
    spark = TestSparkSessions.shared();
  }

  /** A decided row of volunteers.csv: kept (reason null) or quarantined with a reason. */
  private static Row row(StructType schema, String file, String reason, boolean tombstone) {
    Object[] values = new Object[schema.size()];
    if (reason == null) {
      values[schema.fieldIndex(CuratedSchemas.FILE)] = file;
      values[schema.fieldIndex(CuratedSchemas.DELETED_AT)] =
          tombstone ? Timestamp.valueOf("2025-01-01 00:00:00") : null;
    } else {
      values[schema.fieldIndex(CuratedSchemas.QUARANTINE_FILE)] = file;
      values[schema.fieldIndex(CuratedSchemas.QUARANTINE_REASON)] = reason;
    }
    return RowFactory.create(values);
  }

  private static Map<String, List<Long>> byFileAndReason(List<Row> rows) {
    Map<String, List<Long>> counts = new TreeMap<>();
    for (Row row : rows) {
      counts.put(
          row.getString(0) + "/" + (row.isNullAt(1) ? "kept" : row.getString(1)),
          List.of(row.getLong(2), row.getLong(3)));
    }
    return counts;
  }

  @Test
  void countsTheWrittenRowsByFileAndReason() {
    StructType schema = IngestTransforms.decidedSchema(Entity.VOLUNTEERS);
    List<Row> rows = new ArrayList<>();
    rows.add(row(schema, "a.csv", null, false));
    rows.add(row(schema, "a.csv", null, false));
    rows.add(row(schema, "a.csv", null, true));
    rows.add(row(schema, "a.csv", "duplicate_key", false));
    rows.add(row(schema, "b.csv", "invalid_date", false));
    rows.add(row(schema, "b.csv", "invalid_date", false));
    rows.add(row(schema, "b.csv", "unknown_reference", false));
    Dataset<Row> decided = spark.createDataFrame(rows, schema).repartition(3);
    DecidedCounts counts = new DecidedCounts(List.of("a.csv", "b.csv", "c.csv"), "decided test");
    String path = temporary.resolve("decided").toString();
    counts.observing(decided).write().parquet(path);

    Map<String, List<Long>> observed = byFileAndReason(counts.rows().orElseThrow());

    // by hand: a.csv 3 kept of which 1 tombstone, 1 duplicate; b.csv 2 invalid dates, 1 unknown
    // reference; c.csv nothing, so no row
    assertThat(observed)
        .isEqualTo(
            Map.of(
                "a.csv/kept", List.of(3L, 1L),
                "a.csv/duplicate_key", List.of(1L, 0L),
                "b.csv/invalid_date", List.of(2L, 0L),
                "b.csv/unknown_reference", List.of(1L, 0L)));
    assertThat(
            byFileAndReason(
                IngestTransforms.counts(spark.read().schema(schema).parquet(path)).collectAsList()))
        .isEqualTo(observed);
  }
}
