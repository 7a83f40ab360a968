package org.rishe.spark.curated;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StructField;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The data files of one version of a Delta table, found by Delta Kernel on the driver, when reading
 * them as plain Parquet gives exactly that version's rows: no file carries a deletion vector (rows
 * a MERGE marked as replaced or deleted), the table is not partitioned (partition values live in
 * the log, not the files) and its columns are not mapped to other physical names.
 *
 * <p>Why: Delta for Spark resolves a version by replaying its log in Spark jobs of its own (a state
 * reconstruction, a file listing and a scan planning, three jobs a table), which cost an analyze
 * about 2 s of CPU per table whatever its size; Kernel reads the same log (commits and checkpoints)
 * directly. A table these rules exclude is read through Delta for Spark, as before.
 */
public final class PlainDeltaFiles {
  private PlainDeltaFiles() {}

  /**
   * A version's data files (absolute paths) and its columns' type names ({@code string}, {@code
   * long}, … as Spark's {@code DataType.typeName()} spells them), in the table's order.
   */
  public record Files(List<String> paths, Map<String, String> columnTypes) {
    public Files {
      paths = List.copyOf(paths);
      columnTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
    }

    /**
     * The columns of {@code schema} these files store, in the schema's order, or empty when one of
     * them is stored with another type (Delta for Spark then reads the table as it is stored).
     */
    public Optional<org.apache.spark.sql.types.StructType> storedColumnsOf(
        org.apache.spark.sql.types.StructType schema) {
      List<org.apache.spark.sql.types.StructField> kept = new ArrayList<>();
      for (org.apache.spark.sql.types.StructField field : schema.fields()) {
        String stored = columnTypes.get(field.name());
        if (stored == null) {
          continue;
        }
        if (!stored.equals(field.dataType().typeName())) {
          return Optional.empty();
        }
        kept.add(field);
      }
      return Optional.of(
          new org.apache.spark.sql.types.StructType(
              kept.toArray(org.apache.spark.sql.types.StructField[]::new)));
    }

    /**
     * The files' rows as plain Parquet, with the columns of {@code schema} ({@link
     * #storedColumnsOf}).
     */
    public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> read(
        org.apache.spark.sql.SparkSession spark, org.apache.spark.sql.types.StructType schema) {
      if (paths.isEmpty()) {
        return spark.createDataFrame(List.of(), schema);
      }
      return spark.read().schema(schema).parquet(paths.toArray(String[]::new));
    }
  }

  /**
   * The files of {@code version} of the table at {@code tablePath}, or empty when they cannot be
   * read as plain Parquet (or Kernel cannot read the table at all: the caller then reads it through
   * Delta for Spark, which reports the problem).
   */
  public static Optional<Files> of(Configuration hadoop, String tablePath, long version) {
    requireNonNull(hadoop, "hadoop is null");
    requireNonNull(tablePath, "tablePath is null");
    try {
      Engine engine = DefaultEngine.create(hadoop);
      Snapshot snapshot = TableManager.loadSnapshot(tablePath).atVersion(version).build(engine);
      if (!snapshot.getPartitionColumnNames().isEmpty()
          || !snapshot
              .getTableProperties()
              .getOrDefault("delta.columnMapping.mode", "none")
              .equals("none")) {
        return Optional.empty();
      }
      Map<String, String> columnTypes = new LinkedHashMap<>();
      for (StructField field : snapshot.getSchema().fields()) {
        columnTypes.put(field.getName(), field.getDataType().toString());
      }
      Path root = new Path(snapshot.getPath());
      List<String> paths = new ArrayList<>();
      Scan scan = snapshot.getScanBuilder().build();
      try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
        while (batches.hasNext()) {
          try (CloseableIterator<Row> rows = batches.next().getRows()) {
            while (rows.hasNext()) {
              Row add = addAction(rows.next());
              if (!add.isNullAt(add.getSchema().indexOf("deletionVector"))) {
                return Optional.empty();
              }
              paths.add(absolute(root, add.getString(add.getSchema().indexOf("path"))));
            }
          }
        }
      }
      return Optional.of(new Files(paths, columnTypes));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A scan file's {@code add} action: its path (relative to the table, URL-encoded) and more. */
  private static Row addAction(Row scanFile) {
    return scanFile.getStruct(scanFile.getSchema().indexOf("add"));
  }

  private static String absolute(Path root, String path) throws URISyntaxException {
    URI uri = new URI(path);
    return uri.isAbsolute() ? new Path(uri).toString() : new Path(root, new Path(uri)).toString();
  }
}
