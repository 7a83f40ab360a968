package org.rishe.analytics.reliability;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.delta.tables.DeltaTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rishe.common.contract.Entity;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.curated.CuratedSchemas;

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
    return Arrays.stream(Entity.values())
        .flatMap(e -> List.of("curated/" + e.fileName(), "quarantine/" + e.fileName()).stream())
        .toList();
  }

  /** Reads every table of the warehouse; a table that exists but does not read fails the test. */
  public static WarehouseSnapshot of(SparkSession spark, WarehouseLayout layout) {
    Map<String, TableState> tables = new TreeMap<>();
    for (String name : tableNames()) {
      String path = layout.root() + "/" + name;
      if (!DeltaTable.isDeltaTable(spark, path)) {
        continue;
      }
      tables.put(name, state(spark.read().format("delta").load(path)));
    }
    return new WarehouseSnapshot(tables);
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

  public static TableState state(Dataset<Row> table) {
    Column[] columns =
        Arrays.stream(table.columns())
            .filter(c -> !c.equals(CuratedSchemas.QUARANTINE_INGEST_ID))
            .sorted()
            .map(c -> col(c))
            .toArray(Column[]::new);
    List<String> rowHashes =
        table
            .select(sha2(to_json(struct(columns)), 256))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList()
            .stream()
            .sorted()
            .toList();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      rowHashes.forEach(h -> digest.update(h.getBytes(StandardCharsets.US_ASCII)));
      return new TableState(rowHashes.size(), HexFormat.of().formatHex(digest.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
