package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.rishe.spark.TestSparkSessions;

/** The coding of the graph's variables and their pattern counts, on a few inline people. */
class CausalGraphTransformsTest {
  private final SparkSession spark = TestSparkSessions.shared();

  @Test
  void patternsCodeDemographicsMissingFactorsAndCaseFlagsAndCountIdenticalPeopleOnce() {
    StructType schema =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField("region", DataTypes.StringType, false),
                DataTypes.createStructField("age", DataTypes.IntegerType, false),
                DataTypes.createStructField("sex", DataTypes.StringType, true),
                DataTypes.createStructField("out_of_school", DataTypes.IntegerType, true),
                DataTypes.createStructField("delinquency", DataTypes.IntegerType, true)));
    Dataset<Row> matrix =
        spark.createDataFrame(
            List.of(
                RowFactory.create("R01", 7, "female", 1, 1),
                RowFactory.create("R01", 8, "female", 1, 1),
                RowFactory.create("R02", 12, "male", null, 0),
                RowFactory.create("R02", 15, null, 0, null)),
            schema);

    List<String> rows =
        CausalGraphTransforms.patternCounts(
                matrix, List.of("out_of_school"), List.of("delinquency"), List.of("R01", "R02"))
            .collectAsList()
            .stream()
            .map(row -> Arrays.toString(rowValues(row)))
            .sorted()
            .toList();

    // sex: male 0, female 1, other or unknown 2; age band: 0-8 0, 9-12 1, 13+ 2; a missing factor
    // is its own category 2; a problem without a case is 0.
    assertThat(rows)
        .containsExactly("[0, 1, 1, 2, 0, 1]", "[1, 0, 0, 1, 1, 2]", "[2, 2, 1, 0, 0, 1]");
  }

  private static Object[] rowValues(Row row) {
    Object[] values = new Object[row.size()];
    for (int index = 0; index < row.size(); index++) {
      values[index] = row.get(index);
    }
    return values;
  }
}
