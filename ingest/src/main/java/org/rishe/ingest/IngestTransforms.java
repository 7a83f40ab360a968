package org.rishe.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.Reason;
import org.rishe.spark.curated.CuratedSchemas;

/**
 * Pure set-based checks of an ingest: duplicate keys within a batch, unknown references and, for
 * regions, chains of parents that loop. Each check flags rows (reason, field, message) instead of
 * splitting them, so one pass over the staged rows decides every row and nothing is computed twice.
 */
public final class IngestTransforms {
  /** Flag columns: null on a row that passed every check. */
  public static final String REASON = "_reason";

  public static final String FIELD = "_field";
  public static final String MESSAGE = "_message";

  private IngestTransforms() {}

  /**
   * One row per staged row, flagged when it fails a check (the first failing check wins). {@code
   * staged} holds every row of the entity's files in the shape of {@link #decidedSchema}: a row the
   * stager rejected has its quarantine columns filled and stays flagged with its reason; only the
   * others are checked. {@code stored} gives an entity's stored rows (its curated table).
   */
  public static Dataset<Row> check(
      Dataset<Row> staged, Entity entity, Function<Entity, Dataset<Row>> stored) {
    Dataset<Row> flagged =
        staged
            .withColumn(REASON, col(CuratedSchemas.QUARANTINE_REASON))
            .withColumn(FIELD, col(CuratedSchemas.QUARANTINE_FIELD))
            .withColumn(MESSAGE, col(CuratedSchemas.QUARANTINE_MESSAGE));
    flagged = flagDuplicates(flagged, entity.key());
    Function<Entity, Dataset<Row>> storedKeys =
        target -> stored.apply(target).select(col(target.key().get(0)).as("k"));
    flagged =
        flagUnknownReferences(
            flagged, Reference.of(entity), withOwnKeys(entity, staged, storedKeys));
    return entity == Entity.REGIONS ? flagParentCycles(flagged, stored.apply(entity)) : flagged;
  }

  /**
   * Whether {@link #check} reads the staged rows once, so that they may be computed as the check
   * runs instead of read from staging: not for regions, whose parents are looked up among the
   * batch's own rows and collected to the driver.
   */
  public static boolean readsStagedOnce(Entity entity) {
    return entity != Entity.REGIONS;
  }

  /**
   * The stored keys, and for a reference to the entity itself (a region's parent) also the keys of
   * the batch's live rows: a parent may come in the same file as its children, in any order.
   */
  static Function<Entity, Dataset<Row>> withOwnKeys(
      Entity entity, Dataset<Row> staged, Function<Entity, Dataset<Row>> storedKeys) {
    return target -> {
      Dataset<Row> stored = storedKeys.apply(target);
      if (target != entity) {
        return stored;
      }
      // a batch's region may replace a stored one: the same key twice
      return stored
          .union(
              staged
                  .filter(
                      col(CuratedSchemas.QUARANTINE_REASON)
                          .isNull()
                          .and(col(CuratedSchemas.DELETED_AT).isNull()))
                  .select(col(entity.key().get(0)).as("k")))
          .distinct();
    };
  }

  /**
   * Flags each row whose key an earlier row of the batch already gave (files in their order, then
   * line): the first is kept, every later one is a duplicate naming where the kept row is.
   */
  static Dataset<Row> flagDuplicates(Dataset<Row> rows, List<String> key) {
    WindowSpec byKey =
        Window.partitionBy(key.stream().map(c -> col(c)).toArray(Column[]::new))
            .orderBy(col(CuratedSchemas.FILE_ORDER), col(CuratedSchemas.LINE));
    Column duplicate = row_number().over(byKey).gt(1);
    Column message =
        concat(
            lit("key already given at line "),
            first(col(CuratedSchemas.LINE)).over(byKey).cast("string"),
            lit(" of "),
            first(col(CuratedSchemas.FILE)).over(byKey));
    return flag(rows, duplicate, Reason.DUPLICATE_KEY, lit(String.join(",", key)), message);
  }

