package org.rishe.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.Reason;

/** Pure set-based checks of an ingest: duplicate keys within a batch and unknown references. */
public final class IngestTransforms {
  private static final String RANK = "_rank";
  private static final String FIRST_LINE = "_first_line";
  private static final String FIRST_FILE = "_first_file";

  private IngestTransforms() {}

  /** Staged rows kept, and the rows rejected in quarantine shape (without digest). */
  public record Split(Dataset<Row> kept, Dataset<Row> rejected) {}

  /**
   * One row per key: the first in file order (files in their order, then line); each later row with
   * the same key is rejected as a duplicate naming where the kept row is.
   */
  public static Split firstRowPerKey(Dataset<Row> staged, List<String> key, String ingestId) {
    WindowSpec byKey =
        Window.partitionBy(key.stream().map(c -> col(c)).toArray(Column[]::new))
            .orderBy(col(CuratedSchemas.FILE_ORDER), col(CuratedSchemas.LINE));
    Dataset<Row> ranked =
        staged
            .withColumn(RANK, row_number().over(byKey))
            .withColumn(FIRST_LINE, first(col(CuratedSchemas.LINE)).over(byKey))
            .withColumn(FIRST_FILE, first(col(CuratedSchemas.FILE)).over(byKey));
    Dataset<Row> kept = ranked.filter(col(RANK).equalTo(1)).drop(RANK, FIRST_LINE, FIRST_FILE);
    Dataset<Row> duplicates =
        quarantineShape(
            ranked.filter(col(RANK).gt(1)),
            ingestId,
            Reason.DUPLICATE_KEY,
            lit(String.join(",", key)),
            concat(
                lit("key already given at line "),
                col(FIRST_LINE).cast("string"),
                lit(" of "),
                col(FIRST_FILE)));
    return new Split(kept, duplicates);
  }

  /**
   * Rows whose references all resolve, and the others rejected with the first unresolved field.
   * Tombstones refer to nothing and always pass. {@code storedKeys} gives, for an entity, one
   * column {@code k} holding every stored key.
   */
  public static Split resolvedReferences(
      Dataset<Row> staged,
      List<Reference> references,
      Function<Entity, Dataset<Row>> storedKeys,
      String ingestId) {
    if (references.isEmpty()) {
      return new Split(staged, null);
    }
    Dataset<Row> live = staged.filter(col(CuratedSchemas.DELETED_AT).isNull());
    Dataset<Row> unresolved = null;
    for (int i = 0; i < references.size(); i++) {
      Reference reference = references.get(i);
      Dataset<Row> targets = null;
      for (Entity target : reference.targets()) {
        Dataset<Row> keys = storedKeys.apply(target);
        targets = targets == null ? keys : targets.union(keys);
      }
      Dataset<Row> withKey =
          live.withColumn("_ref", reference.key()).filter(col("_ref").isNotNull());
      Dataset<Row> missing =
          withKey
              .join(targets.distinct(), withKey.col("_ref").equalTo(targets.col("k")), "left_anti")
              .select(
                  col(CuratedSchemas.FILE_ORDER),
                  col(CuratedSchemas.LINE),
                  lit(i).as("_reference"),
                  lit(reference.field()).as("_field"));
      unresolved = unresolved == null ? missing : unresolved.union(missing);
    }
    Dataset<Row> firstPerRow =
        unresolved
            .groupBy(CuratedSchemas.FILE_ORDER, CuratedSchemas.LINE)
            .agg(min(col("_reference")).as("_reference"));
    String[] rowIdentity = {CuratedSchemas.FILE_ORDER, CuratedSchemas.LINE};
    Column field = lit(null).cast("string");
    for (int i = references.size() - 1; i >= 0; i--) {
      field = when(col("_reference").equalTo(i), lit(references.get(i).field())).otherwise(field);
    }
    Dataset<Row> rejected =
        quarantineShape(
            staged.join(firstPerRow, rowIdentity, "inner").withColumn("_unresolved_field", field),
            ingestId,
            Reason.UNKNOWN_REFERENCE,
            col("_unresolved_field"),
            concat(
                col("_unresolved_field"),
                lit(" refers to a record that is neither in this batch nor stored")));
    Dataset<Row> kept =
        staged.join(
            firstPerRow.select(CuratedSchemas.FILE_ORDER, CuratedSchemas.LINE),
            rowIdentity,
            "left_anti");
    return new Split(kept, rejected);
  }

  /**
   * A rejected staged row as quarantine keeps it: its typed contract columns as JSON. They are
   * already free of personal columns and pseudonymised, like the raw row read-time rejections keep.
   */
  private static Column rawRow(Dataset<Row> rows) {
    Column[] columns =
        java.util.Arrays.stream(rows.columns())
            .filter(c -> !c.startsWith("_"))
            .map(c -> col(c))
            .toArray(Column[]::new);
    return to_json(struct(columns));
  }

  private static Dataset<Row> quarantineShape(
      Dataset<Row> rows, String ingestId, Reason reason, Column field, Column message) {
    return rows.select(
        lit(ingestId).as(CuratedSchemas.QUARANTINE_INGEST_ID),
        col(CuratedSchemas.FILE).as(CuratedSchemas.QUARANTINE_FILE),
        lit("").as(CuratedSchemas.QUARANTINE_DIGEST),
        col(CuratedSchemas.LINE).as(CuratedSchemas.QUARANTINE_LINE),
        lit(reason.code()).as(CuratedSchemas.QUARANTINE_REASON),
        field.as(CuratedSchemas.QUARANTINE_FIELD),
        message.as(CuratedSchemas.QUARANTINE_MESSAGE),
        rawRow(rows).as(CuratedSchemas.QUARANTINE_RAW));
  }
}
