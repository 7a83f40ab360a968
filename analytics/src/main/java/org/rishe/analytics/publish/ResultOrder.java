package org.rishe.analytics.publish;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The order a result table is stored and read in. A result is small (an aggregate: a row per
 * region, month, programme or code), so it is gathered into one partition and sorted there. A
 * global {@code orderBy} would instead range-partition it, and Spark computes the ranges by running
 * the whole plan above the sort once more to sample it: every sorted result cost a second job that
 * repeated its joins and aggregations (18 of the 173 jobs of the demo's analyze).
 */
public final class ResultOrder {
  private ResultOrder() {}

  /** {@code rows} in one partition, sorted by {@code order}: a globally sorted result. */
  public static Dataset<Row> sorted(Dataset<Row> rows, Column... order) {
    return rows.repartition(1).sortWithinPartitions(order);
  }

  /** {@code rows} in one partition, sorted by the named columns. */
  public static Dataset<Row> sorted(Dataset<Row> rows, String first, String... rest) {
    return rows.repartition(1).sortWithinPartitions(first, rest);
  }
}
