package org.rishe.spark.curated;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.contract.Entity;

/**
 * The Delta tables an ingest writes. Each write is one commit, so readers see the table before or
 * after it, never between: the first load of a table creates it with its rows, every later one is a
 * MERGE. A key seen again replaces its row (for an entity with {@code updated_at}, cases and needs,
 * only when the incoming one is not older), a tombstone deletes it, and a row identical to the
 * stored one is left alone, so ingesting the same batch twice changes nothing.
 */
public final class CuratedTables {
  /** The column that versions a record: an older incoming row does not replace a newer one. */
  private static final String UPDATED_AT = "updated_at";

  /** The table property that makes a MERGE write deletion vectors instead of rewriting files. */
  static final String DELETION_VECTORS = "delta.enableDeletionVectors";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GLOBAL_TEMP_DATABASE = "spark.sql.globalTempDatabase";
  private static final String ALL_FILES_IN_CHECKSUM =
      "spark.databricks.delta.allFilesInCrc.enabled";
  private static final AtomicLong FIRST_LOADS = new AtomicLong();

  private final SparkSession spark;
  private SparkSession firstLoads;

  public CuratedTables(SparkSession spark) {
    this.spark = requireNonNull(spark, "spark is null");
  }

  public boolean exists(String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /** The table's rows, or an empty frame of its schema when it does not exist yet. */
  public Dataset<Row> read(String path, StructType schema) {
    if (!exists(path)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().format("delta").load(path);
  }

  /**
   * The latest committed version, or -1 when the table does not exist. Read from the names of the
   * commit files in {@code _delta_log} (a commit is visible once its file exists), which costs a
   * listing instead of a Spark job.
   */
  public long version(String path) {
    org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(path, "_delta_log");
    try {
      org.apache.hadoop.fs.FileSystem fs =
          log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(log)) {
        return -1;
      }
      long latest = -1;
      for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(log)) {
        String name = status.getPath().getName();
        if (name.matches("\\d{20}\\.json")) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
      return latest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Delta log of " + path, e);
    }
  }

  /**
   * Whether the table's first version (its first commit) holds rows, from the row counts Delta
   * writes into the commit beside each file it adds: no Spark job, where reading the version would
   * cost Delta's state reconstruction and a scan. Empty when the commit cannot be read or a file in
   * it has no row count (statistics turned off when it was written): the caller then reads the
   * table.
   */
  public Optional<Boolean> firstVersionHasRows(String path) {
    org.apache.hadoop.fs.Path commit =
        new org.apache.hadoop.fs.Path(path, "_delta_log/" + "0".repeat(20) + ".json");
    try {
      org.apache.hadoop.fs.FileSystem fs =
          commit.getFileSystem(spark.sparkContext().hadoopConfiguration());
      boolean rows = false;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          JsonNode add = JSON.readTree(line).get("add");
          if (add == null) {
            continue;
          }
          JsonNode stats = add.get("stats");
          JsonNode records = stats == null ? null : JSON.readTree(stats.asText()).get("numRecords");
          if (records == null || !records.canConvertToLong()) {
            return Optional.empty();
          }
          rows |= records.asLong() > 0;
        }
      }
      return Optional.of(rows);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Merges staged rows (curated columns plus {@link CuratedSchemas#DELETED_AT}) into an entity
   * table. Returns true when the table did not exist and was created: it then holds exactly the
   * staged rows that are not tombstones.
   */
  public boolean mergeEntity(String path, Entity entity, Dataset<Row> staged) {
    StructType schema = CuratedSchemas.curated(entity);
    if (!exists(path)) {
      // Tombstones of rows never stored delete nothing; the batch's keys are already unique.
      create(path, staged.filter(staged.col(CuratedSchemas.DELETED_AT).isNull()), schema);
      return true;
    }
    DeltaTable table = ensureTable(path, schema);
    String keyMatch =
        entity.key().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
    String differs =
        "NOT ("
            + List.of(schema.fieldNames()).stream()
                .map(c -> "t." + c + " <=> s." + c)
                .collect(Collectors.joining(" AND "))
            + ")";
    String update = differs;
    if (entity.field(UPDATED_AT).isPresent()) {
      update += " AND (t.updated_at IS NULL OR s.updated_at >= t.updated_at)";
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      assignments.put(field.name(), "s." + field.name());
    }
    table
        .as("t")
        .merge(staged.as("s"), keyMatch)
        .whenMatched("s." + CuratedSchemas.DELETED_AT + " IS NOT NULL")
        .delete()
        .whenMatched("s." + CuratedSchemas.DELETED_AT + " IS NULL AND " + update)
        .updateExpr(assignments)
        .whenNotMatched("s." + CuratedSchemas.DELETED_AT + " IS NULL")
        .insertExpr(assignments)
        .execute();
    return false;
  }

  /** Adds quarantined rows not already there; a row is known by file, file digest and line. */
  public void mergeQuarantine(String path, Dataset<Row> rejected) {
    StructType schema = CuratedSchemas.quarantine();
    if (!exists(path)) {
      create(path, rejected, schema);
      return;
    }
    DeltaTable table = ensureTable(path, schema);
    Map<String, String> assignments = new LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      assignments.put(field.name(), "s." + field.name());
    }
    table
        .as("t")
        .merge(
            rejected.as("s"),
            "t.source_file = s.source_file AND t.source_digest = s.source_digest AND t.line = s.line")
        .whenNotMatched()
        .insertExpr(assignments)
        .execute();
  }

  /**
   * A table that does not exist yet is written in one commit holding the rows: version 0 is the
   * complete first load, and no MERGE is planned and run against an empty table. The rows are
   * written in the schema's column order and types (a cast to the type a column has already is no
   * cast at all), values as they are: Delta stores a table it creates from rows with every column
   * nullable whatever the rows declare (so a NOT NULL key here would be lost), and rebuilding the
   * rows under the schema, as this once did, cost code generated for every task and each row
   * converted out of Spark's internal form and back for nothing.
   */
  private void create(String path, Dataset<Row> rows, StructType schema) {
    Column[] columns =
        Arrays.stream(schema.fields())
            .map(field -> rows.col(field.name()).cast(field.dataType()).as(field.name()))
            .toArray(Column[]::new);
    // The commit goes through a session of its own that does not list the table's files into the
    // commit's checksum (a global view hands it the rows' plan): for a table's first version Delta
    // builds that list from an empty state with a Spark query of its own (its whole action encoder
    // resolved), about half the cost of creating a small table. The table's next commit, a MERGE,
    // lists them from the table instead, as its scan does anyway, and writes them from then on.
    // Ingest's tests took 11% less CPU (bench/README.md, session 38).
    String view = "rishe_first_load_" + FIRST_LOADS.incrementAndGet();
    rows.select(columns).createOrReplaceGlobalTempView(view);
    try {
      SparkSession creating = firstLoadSession();
      creating
          .table(creating.conf().get(GLOBAL_TEMP_DATABASE) + "." + view)
          .write()
          .format("delta")
          .mode(SaveMode.ErrorIfExists)
          .save(path);
    } finally {
      spark.catalog().dropGlobalTempView(view);
    }
  }

  /**
   * The session first loads commit in: beside this one (the same context), with this one's settings
   * as they are now (those set or unset since it started included) but for the files in the
   * checksum.
   */
  private synchronized SparkSession firstLoadSession() {
    if (firstLoads == null) {
      firstLoads = spark.newSession();
    }
    // only the settings that differ, each set or unset at run time here, so modifiable there
    Map<String, String> settings = settings(spark);
    Map<String, String> theirs = settings(firstLoads);
    theirs.remove(ALL_FILES_IN_CHECKSUM);
    for (String key : theirs.keySet()) {
      if (!settings.containsKey(key)) {
        firstLoads.conf().unset(key);
      }
    }
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      if (!setting.getValue().equals(theirs.get(setting.getKey()))) {
        firstLoads.conf().set(setting.getKey(), setting.getValue());
      }
    }
    firstLoads.conf().set(ALL_FILES_IN_CHECKSUM, "false");
    return firstLoads;
  }

  /** A session's SQL settings, as a map of its own. */
  private static Map<String, String> settings(SparkSession session) {
    return new HashMap<>(scala.jdk.javaapi.CollectionConverters.asJava(session.conf().getAll()));
  }

  /**
   * Turns deletion vectors on for a table created before they were the default (see {@link
   * org.rishe.spark.SparkSessions}): one commit of the property, after which its MERGEs mark
   * replaced rows instead of rewriting their files. A table whose property was set to false by hand
   * is left as it is. The commit upgrades the table's protocol: Delta readers older than 2.3 can no
   * longer read it. The properties are read from the table's metadata ({@code SHOW TBLPROPERTIES}),
   * not from {@code DESCRIBE DETAIL}, whose file counts cost a Spark job per MERGE. Returns whether
   * it committed.
   */
  private boolean ensureDeletionVectors(String path) {
    String table = "delta.`%s`".formatted(path.replace("`", "``"));
    boolean set =
        spark.sql("SHOW TBLPROPERTIES " + table).collectAsList().stream()
            .anyMatch(row -> DELETION_VECTORS.equals(row.getString(0)));
    if (!set) {
      spark.sql(
          "ALTER TABLE %s SET TBLPROPERTIES ('%s' = 'true')".formatted(table, DELETION_VECTORS));
    }
    return !set;
  }

  /**
   * The existing table, with deletion vectors on ({@link #ensureDeletionVectors}) and the columns
   * of {@code schema} it lacks added: a column the contract gained after the table was written.
   * Appending no rows with {@code mergeSchema} commits only the wider schema; stored rows read the
   * new columns as null, and the MERGE can then set them. The table is opened once, and again only
   * after one of these commits, so a MERGE does not load its snapshot twice.
   */
  private DeltaTable ensureTable(String path, StructType schema) {
    boolean changed = ensureDeletionVectors(path);
    DeltaTable table = DeltaTable.forPath(spark, path);
    if (!List.of(table.toDF().columns()).containsAll(List.of(schema.fieldNames()))) {
      spark
          .createDataFrame(List.of(), schema)
          .write()
          .format("delta")
          .mode("append")
          .option("mergeSchema", "true")
          .save(path);
      changed = true;
    }
    return changed ? DeltaTable.forPath(spark, path) : table;
  }
}
