package org.rishe.analytics.reliability;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.contract.Entity;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.curated.CuratedSchemas;
import org.rishe.spark.curated.CuratedTables;
import org.rishe.spark.curated.PlainDeltaFiles;

/**
 * Row count and content fingerprint of every curated and quarantine table of a warehouse that
 * exists. The fingerprint hashes the sorted per-row hashes, so it ignores file layout and row
 * order; quarantine's {@code ingest_id} is left out, as it names the run that wrote the row.
 */
public record WarehouseSnapshot(Map<String, TableState> tables) {
  /** One table's visible state: how many rows and which. */
  public record TableState(long rows, String fingerprint) {
    public static final TableState ABSENT = new TableState(0, "absent");

    /** An empty table reads the same as an absent one. */
    TableState normalised() {
      return rows == 0 ? ABSENT : this;
    }
  }

  public WarehouseSnapshot {
    tables = Map.copyOf(tables);
  }

  public static List<String> tableNames() {
    return List.copyOf(schemas().keySet());
  }

  /**
   * Reads every table of the warehouse at its latest commit; a table that exists but does not read
   * fails the test. A table whose data files hold exactly its rows (no deletion vector: {@link
   * PlainDeltaFiles}, whose file list Delta Kernel reads from the log) is read as those Parquet
   * files, any other through Delta for Spark; every table's row hashes then come back in one Spark
   * job. Reading each table through Delta for Spark cost three jobs a table, some 7 s a snapshot of
   * a small warehouse, and the reliability tests take eight.
   */
  public static WarehouseSnapshot of(SparkSession spark, WarehouseLayout layout) {
    CuratedTables curated = new CuratedTables(spark);
    Dataset<Row> hashes = null;
    Map<String, List<String>> rowHashes = new TreeMap<>();
    for (Map.Entry<String, StructType> table : schemas().entrySet()) {
      String name = table.getKey();
      String path = layout.root() + "/" + name;
      long version = curated.version(path);
      if (version < 0) {
        continue;
      }
      rowHashes.put(name, new ArrayList<>());
      Dataset<Row> rows = read(spark, path, version, table.getValue());
      Dataset<Row> named = rows.select(lit(name).as("table"), rowHash(rows));
      hashes = hashes == null ? named : hashes.unionAll(named);
    }
    if (hashes != null) {
      for (Row row : hashes.collectAsList()) {
        rowHashes.get(row.getString(0)).add(row.getString(1));
      }
    }
    Map<String, TableState> tables = new TreeMap<>();
    rowHashes.forEach((name, list) -> tables.put(name, state(list)));
    return new WarehouseSnapshot(tables);
  }

  /** Each table's contract schema, by its name under the warehouse root, in entity order. */
  private static Map<String, StructType> schemas() {
    Map<String, StructType> schemas = new LinkedHashMap<>();
    for (Entity entity : Entity.values()) {
      schemas.put("curated/" + entity.fileName(), CuratedSchemas.curated(entity));
      schemas.put("quarantine/" + entity.fileName(), CuratedSchemas.quarantine());
    }
    return schemas;
  }

  /**
   * The table's rows at {@code version}: its data files as plain Parquet when they hold exactly
   * those rows with columns of the contract, else through Delta for Spark.
   */
  private static Dataset<Row> read(
      SparkSession spark, String path, long version, StructType contract) {
    Set<String> known = Set.of(contract.fieldNames());
    return PlainDeltaFiles.of(spark.sparkContext().hadoopConfiguration(), path, version)
        .filter(files -> known.containsAll(files.columnTypes().keySet()))
        .flatMap(files -> files.storedColumnsOf(contract).map(stored -> files.read(spark, stored)))
        .orElseGet(() -> spark.read().format("delta").option("versionAsOf", version).load(path));
  }

  public TableState table(String name) {
    return tables.getOrDefault(name, TableState.ABSENT).normalised();
  }

  /** Counts per table, for readable failure messages. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    tables.forEach((name, state) -> counts.put(name, state.rows()));
    return counts;
  }

  /** One table's state, read in a job of its own. */
  public static TableState state(Dataset<Row> table) {
    return state(table.select(rowHash(table)).as(Encoders.STRING()).collectAsList());
  }

  /** A row's hash: of its columns but quarantine's {@code ingest_id}, in name order, as JSON. */
  private static Column rowHash(Dataset<Row> table) {
    Column[] columns =
        Arrays.stream(table.columns())
            .filter(c -> !c.equals(CuratedSchemas.QUARANTINE_INGEST_ID))
            .sorted()
            .map(table::col)
            .toArray(Column[]::new);
    return sha2(to_json(struct(columns)), 256);
  }

  private static TableState state(List<String> rowHashes) {
    List<String> sorted = rowHashes.stream().sorted().toList();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      sorted.forEach(h -> digest.update(h.getBytes(StandardCharsets.US_ASCII)));
      return new TableState(sorted.size(), HexFormat.of().formatHex(digest.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