  /**
   * Flags each live row with a reference that resolves to no stored key. Tombstones refer to
   * nothing and always pass. {@code storedKeys} gives, for an entity, one column {@code k} holding
   * every stored key once (a table's keys are unique), so the keys of a reference to one entity are
   * joined as they are read; only those of a reference to several, which might share a key, are
   * made distinct first (a shuffle, and a Spark job, more).
   */
  static Dataset<Row> flagUnknownReferences(
      Dataset<Row> rows, List<Reference> references, Function<Entity, Dataset<Row>> storedKeys) {
    Dataset<Row> flagged = rows;
    for (int i = 0; i < references.size(); i++) {
      Reference reference = references.get(i);
      Dataset<Row> targets = null;
      for (Entity target : reference.targets()) {
        Dataset<Row> keys = storedKeys.apply(target);
        targets = targets == null ? keys : targets.union(keys);
      }
      String referenced = "_referenced_" + i;
      String found = "_found_" + i;
      if (reference.targets().size() > 1) {
        targets = targets.distinct();
      }
      Dataset<Row> known = targets.withColumnRenamed("k", referenced).withColumn(found, lit(true));
      flagged =
          flagged
              .withColumn(referenced, reference.key())
              .join(known, List.of(referenced).stream().collect(toSeq()), "left");
      Column unresolved =
          col(CuratedSchemas.DELETED_AT)
              .isNull()
              .and(col(referenced).isNotNull())
              .and(col(found).isNull());
      flagged =
          flag(
                  flagged,
                  unresolved,
                  Reason.UNKNOWN_REFERENCE,
                  lit(reference.field()),
                  lit(
                      reference.field()
                          + " refers to a record that is neither in this batch nor stored"))
              .drop(referenced, found);
    }
    return flagged;
  }

  /**
   * Flags each live region that passed the other checks and whose chain of parents loops, over the
   * table the merge would leave: the stored regions, replaced or deleted by the batch's regions
   * that passed ({@link ParentCycles#quarantined}: the batch's regions on a loop, and those whose
   * parent is one of them and stored nowhere). The stored regions never loop, since this check kept
   * every loop out. The regions are a catalogue of places, so their codes and parents are collected
   * to the driver.
   */
  static Dataset<Row> flagParentCycles(Dataset<Row> rows, Dataset<Row> storedRegions) {
    Map<String, String> stored = new HashMap<>();
    for (Row row : storedRegions.select("region", "parent").collectAsList()) {
      stored.put(row.getString(0), row.getString(1));
    }
    Map<String, String> batch = new HashMap<>();
    for (Row row :
        rows.filter(col(REASON).isNull())
            .select(col("region"), col("parent"), col(CuratedSchemas.DELETED_AT).isNull())
            .collectAsList()) {
      if (row.getBoolean(2)) {
        batch.put(row.getString(0), row.getString(1));
      } else {
        stored.remove(row.getString(0));
      }
    }
    List<Row> looping = new ArrayList<>();
    ParentCycles.quarantined(stored, batch)
        .forEach((region, message) -> looping.add(RowFactory.create(region, message)));
    if (looping.isEmpty()) {
      return rows;
    }
    Dataset<Row> loops =
        rows.sparkSession()
            .createDataFrame(
                looping,
                new StructType()
                    .add("_looping_region", DataTypes.StringType, false)
                    .add("_loop", DataTypes.StringType, false));
    Dataset<Row> joined =
        rows.join(
            loops,
            col("region")
                .equalTo(col("_looping_region"))
                .and(col(CuratedSchemas.DELETED_AT).isNull()),
            "left");
    return flag(joined, col("_loop").isNotNull(), Reason.PARENT_CYCLE, lit("parent"), col("_loop"))
        .drop("_looping_region", "_loop");
  }

  /**
   * The schema of an entity's decided rows (see {@link #decided}): the staging columns, then the
   * quarantine columns, every one nullable. A row's quarantine {@code reason} is null when it is
   * kept; a quarantined row has its quarantine columns filled.
   */
  public static StructType decidedSchema(Entity entity) {
    List<StructField> fields = new ArrayList<>(List.of(CuratedSchemas.staging(entity).fields()));
    fields.addAll(List.of(CuratedSchemas.quarantine().fields()));
    return DataTypes.createStructType(fields).asNullable();
  }

