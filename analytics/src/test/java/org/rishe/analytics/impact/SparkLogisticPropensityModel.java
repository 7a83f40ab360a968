package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Propensity by Spark MLlib's unpenalised {@link LogisticRegression} on the standardised covariates
 * (standardised here rather than by MLlib so both propensity models share one design matrix). The
 * fitted coefficients are applied in the JVM, so predicting costs no second Spark job. The tests'
 * reference for {@link NewtonLogisticPropensityModel}, the model the analysis uses.
 */
public final class SparkLogisticPropensityModel implements PropensityModel {
  static final String LABEL = "treated";
  static final String FEATURES = "features";
  private static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            new StructField(LABEL, DataTypes.DoubleType, false, Metadata.empty()),
            new StructField(FEATURES, new VectorUDT(), false, Metadata.empty())
          });

  private final SparkSession spark;

  public SparkLogisticPropensityModel(SparkSession spark) {
    this.spark = requireNonNull(spark, "spark is null");
  }

  @Override
  public double[] propensities(ImpactSample sample) {
    requireNonNull(sample, "sample is null");
    double[][] design = Standardised.designMatrix(sample);
    List<Row> rows = new ArrayList<>(design.length);
    for (int unit = 0; unit < design.length; unit++) {
      // MLlib adds its own intercept, so the leading column of ones is left out.
      double[] features = Arrays.copyOfRange(design[unit], 1, design[unit].length);
      rows.add(RowFactory.create(sample.isTreated(unit) ? 1.0 : 0.0, Vectors.dense(features)));
    }
    Dataset<Row> training = spark.createDataFrame(rows, SCHEMA);
    LogisticRegressionModel model =
        new LogisticRegression()
            .setLabelCol(LABEL)
            .setFeaturesCol(FEATURES)
            .setFamily("binomial")
            .setRegParam(0)
            .setStandardization(false)
            .setMaxIter(500)
            .setTol(1e-10)
            .fit(training);
    Vector coefficients = model.coefficients();
    double[] allCoefficients = new double[design[0].length];
    allCoefficients[0] = model.intercept();
    for (int column = 1; column < allCoefficients.length; column++) {
      allCoefficients[column] = coefficients.apply(column - 1);
    }
    double[] propensities = new double[design.length];
    for (int unit = 0; unit < design.length; unit++) {
      propensities[unit] =
          Standardised.logistic(Standardised.linearPredictor(design[unit], allCoefficients));
    }
    return propensities;
  }
}
