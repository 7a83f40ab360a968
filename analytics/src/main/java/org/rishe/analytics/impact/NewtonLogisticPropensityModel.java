package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

/**
 * Unpenalised logistic regression of treatment on the standardised covariates, fitted in the JVM by
 * Newton–Raphson (iteratively reweighted least squares). It is the same maximum-likelihood model as
 * {@link SparkLogisticPropensityModel} (a test checks they agree) but takes milliseconds, so the
 * bootstrap can refit the propensity on every resample where a Spark fit per resample would take
 * minutes. Use it only on samples that fit in memory, which is every sample a bootstrap sees.
 */
public final class NewtonLogisticPropensityModel implements PropensityModel {
  private static final int MAXIMUM_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-10;

  @Override
  public double[] propensities(ImpactSample sample) {
    requireNonNull(sample, "sample is null");
    double[][] design = Standardised.designMatrix(sample);
    double[] coefficients = new double[design[0].length];
    double[] weights = new double[design.length];
    double[] workingResponse = new double[design.length];
    for (int iteration = 0; iteration < MAXIMUM_ITERATIONS; iteration++) {
      for (int unit = 0; unit < design.length; unit++) {
        double eta = Standardised.linearPredictor(design[unit], coefficients);
        double probability = Standardised.logistic(eta);
        // Floor the weight so quasi-separated units cannot make the system singular.
        double weight = Math.max(probability * (1 - probability), 1e-12);
        double label = sample.isTreated(unit) ? 1 : 0;
        weights[unit] = weight;
        workingResponse[unit] = eta + (label - probability) / weight;
      }
      double[] next = LeastSquares.solve(design, weights, workingResponse);
      double change = 0;
      for (int column = 0; column < next.length; column++) {
        change = Math.max(change, Math.abs(next[column] - coefficients[column]));
      }
      coefficients = next;
      if (change < TOLERANCE) {
        break;
      }
    }
    double[] propensities = new double[design.length];
    for (int unit = 0; unit < design.length; unit++) {
      propensities[unit] =
          Standardised.logistic(Standardised.linearPredictor(design[unit], coefficients));
    }
    return propensities;
  }
}
