package org.rishe.analytics.impact;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The school-enrolment effect of PRG01 on the treated, estimated from a generated batch by exact
 * stratification on the generator's two true confounders, read where the generator leaves them
 * complete: out of school from {@code people.education_level} ("none" for every out-of-school child
 * of 6 or more) and low income from {@code families.monthly_income} (below 300). Enrolment depends
 * on nothing else, so this estimate has no confounding bias; what separates it from the true +0.15
 * is the sampling noise of the batch, which the pipeline's estimate shares. The pipeline cannot use
 * these columns (education_level is a current snapshot in real exports), so it is the yardstick for
 * how close observed covariates get, not an estimator.
 */
final class TrueConfounderStratification {
  private TrueConfounderStratification() {}

  static double schoolEnrolledEffect(SparkSession spark, Path batch) {
    Dataset<Row> people = csv(spark, batch, "people");
    Dataset<Row> families = csv(spark, batch, "families");
    Dataset<Row> treated =
        csv(spark, batch, "enrollments")
            .filter(col("program_id").equalTo("PRG01"))
            .select(col("person_id"))
            .distinct()
            .withColumn("treated", lit(1));
    Dataset<Row> outcomes =
        csv(spark, batch, "observations")
            .filter(
                col("indicator").equalTo("school_enrolled").and(col("value").isin("true", "false")))
            .groupBy(col("subject_id").as("person_id"))
            .agg(min_by(col("value"), col("observed_on")).as("value"));
    List<Row> strata =
        outcomes
            .join(people, "person_id")
            .join(families.select("family_id", "monthly_income"), "family_id")
            .join(treated, new String[] {"person_id"}, "left")
            .select(
                when(col("treated").isNull(), 0).otherwise(1).as("treated"),
                col("education_level").equalTo("none").as("out_of_school"),
                col("monthly_income").cast("double").lt(300).as("low_income"),
                when(col("value").equalTo("true"), 1.0).otherwise(0.0).as("enrolled"))
            .groupBy("out_of_school", "low_income", "treated")
            .agg(count(lit(1)).as("people"), avg("enrolled").as("rate"))
            .collectAsList();
    Map<String, double[]> byStratum = new HashMap<>();
    for (Row row : strata) {
      String stratum = row.get(0) + " " + row.get(1);
      double[] cells = byStratum.computeIfAbsent(stratum, key -> new double[4]);
      if (row.getInt(2) == 1) {
        cells[0] = row.getLong(3);
        cells[1] = row.getDouble(4);
      } else {
        cells[2] = row.getDouble(4);
        cells[3] = row.getLong(3);
      }
    }
    double weighted = 0;
    double treatedCount = 0;
    for (Map.Entry<String, double[]> entry : byStratum.entrySet()) {
      double[] cells = entry.getValue();
      if (cells[0] > 0 && cells[3] == 0) {
        throw new IllegalStateException("stratum " + entry.getKey() + " has no comparison child");
      }
      weighted += cells[0] * (cells[1] - cells[2]);
      treatedCount += cells[0];
    }
    return weighted / treatedCount;
  }

  private static Dataset<Row> csv(SparkSession spark, Path batch, String file) {
    return spark.read().option("header", "true").csv(batch.resolve(file + ".csv").toString());
  }
}