  /**
   * Every row of the entity's files once, decided, in the shape of {@link #decidedSchema}: the
   * checked rows ({@link #check}), a row that failed a check with its quarantine columns filled, a
   * row the stager rejected as it came. Written once, it gives both the rows to merge ({@link
   * #kept}) and the rows to quarantine ({@link #quarantined}), and its counts by file and reason
   * are the files' reports. {@code digest} gives a quarantined row's file digest from its {@code
   * source_file}.
   */
  public static Dataset<Row> decided(
      Dataset<Row> checked, Entity entity, String ingestId, Column digest) {
    StructType staging = CuratedSchemas.staging(entity);
    Column failing = col(REASON).isNotNull();
    Column rejectedByStager = col(CuratedSchemas.QUARANTINE_REASON).isNotNull();
    Column[] contractColumns =
        Arrays.stream(staging.fieldNames())
            .filter(c -> !c.startsWith("_"))
            .map(c -> col(c))
            .toArray(Column[]::new);
    List<Column> columns = new ArrayList<>();
    for (String name : staging.fieldNames()) {
      columns.add(col(name));
    }
    columns.add(when(failing, lit(ingestId)).as(CuratedSchemas.QUARANTINE_INGEST_ID));
    columns.add(
        when(failing, coalesce(col(CuratedSchemas.QUARANTINE_FILE), col(CuratedSchemas.FILE)))
            .as(CuratedSchemas.QUARANTINE_FILE));
    columns.add(lit(null).cast("string").as(CuratedSchemas.QUARANTINE_DIGEST));
    columns.add(
        when(failing, coalesce(col(CuratedSchemas.QUARANTINE_LINE), col(CuratedSchemas.LINE)))
            .as(CuratedSchemas.QUARANTINE_LINE));
    columns.add(col(REASON).as(CuratedSchemas.QUARANTINE_REASON));
    columns.add(col(FIELD).as(CuratedSchemas.QUARANTINE_FIELD));
    columns.add(col(MESSAGE).as(CuratedSchemas.QUARANTINE_MESSAGE));
    // a row the stager rejected keeps its sanitised raw row; one a check failed gets its typed
    // contract columns, already free of personal columns and pseudonymised
    columns.add(
        when(rejectedByStager, col(CuratedSchemas.QUARANTINE_RAW))
            .when(failing, to_json(struct(contractColumns)))
            .as(CuratedSchemas.QUARANTINE_RAW));
    return checked
        .select(columns.toArray(Column[]::new))
        .withColumn(
            CuratedSchemas.QUARANTINE_DIGEST,
            when(col(CuratedSchemas.QUARANTINE_REASON).isNotNull(), digest));
  }

  /** The decided rows that passed every check, in staging shape: the rows to merge. */
  public static Dataset<Row> kept(Dataset<Row> decided, Entity entity) {
    return decided
        .filter(col(CuratedSchemas.QUARANTINE_REASON).isNull())
        .select(
            Arrays.stream(CuratedSchemas.staging(entity).fieldNames())
                .map(c -> col(c))
                .toArray(Column[]::new));
  }

  /** The decided rows that failed a check, in quarantine shape: the rows to quarantine. */
  public static Dataset<Row> quarantined(Dataset<Row> decided) {
    return decided
        .filter(col(CuratedSchemas.QUARANTINE_REASON).isNotNull())
        .select(
            Arrays.stream(CuratedSchemas.quarantine().fieldNames())
                .map(c -> col(c))
                .toArray(Column[]::new));
  }

  /**
   * The decided rows counted by file and reason in one aggregation: file, reason (null for kept
   * rows), rows, and tombstones among them.
   */
  public static Dataset<Row> counts(Dataset<Row> decided) {
    return decided
        .groupBy(
            coalesce(col(CuratedSchemas.FILE), col(CuratedSchemas.QUARANTINE_FILE)).as("file"),
            col(CuratedSchemas.QUARANTINE_REASON))
        .agg(count(lit(1)).as("rows"), count(col(CuratedSchemas.DELETED_AT)).as("tombstones"));
  }

  private static Dataset<Row> flag(
      Dataset<Row> rows, Column failing, Reason reason, Column field, Column message) {
    Column fresh = col(REASON).isNull().and(coalesce(failing, lit(false)));
    return rows.withColumn(FIELD, when(fresh, field).otherwise(col(FIELD)))
        .withColumn(MESSAGE, when(fresh, message).otherwise(col(MESSAGE)))
        .withColumn(REASON, when(fresh, lit(reason.code())).otherwise(col(REASON)));
  }

  private static java.util.stream.Collector<String, ?, scala.collection.immutable.Seq<String>>
      toSeq() {
    return java.util.stream.Collectors.collectingAndThen(
        java.util.stream.Collectors.toList(),
        list -> scala.jdk.javaapi.CollectionConverters.asScala(list).toList());
  }
}
