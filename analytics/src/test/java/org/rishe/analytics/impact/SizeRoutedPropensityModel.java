package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

/**
 * One logistic propensity model fitted two ways by sample size: MLlib up to {@code limit} units,
 * the in-JVM Newton fit above. Both find the same maximum likelihood ({@code PropensityModelTest}
 * checks that they agree), but MLlib's L-BFGS makes one Spark pass per iteration, hundreds of
 * passes over a sample the driver already holds: minutes per estimate at a million families,
 * against seconds for a handful of Newton steps.
 */
final class SizeRoutedPropensityModel implements PropensityModel {
  /** Largest sample fitted with MLlib. */
  static final int DEFAULT_LIMIT = 200_000;

  private final PropensityModel small;
  private final PropensityModel large;
  private final int limit;

  SizeRoutedPropensityModel(PropensityModel small, PropensityModel large, int limit) {
    this.small = requireNonNull(small, "small is null");
    this.large = requireNonNull(large, "large is null");
    this.limit = limit;
  }

  @Override
  public double[] propensities(ImpactSample sample) {
    return (sample.size() <= limit ? small : large).propensities(sample);
  }
}
