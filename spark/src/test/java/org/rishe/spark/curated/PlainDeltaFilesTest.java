package org.rishe.spark.curated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rishe.spark.curated.StagedFamilies.family;
import static org.rishe.spark.curated.StagedFamilies.staged;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.Entity;
import org.rishe.spark.TestSparkSessions;

/**
 * A Delta version's files as Kernel lists them, read as plain Parquet, hold exactly the rows Delta
 * for Spark reads for that version; a version whose files carry deletion vectors, a partitioned
 * table and a folder that is no Delta table give no files (they are read through Delta for Spark).
 */
class PlainDeltaFilesTest {
  private final SparkSession spark = TestSparkSessions.shared();
  private final CuratedTables tables = new CuratedTables(spark);

  @TempDir Path temporary;

  @Test
  void aVersionWithoutDeletionVectorsIsItsFilesAndAMergedVersionIsNot() {
    String table = temporary.resolve("families").toString();
    List<Row> first = new ArrayList<>();
    for (int family = 1; family <= 30; family++) {
      first.add(family("F" + family, "R01", null));
    }
    tables.mergeEntity(table, Entity.FAMILIES, staged(spark, first).repartition(3));

    PlainDeltaFiles.Files files = PlainDeltaFiles.of(hadoop(), table, 0).orElseThrow();

    assertThat(localPaths(files.paths())).hasSize(3).isEqualTo(inputFiles(table, 0));
    assertThat(files.columnTypes())
        .containsEntry("family_id", "string")
        .containsEntry("household_size", "long")
        .containsEntry("registered_on", "date");
    assertThat(rows(spark.read().parquet(files.paths().toArray(String[]::new))))
        .isEqualTo(rows(delta(table, 0)))
        .hasSize(30);

    // a follow-up replaces F1 and deletes F2: Delta marks them in deletion vectors
    tables.mergeEntity(
        table,
        Entity.FAMILIES,
        staged(
            spark,
            List.of(
                family("F1", "R02", null),
                family("F2", "R01", Timestamp.valueOf("2025-01-01 00:00:00")))));

    assertThat(PlainDeltaFiles.of(hadoop(), table, 1)).isEmpty();
    assertThat(PlainDeltaFiles.of(hadoop(), table, 0).orElseThrow().paths())
        .as("the earlier version still reads as its own files")
        .containsExactlyInAnyOrderElementsOf(files.paths());
  }

  @Test
  void storedColumnsOfASchemaAreItsColumnsTheFilesHoldUnlessOneIsStoredWithAnotherType() {
    PlainDeltaFiles.Files files =
        new PlainDeltaFiles.Files(
            List.of(), java.util.Map.of("family_id", "string", "household_size", "long"));
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add("household_size", "long")
            .add("region", "string")
            .add("family_id", "string");

    assertThat(files.storedColumnsOf(schema).orElseThrow().fieldNames())
        .containsExactly("household_size", "family_id");
    assertThat(
            files.storedColumnsOf(
                new org.apache.spark.sql.types.StructType().add("household_size", "double")))
        .isEmpty();
    assertThat(files.read(spark, files.storedColumnsOf(schema).orElseThrow()).count()).isZero();
  }

  @Test
  void aPartitionedTableAndAFolderThatIsNoDeltaTableGiveNoFiles() {
    String partitioned = temporary.resolve("partitioned").toString();
    spark
        .range(10)
        .selectExpr("id", "id % 2 AS half")
        .write()
        .format("delta")
        .partitionBy("half")
        .mode(SaveMode.ErrorIfExists)
        .save(partitioned);
    String plainParquet = temporary.resolve("parquet").toString();
    spark.range(3).write().parquet(plainParquet);

    assertThat(PlainDeltaFiles.of(hadoop(), partitioned, 0)).isEmpty();
    assertThat(PlainDeltaFiles.of(hadoop(), plainParquet, 0)).isEmpty();
    assertThat(PlainDeltaFiles.of(hadoop(), temporary.resolve("absent").toString(), 0)).isEmpty();
  }

  private org.apache.hadoop.conf.Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }

  private Dataset<Row> delta(String table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(table);
  }

  private Set<String> inputFiles(String table, long version) {
    return localPaths(List.of(delta(table, version).inputFiles()));
  }

  private static Set<String> localPaths(List<String> files) {
    Set<String> paths = new TreeSet<>();
    for (String file : files) {
      paths.add(new org.apache.hadoop.fs.Path(file).toUri().getPath());
    }
    return paths;
  }

  private static List<String> rows(Dataset<Row> rows) {
    List<String> text = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      text.add(row.toString());
    }
    text.sort(String::compareTo);
    return text;
  }
}
