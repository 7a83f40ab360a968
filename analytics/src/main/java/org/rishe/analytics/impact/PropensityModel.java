package org.rishe.analytics.impact;

/**
 * Estimates each unit's probability of treatment given its covariates (the propensity score), by
 * fitting a model on the sample itself.
 */
public interface PropensityModel {
  /** Fits the model on {@code sample} and returns one propensity per unit, in unit order. */
  double[] propensities(ImpactSample sample);
}
