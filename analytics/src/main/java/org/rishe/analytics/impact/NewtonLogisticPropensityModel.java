package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

/**
 * Unpenalised logistic regression of treatment on the standardised covariates, fitted in the JVM by
 * Newton–Raphson (iteratively reweighted least squares) with step-halving, so every step raises the
 * likelihood. It is the same maximum-likelihood model as {@link SparkLogisticPropensityModel} (a
 * test checks they agree) but takes milliseconds, so the bootstrap can refit the propensity on
 * every resample where a Spark fit per resample would take minutes. Use it only on samples that fit
 * in memory, which is every sample a bootstrap sees.
 *
 * <p>For the resamples of a sample it starts from that sample's own fit ({@link #forResamplesOf}):
 * a resample's maximum is close to it, so Newton's quadratic convergence needs two or three steps
 * instead of six to eight from zero. The answer is the same maximum either way.
 */
public final class NewtonLogisticPropensityModel implements PropensityModel {
  private static final int MAXIMUM_ITERATIONS = 100;
  private static final int MAXIMUM_HALVINGS = 30;
  private static final double TOLERANCE = 1e-10;

  private final double[] start;

  /** A model whose every fit starts from zero. */
  public NewtonLogisticPropensityModel() {
    this(null);
  }

  private NewtonLogisticPropensityModel(double[] start) {
    this.start = start == null ? null : start.clone();
  }

  @Override
  public double[] propensities(ImpactSample sample) {
    requireNonNull(sample, "sample is null");
    double[][] design = Standardised.designMatrix(sample);
    double[] coefficients = fit(sample, design);
    double[] propensities = new double[design.length];
    for (int unit = 0; unit < design.length; unit++) {
      propensities[unit] =
          Standardised.logistic(Standardised.linearPredictor(design[unit], coefficients));
    }
    return propensities;
  }

  @Override
  public PropensityModel forResamplesOf(ImpactSample sample) {
    requireNonNull(sample, "sample is null");
    return new NewtonLogisticPropensityModel(fit(sample, Standardised.designMatrix(sample)));
  }

  private double[] fit(ImpactSample sample, double[][] design) {
    int columns = design[0].length;
    double[] coefficients =
        start != null && start.length == columns ? start.clone() : new double[columns];
    double[] weights = new double[design.length];
    double[] workingResponse = new double[design.length];
    double logLikelihood = logLikelihood(sample, design, coefficients);
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
      double nextLogLikelihood = logLikelihood(sample, design, next);
      // A full Newton step can overshoot far from the maximum: halve it until the likelihood rises.
      for (int halving = 0;
          halving < MAXIMUM_HALVINGS && !(nextLogLikelihood >= logLikelihood - 1e-9);
          halving++) {
        for (int column = 0; column < columns; column++) {
          next[column] = (next[column] + coefficients[column]) / 2;
        }
        nextLogLikelihood = logLikelihood(sample, design, next);
      }
      double change = 0;
      for (int column = 0; column < columns; column++) {
        change = Math.max(change, Math.abs(next[column] - coefficients[column]));
      }
      coefficients = next;
      logLikelihood = nextLogLikelihood;
      if (change < TOLERANCE) {
        break;
      }
    }
    return coefficients;
  }

  private static double logLikelihood(
      ImpactSample sample, double[][] design, double[] coefficients) {
    double sum = 0;
    for (int unit = 0; unit < design.length; unit++) {
      double eta = Standardised.linearPredictor(design[unit], coefficients);
      // log(1 + e^eta) computed without overflow
      double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      sum += (sample.isTreated(unit) ? eta : 0) - softplus;
    }
    return sum;
  }
}
