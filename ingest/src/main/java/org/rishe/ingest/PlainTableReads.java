package org.rishe.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.rishe.spark.curated.CuratedTables;
import org.rishe.spark.curated.PlainDeltaFiles;

/**
 * Reads a curated table's latest version as its Parquet data files when they hold exactly its rows
 * ({@link PlainDeltaFiles}: no deletion vector, no partitions, no column mapping), else through
 * Delta as {@link CuratedTables#read} does. Why: Delta for Spark resolves the version in Spark jobs
 * of its own (state reconstruction and scan planning, about three a read), and an ingest reads the
 * catalogue and every referenced table that it did not create itself; Delta Kernel reads the same
 * log on the driver.
 */
final class PlainTableReads {
  private final SparkSession spark;
  private final CuratedTables tables;

  PlainTableReads(SparkSession spark, CuratedTables tables) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = requireNonNull(tables, "tables is null");
  }

  /**
   * The table's rows, with the columns of {@code schema} it has (in the schema's order), or an
   * empty frame of {@code schema} when it does not exist yet.
   */
  Dataset<Row> read(String path, StructType schema) {
    long version = tables.version(path);
    if (version < 0) {
      return tables.read(path, schema);
    }
    Set<String> contract = Set.of(schema.fieldNames());
    return PlainDeltaFiles.of(spark.sparkContext().hadoopConfiguration(), path, version)
        // a stored column the contract no longer has: Delta reads the table as it is stored
        .filter(files -> contract.containsAll(files.columnTypes().keySet()))
        .flatMap(files -> files.storedColumnsOf(schema).map(stored -> files.read(spark, stored)))
        .orElseGet(() -> tables.read(path, schema));
  }
}
