package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropensityMatchingTest {
  // One treated unit (outcome 10) at propensity 0.5; two controls tied with it (outcomes 2 and 4)
  // and one far away at 0.9 (outcome 100), 2.2 logits off where the caliper is 0.2 x 1.1.
  private static final ImpactSample SAMPLE =
      new ImpactSample(
          List.of("constant"),
          new boolean[] {true, false, false, false},
          new double[][] {{1}, {1}, {1}, {1}},
          new double[] {10, 2, 4, 100});
  private static final double[] PROPENSITIES = {0.5, 0.5, 0.5, 0.9};

  @Test
  void tiedControlsAreAveragedRatherThanPickedByRowOrder() {
    assertThat(estimate(Double.POSITIVE_INFINITY, 1).estimate()).isCloseTo(10 - 3, within(1e-9));
    assertThat(estimate(Double.POSITIVE_INFINITY, 2).estimate()).isCloseTo(10 - 3, within(1e-9));
  }

  @Test
  void moreNeighboursReachFurtherUnlessTheCaliperStopsThem() {
    assertThat(estimate(Double.POSITIVE_INFINITY, 3).estimate())
        .isCloseTo(10 - (2 + 4 + 100) / 3.0, within(1e-9));
    PropensityMatching.Result calipered = estimate(0.2, 3);
    assertThat(calipered.estimate()).isCloseTo(10 - 3, within(1e-9));
    assertThat(calipered.unmatchedTreated()).isZero();
  }

  private static PropensityMatching.Result estimate(double caliper, int neighbours) {
    return PropensityMatching.estimate(SAMPLE, PROPENSITIES, caliper, neighbours);
  }
}
