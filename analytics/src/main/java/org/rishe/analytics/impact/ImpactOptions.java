package org.rishe.analytics.impact;

/**
 * Settings of {@link ImpactEstimator}: bootstrap resamples and seed, and the matching caliper in
 * standard deviations of the propensity logit (0.2 following Austin 2011).
 */
public record ImpactOptions(int resamples, long seed, double caliperStandardDeviations) {
  public static final int DEFAULT_RESAMPLES = 200;
  public static final double DEFAULT_CALIPER = 0.2;

  public ImpactOptions {
    if (resamples < 20) {
      throw new IllegalArgumentException(
          "resamples must be at least 20 for a 95% percentile interval, got " + resamples);
    }
    if (!(caliperStandardDeviations > 0)) {
      throw new IllegalArgumentException(
          "caliper must be positive, got " + caliperStandardDeviations);
    }
  }

  public static ImpactOptions defaults(long seed) {
    return new ImpactOptions(DEFAULT_RESAMPLES, seed, DEFAULT_CALIPER);
  }
}
