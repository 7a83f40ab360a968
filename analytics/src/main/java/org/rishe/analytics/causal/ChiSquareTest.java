package org.rishe.analytics.causal;

/**
 * Pearson's chi-square test of conditional independence: sum (O - E)^2 / E over the strata of the
 * conditioning set, with causal-learn's degrees of freedom, so that PC reproduces the graphs its
 * {@code chisq} test gives.
 */
public final class ChiSquareTest extends ContingencyTest {
  public ChiSquareTest(DiscreteData data) {
    super(data);
  }

  @Override
  double contribution(double observed, double expected) {
    double difference = observed - expected;
    return difference * difference / expected;
  }
}
