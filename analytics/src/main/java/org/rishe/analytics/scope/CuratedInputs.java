package org.rishe.analytics.scope;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.rishe.analytics.Awaited;
import org.rishe.common.contract.Entity;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.curated.CuratedSchemas;
import org.rishe.spark.curated.CuratedTables;
import org.rishe.spark.curated.PlainDeltaFiles;

/**
 * The curated tables one analyze run reads, each pinned to the version current when the run started
 * (Delta time travel), so every result of a run describes the same data even if an ingest commits
 * meanwhile. A table never ingested reads as empty; a table written before the contract gained a
 * column reads with that column null, and a stored column the contract no longer keeps is not read.
 *
 * <p>Every table but observations ({@link #kept}), and every consenting-people view of one, is read
 * from storage once per run and then kept by the executors ({@code MEMORY_AND_DISK}): the steps
 * query the same tables dozens of times, and each query of a pinned Delta version would otherwise
 * list and replay its log again. {@link #close()} releases them.
 */
public final class CuratedInputs implements AutoCloseable {
  private final Map<Entity, Dataset<Row>> tables = new EnumMap<>(Entity.class);
  private final Map<String, Long> versions = new TreeMap<>();
  private final Map<String, Dataset<Row>> views = new java.util.HashMap<>();

  public CuratedInputs(SparkSession spark, WarehouseLayout layout) {
    requireNonNull(spark, "spark is null");
    requireNonNull(layout, "layout is null");
    CuratedTables curated = new CuratedTables(spark);
    Map<Entity, Long> stored = new EnumMap<>(Entity.class);
    for (Entity entity : Entity.values()) {
      long version = curated.version(layout.curated(entity.fileName()));
      if (version < 0) {
        tables.put(entity, spark.createDataFrame(List.of(), CuratedSchemas.curated(entity)));
      } else {
        versions.put(entity.fileName(), version);
        stored.put(entity, version);
      }
    }
    // Resolving a pinned version reads its Delta log: on the driver through Kernel, or in small
    // Spark jobs of its own through Delta for Spark. A few threads let those reads overlap instead
    // of queueing one after another.
    ExecutorService loaders = Executors.newFixedThreadPool(Math.max(1, Math.min(4, stored.size())));
    try {
      Map<Entity, Future<Dataset<Row>>> loading = new EnumMap<>(Entity.class);
      stored.forEach(
          (entity, version) ->
              loading.put(
                  entity,
                  loaders.submit(
                      () ->
                          kept(
                              entity,
                              withContractColumns(
                                  stored(spark, layout.curated(entity.fileName()), version, entity),
                                  CuratedSchemas.curated(entity))))));
      for (Map.Entry<Entity, Future<Dataset<Row>>> entry : loading.entrySet()) {
        tables.put(entry.getKey(), Awaited.result(entry.getValue(), "reading the curated tables"));
      }
    } finally {
      loaders.shutdownNow();
    }
  }

  /**
   * The table as the steps read it: kept by the executors, except observations. Those are by far
   * the largest table (three in four stored rows) and are read twice: once into the view of
   * consenting people's observations ({@link #observations}, kept), once by the root causes (which
   * keep their own selection of it). Building Spark's columnar copy of every observation cost more
   * than reading the Parquet again, and at a million families it did not fit the heap beside the
   * views and went to disk.
   */
  private static Dataset<Row> kept(Entity entity, Dataset<Row> table) {
    return entity == Entity.OBSERVATIONS ? table : table.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Version {@code version} of a curated table. Its data files are read as plain Parquet when that
   * gives exactly the version's rows ({@link PlainDeltaFiles}: no deletion vectors, no partitions,
   * no column mapping) and every stored column the contract keeps has the contract's type; the
   * contract's columns the table has are then read, the others come back null from {@link
   * #withContractColumns}. Otherwise the version is read through Delta for Spark.
   */
  static Dataset<Row> stored(SparkSession spark, String path, long version, Entity entity) {
    StructType contract = CuratedSchemas.curated(entity);
    return PlainDeltaFiles.of(spark.sparkContext().hadoopConfiguration(), path, version)
        .flatMap(files -> files.storedColumnsOf(contract).map(schema -> files.read(spark, schema)))
        .orElseGet(() -> spark.read().format("delta").option("versionAsOf", version).load(path));
  }

  /**
   * The table with exactly the columns of {@code schema}, in its order: a column the contract
   * gained after the table was written (a programme's {@code follow_up_start_days}, say) reads as
   * null, so a warehouse curated by an earlier version stays readable without a migration, and the
   * next ingest of that entity adds the column to the stored table ({@code CuratedTables}). A
   * stored column the contract no longer keeps (the free-text {@code note} of {@code aid_events},
   * dropped at ingest since) is left unread, so no step can use it and no run keeps it in memory.
   */
  static Dataset<Row> withContractColumns(Dataset<Row> table, StructType schema) {
    Set<String> present = Set.of(table.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(
          present.contains(field.name())
              ? table.col(field.name())
              : lit(null).cast(field.dataType()).as(field.name()));
    }
    return table.select(columns.toArray(Column[]::new));
  }

  public Dataset<Row> table(Entity entity) {
    return tables.get(entity);
  }

  /** Curated table versions read, by entity name; absent tables are left out. */
  public Map<String, Long> versions() {
    return Map.copyOf(versions);
  }

  /** People who consent to analytics. */
  public Dataset<Row> people() {
    return view("people", () -> AnalyticScope.consentingPeople(table(Entity.PEOPLE)));
  }

  /** Cases of stored, consenting people. */
  public Dataset<Row> cases() {
    return view(
        "cases",
        () ->
            AnalyticScope.ofConsentingPeople(
                table(Entity.CASES), table(Entity.PEOPLE), "person_id"));
  }

  /** Enrollments of stored, consenting people. */
  public Dataset<Row> enrollments() {
    return view(
        "enrollments",
        () ->
            AnalyticScope.ofConsentingPeople(
                table(Entity.ENROLLMENTS), table(Entity.PEOPLE), "person_id"));
  }

  /** The view, built and kept on first use. */
  private synchronized Dataset<Row> view(
      String name, java.util.function.Supplier<Dataset<Row>> build) {
    return views.computeIfAbsent(name, key -> build.get().persist(StorageLevel.MEMORY_AND_DISK()));
  }

  /** Releases the tables and views kept for the run. */
  @Override
  public synchronized void close() {
    views.values().forEach(Dataset::unpersist);
    views.clear();
    tables.values().forEach(Dataset::unpersist);
  }

  /**
   * Observations analytics may use: person observations of stored, consenting people, and family
   * observations (they reach only the consenting members a result joins them to).
   */
  public Dataset<Row> observations() {
    return view("observations", this::consentedObservations);
  }

  private Dataset<Row> consentedObservations() {
    Dataset<Row> observations = table(Entity.OBSERVATIONS);
    Dataset<Row> family = observations.filter(col("subject_type").equalTo("family"));
    Dataset<Row> person =
        observations.filter(
            org.apache
                .spark
                .sql
                .functions
                .coalesce(col("subject_type"), lit("person"))
                .equalTo("person"));
    return AnalyticScope.ofConsentingPeople(person, table(Entity.PEOPLE), "subject_id")
        .unionByName(family);
  }
}
