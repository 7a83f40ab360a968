package org.rishe.analytics.causal;

/**
 * The G-test (likelihood-ratio chi-square): G = 2 sum O ln(O / E) over the strata of the
 * conditioning set. Cells with no observations contribute nothing, as the limit of O ln O.
 */
public final class GSquareTest extends ContingencyTest {
  public GSquareTest(DiscreteData data) {
    super(data);
  }

  @Override
  double contribution(double observed, double expected) {
    return observed == 0 ? 0 : 2 * observed * Math.log(observed / expected);
  }
}
