package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.rishe.spark.TestSparkSessions;

/** The in-JVM logistic fit against MLlib's binomial GLM, and its refusal to report separation. */
class LogisticFitTest {
  @Test
  void coefficientsAndStandardErrorsMatchMllibGeneralizedLinearRegression() {
    SplittableRandom random = new SplittableRandom(7);
    int size = 3000;
    double[][] design = new double[size][];
    double[] outcome = new double[size];
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      double exposed = random.nextDouble() < 0.3 ? 1 : 0;
      double age = random.nextInt(5, 18) - 11;
      double female = random.nextDouble() < 0.5 ? 1 : 0;
      double eta = -2 + 0.9 * exposed + 0.1 * age - 0.4 * female;
      outcome[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      design[i] = new double[] {1, exposed, age, female};
      rows.add(RowFactory.create(outcome[i], Vectors.dense(exposed, age, female)));
    }
    SparkSession spark = TestSparkSessions.shared();
    StructType schema =
        new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", new VectorUDT(), false);
    GeneralizedLinearRegressionModel reference =
        new GeneralizedLinearRegression()
            .setFamily("binomial")
            .setLink("logit")
            .setMaxIter(50)
            .setTol(1e-12)
            .fit(spark.createDataFrame(rows, schema));
    double[] referenceErrors = reference.summary().coefficientStandardErrors();

    LogisticFit fit = LogisticFit.fit(design, outcome).orElseThrow();

    assertThat(fit.coefficients()[0]).isCloseTo(reference.intercept(), within(1e-6));
    for (int j = 0; j < 3; j++) {
      assertThat(fit.coefficients()[j + 1])
          .isCloseTo(reference.coefficients().apply(j), within(1e-6));
      // MLlib lists the intercept's standard error last.
      assertThat(fit.standardErrors()[j + 1]).isCloseTo(referenceErrors[j], within(1e-6));
    }
    assertThat(fit.standardErrors()[0]).isCloseTo(referenceErrors[3], within(1e-6));
  }

  @Test
  void separatedDataGiveNoFit() {
    double[][] design = {{1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}};
    double[] outcome = {0, 0, 1, 1, 1, 1};
    assertThat(LogisticFit.fit(design, outcome)).isEmpty();
  }

  @Test
  void constantColumnGivesNoFit() {
    double[][] design = {{1, 0}, {1, 0}, {1, 0}, {1, 0}};
    double[] outcome = {0, 1, 0, 1};
    assertThat(LogisticFit.fit(design, outcome)).isEmpty();
  }
}
