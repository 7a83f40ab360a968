package org.rishe.analytics.problems;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.common.results.ResultTables;

/** Counts per problem. */
public final class ProblemTransforms {
  private ProblemTransforms() {}

  /**
   * One row per problem in the catalogue: its labels, the number of cases and of distinct people
   * with a case (zero when none). {@code cases} must already be limited to the analytic scope.
   */
  public static Dataset<Row> problemCounts(Dataset<Row> cases, Dataset<Row> indicators) {
    Dataset<Row> counts =
        cases
            .groupBy(col("problem"))
            .agg(
                count(lit(1)).as(ResultTables.CASES),
                countDistinct(col("person_id")).as(ResultTables.PEOPLE));
    Dataset<Row> problems = indicators.filter(col("kind").equalTo("problem"));
    return ResultOrder.sorted(
        problems
            .join(counts, problems.col("code").equalTo(counts.col("problem")), "left")
            .select(
                problems.col("code").as(ResultTables.CODE),
                problems.col("label_en").as(ResultTables.LABEL_EN),
                problems.col("label_fa").as(ResultTables.LABEL_FA),
                org.apache
                    .spark
                    .sql
                    .functions
                    .coalesce(counts.col(ResultTables.CASES), lit(0L))
                    .as(ResultTables.CASES),
                org.apache
                    .spark
                    .sql
                    .functions
                    .coalesce(counts.col(ResultTables.PEOPLE), lit(0L))
                    .as(ResultTables.PEOPLE)),
        col(ResultTables.CODE));
  }
}
