package org.rishe.analytics.impact;

/**
 * Settings of {@link ImpactEstimator}: bootstrap resamples and seed, and the matching caliper in
 * standard deviations of the propensity logit with the number of neighbours per treated unit.
 *
 * <p>Defaults: a caliper of 0.2 (Austin 2011) and one neighbour, so every matched comparison is as
 * close as the data allow. Dehejia &amp; Wahba's (1999) matching, one neighbour with replacement
 * and no caliper, is {@code caliperStandardDeviations = Double.POSITIVE_INFINITY}; more neighbours
 * trade bias for variance (Abadie &amp; Imbens 2006 use four).
 */
public record ImpactOptions(
    int resamples, long seed, double caliperStandardDeviations, int matchingNeighbours) {
  public static final int DEFAULT_RESAMPLES = 200;
  public static final double DEFAULT_CALIPER = 0.2;
  public static final int DEFAULT_NEIGHBOURS = 1;

  public ImpactOptions {
    if (resamples < 20) {
      throw new IllegalArgumentException(
          "resamples must be at least 20 for a 95% percentile interval, got " + resamples);
    }
    if (!(caliperStandardDeviations > 0)) {
      throw new IllegalArgumentException(
          "caliper must be positive (infinite for no caliper), got " + caliperStandardDeviations);
    }
    if (matchingNeighbours < 1) {
      throw new IllegalArgumentException(
          "matching needs at least one neighbour per treated unit, got " + matchingNeighbours);
    }
  }

  public ImpactOptions(int resamples, long seed, double caliperStandardDeviations) {
    this(resamples, seed, caliperStandardDeviations, DEFAULT_NEIGHBOURS);
  }

  public static ImpactOptions defaults(long seed) {
    return new ImpactOptions(DEFAULT_RESAMPLES, seed, DEFAULT_CALIPER, DEFAULT_NEIGHBOURS);
  }
}
