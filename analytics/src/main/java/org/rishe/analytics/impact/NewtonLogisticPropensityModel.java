package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

/**
 * Unpenalised logistic regression of treatment on the standardised covariates, fitted in the JVM by
 * Newton–Raphson (iteratively reweighted least squares) with step-halving, so every step raises the
 * likelihood: the maximum-likelihood model Spark MLlib's {@code LogisticRegression} also fits (a
 * test checks they agree). {@link ProgramImpactJob} fits it on the executor that holds each
 * programme × outcome group, in milliseconds where a Spark job per fit would take seconds.
 *
 * <p>For the resamples of the optional bootstrap it starts from the sample's own fit ({@link
 * #forResamplesOf}): a resample's maximum is close to it, so Newton's quadratic convergence needs
 * two or three steps instead of six to eight from zero. The answer is the same maximum either way.
 */
public final class NewtonLogisticPropensityModel implements PropensityModel {
  private static final int MAXIMUM_ITERATIONS = 100;
  private static final int MAXIMUM_HALVINGS = 30;
  private static final double TOLERANCE = 1e-10;

  /**
   * A step that raises the log-likelihood by less than this share of it (plus 0.1, as R's {@code
   * glm} measures its deviance) gains nothing. Two such steps in a row end the fit: at a maximum
   * Newton's steps shrink quadratically, so the coefficients have long met {@link #TOLERANCE} by
   * then; without one (quasi-separation: a covariate value no participant, or no comparison person,
   * has) the coefficients of the separated units would otherwise grow by about one a step until the
   * iteration limit, while their propensities are already within 1e-9 of 0 or 1.
   */
  private static final double LIKELIHOOD_TOLERANCE = 1e-10;

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
    double[] coefficients = fit(sample, design).coefficients();
    double[] propensities = new double[design.length];
    for (int unit = 0; unit < design.length; unit++) {
      propensities[unit] =
          Standardised.logistic(Standardised.linearPredictor(design[unit], coefficients));
    }
    return propensities;
  }

  @Override
  public PropensityModel forResamplesOf(ImpactSample sample) {
    return new NewtonLogisticPropensityModel(fit(sample).coefficients());
  }

  /** The fit's coefficients (on the standardised covariates) and the Newton steps it took. */
  record Fit(double[] coefficients, int iterations) {}

  /** Fits {@code sample}'s propensity model, from this model's start. */
  Fit fit(ImpactSample sample) {
    requireNonNull(sample, "sample is null");
    return fit(sample, Standardised.designMatrix(sample));
  }

  private Fit fit(ImpactSample sample, double[][] design) {
    int columns = design[0].length;
    double[] coefficients =
        start != null && start.length == columns ? start.clone() : new double[columns];
    double[] weights = new double[design.length];
    double[] workingResponse = new double[design.length];
    double logLikelihood = logLikelihood(sample, design, coefficients);
    int flatSteps = 0;
    int iterations = 0;
    while (iterations < MAXIMUM_ITERATIONS) {
      iterations++;
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
      double gain = nextLogLikelihood - logLikelihood;
      boolean flat = Math.abs(gain) < LIKELIHOOD_TOLERANCE * (Math.abs(nextLogLikelihood) + 0.1);
      flatSteps = flat ? flatSteps + 1 : 0;
      coefficients = next;
      logLikelihood = nextLogLikelihood;
      if (change < TOLERANCE || flatSteps >= 2) {
        break;
      }
    }
    return new Fit(coefficients, iterations);
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
