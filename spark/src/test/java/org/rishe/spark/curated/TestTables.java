package org.rishe.spark.curated;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table's latest version as tests read it to check what a job stored: every stored column,
 * read as the Parquet files Delta Kernel lists for that version when they hold exactly its rows
 * ({@link PlainDeltaFiles}: no deletion vector), else through Delta for Spark. Test code only.
 *
 * <p>Why: Delta for Spark resolves a version in Spark jobs of its own (state reconstruction, file
 * listing, scan planning), about a quarter of the CPU of the ingest tests, which read dozens of
 * small tables; Kernel reads the same log on the driver, and a table with deletion vectors is still
 * read through Delta.
 */
public final class TestTables {
  private TestTables() {}

  /** The table's rows with every column it stores, in its order. */
  public static Dataset<Row> read(SparkSession spark, String path) {
    long version = new CuratedTables(spark).version(path);
    if (version >= 0) {
      var files = PlainDeltaFiles.of(spark.sparkContext().hadoopConfiguration(), path, version);
      if (files.isPresent()) {
        return files.get().read(spark, schema(files.get().columnTypes()));
      }
    }
    return spark.read().format("delta").load(path);
  }

  private static StructType schema(Map<String, String> columnTypes) {
    return StructType.fromDDL(
        columnTypes.entrySet().stream()
            .map(column -> "`" + column.getKey().replace("`", "``") + "` " + column.getValue())
            .collect(Collectors.joining(", ")));
  }
}
