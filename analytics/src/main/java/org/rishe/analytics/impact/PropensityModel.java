package org.rishe.analytics.impact;

/**
 * Estimates each unit's probability of treatment given its covariates (the propensity score), by
 * fitting a model on the sample itself.
 */
public interface PropensityModel {
  /** Fits the model on {@code sample} and returns one propensity per unit, in unit order. */
  double[] propensities(ImpactSample sample);

  /**
   * The model to refit on bootstrap resamples of {@code sample}: by default this one; an iterative
   * fit may start each resample from the sample's own solution, which changes its speed, never its
   * answer.
   */
  default PropensityModel forResamplesOf(ImpactSample sample) {
    return this;
  }
}
