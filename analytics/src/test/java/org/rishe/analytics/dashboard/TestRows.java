package org.rishe.analytics.dashboard;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Small inline tables for transform tests: a DDL schema and the rows as value arrays. */
public final class TestRows {
  private TestRows() {}

  public static Dataset<Row> table(SparkSession spark, String ddl, Object[]... rows) {
    List<Row> list = Arrays.stream(rows).map(values -> RowFactory.create(values)).toList();
    return spark.createDataFrame(list, StructType.fromDDL(ddl));
  }
}
