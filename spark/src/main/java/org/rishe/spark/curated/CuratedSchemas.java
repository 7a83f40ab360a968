package org.rishe.spark.curated;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.contract.Entity;
import org.rishe.common.contract.Field;

/**
 * Spark schemas of the curated tables, of the staging rows an ingest writes before its set-based
 * checks, and of quarantine. Curated columns are the contract's fields, typed; never inferred.
 */
public final class CuratedSchemas {
  /** Staging: which batch file of the entity the row came from (its order among them). */
  public static final String FILE = "_file";

  public static final String FILE_ORDER = "_file_order";
  public static final String LINE = "_line";

  /** Staging: the tombstone time, or null for an upsert. */
  public static final String DELETED_AT = "_deleted_at";

  public static final String QUARANTINE_INGEST_ID = "ingest_id";
  public static final String QUARANTINE_FILE = "source_file";
  public static final String QUARANTINE_DIGEST = "source_digest";
  public static final String QUARANTINE_LINE = "line";
  public static final String QUARANTINE_REASON = "reason";
  public static final String QUARANTINE_FIELD = "field";
  public static final String QUARANTINE_MESSAGE = "message";
  public static final String QUARANTINE_RAW = "raw_row";

  private CuratedSchemas() {}

  /** One row per stored record of the entity. */
  public static StructType curated(Entity entity) {
    List<StructField> fields = new ArrayList<>();
    for (Field field : entity.fields()) {
      fields.add(
          DataTypes.createStructField(
              field.name(), sparkType(field), !entity.key().contains(field.name())));
    }
    return DataTypes.createStructType(fields);
  }

  /** One row per accepted line of a batch file, before duplicate and reference checks. */
  public static StructType staging(Entity entity) {
    List<StructField> fields = new ArrayList<>(List.of(curated(entity).fields()));
    fields.add(DataTypes.createStructField(FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(FILE_ORDER, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(DELETED_AT, DataTypes.TimestampType, true));
    return DataTypes.createStructType(fields).asNullable();
  }

  /** One row per rejected line: where it came from, why, and the row with personal data removed. */
  public static StructType quarantine() {
    return DataTypes.createStructType(
        List.of(
            DataTypes.createStructField(QUARANTINE_INGEST_ID, DataTypes.StringType, false),
            DataTypes.createStructField(QUARANTINE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(QUARANTINE_DIGEST, DataTypes.StringType, false),
            DataTypes.createStructField(QUARANTINE_LINE, DataTypes.LongType, false),
            DataTypes.createStructField(QUARANTINE_REASON, DataTypes.StringType, false),
            DataTypes.createStructField(QUARANTINE_FIELD, DataTypes.StringType, true),
            DataTypes.createStructField(QUARANTINE_MESSAGE, DataTypes.StringType, false),
            DataTypes.createStructField(QUARANTINE_RAW, DataTypes.StringType, true)));
  }

  static DataType sparkType(Field field) {
    return switch (field.type()) {
      case TEXT, IDENTIFIER, CODE, ENUM, DESIGNATION, SUBJECT, GEOMETRY -> DataTypes.StringType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case INTEGER -> DataTypes.LongType;
      case NUMBER -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }
}
