package org.rishe.analytics.rootcause;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.catalogue.Indicator;
import org.rishe.common.contract.Entity;
import org.rishe.spark.curated.CuratedSchemas;

/** Builds curated tables inline from named values, so tests read like the rows they describe. */
final class CuratedRows {
  private final SparkSession spark;
  private final Entity entity;
  private final List<Row> rows = new ArrayList<>();

  CuratedRows(SparkSession spark, Entity entity) {
    this.spark = spark;
    this.entity = entity;
  }

  /** Adds a row from alternating column names and values; dates may be given as text. */
  CuratedRows add(Object... namesAndValues) {
    StructType schema = CuratedSchemas.curated(entity);
    Object[] values = new Object[schema.fields().length];
    for (int i = 0; i < namesAndValues.length; i += 2) {
      int index = schema.fieldIndex((String) namesAndValues[i]);
      Object value = namesAndValues[i + 1];
      StructField field = schema.fields()[index];
      values[index] =
          field.dataType() instanceof DateType && value instanceof String text
              ? LocalDate.parse(text)
              : value;
    }
    rows.add(RowFactory.create(values));
    return this;
  }

  Dataset<Row> dataset() {
    return spark.createDataFrame(rows, CuratedSchemas.curated(entity));
  }

  /** The default catalogue as the curated indicators table. */
  static Dataset<Row> defaultIndicators(SparkSession spark) {
    CuratedRows indicators = new CuratedRows(spark, Entity.INDICATORS);
    for (Indicator indicator : Catalogue.defaultCatalogue().indicators()) {
      indicators.add(
          "code",
          indicator.code(),
          "kind",
          indicator.kind().code(),
          "value_type",
          indicator.valueType().code(),
          "threshold",
          indicator.threshold(),
          "direction",
          indicator.direction().code());
    }
    return indicators.dataset();
  }
}
