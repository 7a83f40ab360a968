package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {
  @Test
  void benjaminiHochbergMatchesAHandComputation() {
    // sorted: 0.005*4/1 = 0.02, 0.01*4/2 = 0.02, 0.03*4/3 = 0.04, 0.04*4/4 = 0.04; then cummin
    double[] adjusted = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005});

    assertThat(adjusted).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
  }

  @Test
  void benjaminiHochbergKeepsMonotoneWithTheRunningMinimum() {
    // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") is 0.05 five times
    double[] adjusted =
        MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.02, 0.03, 0.04, 0.05});

    assertThat(adjusted)
        .containsExactly(new double[] {0.05, 0.05, 0.05, 0.05, 0.05}, within(1e-12));
  }

  @Test
  void benjaminiHochbergCapsAtOneAndLeavesNanOut() {
    // two tested: 0.6*2/1 = 1.2 -> min with 0.9*2/2 = 0.9; NaN is not counted
    double[] adjusted = MultipleTesting.benjaminiHochberg(new double[] {0.9, Double.NaN, 0.6});

    assertThat(adjusted[0]).isCloseTo(0.9, within(1e-12));
    assertThat(adjusted[1]).isNaN();
    assertThat(adjusted[2]).isCloseTo(0.9, within(1e-12));
  }
}
