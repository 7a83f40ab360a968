package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionsTest {
  @Test
  void wilsonMatchesNewcombesPublishedIntervals() {
    // Newcombe (1998), Stat Med 17:857, Table I, method 3 (score, no continuity correction)
    assertInterval(Proportions.wilson(81, 263), 0.2553, 0.3662);
    assertInterval(Proportions.wilson(15, 148), 0.0624, 0.1605);
    assertInterval(Proportions.wilson(0, 20), 0.0, 0.1611);
    assertInterval(Proportions.wilson(1, 29), 0.0061, 0.1718);
  }

  @Test
  void wilsonUpperBoundForZeroSuccessesIsZSquaredOverNPlusZSquared() {
    double z2 = 1.959963984540054 * 1.959963984540054;

    assertThat(Proportions.wilson(0, 20).high()).isCloseTo(z2 / (20 + z2), within(1e-12));
  }

  private static void assertInterval(Estimate interval, double low, double high) {
    assertThat(interval.low()).isCloseTo(low, within(5e-5));
    assertThat(interval.high()).isCloseTo(high, within(5e-5));
  }
}
