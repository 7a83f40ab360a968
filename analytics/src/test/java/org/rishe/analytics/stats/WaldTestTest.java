package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Two-sided normal p-values against mpmath's erfc(|z|/√2) at 30 significant digits. */
class WaldTestTest {
  @Test
  void moderateZGivesTheTextbookTail() {
    assertThat(WaldTest.twoSidedPValue(1.959963984540054)).isCloseTo(0.05, within(1e-15));
    assertThat(WaldTest.twoSidedPValue(3)).isCloseTo(0.0026997960632601890533, within(1e-16));
    assertThat(WaldTest.twoSidedPValue(-3)).isCloseTo(0.0026997960632601890533, within(1e-16));
    assertThat(WaldTest.twoSidedPValue(0)).isEqualTo(1);
    assertThat(WaldTest.twoSidedPValue(Double.NaN)).isNaN();
  }

  @Test
  void farTailsStayPositiveWhereOneMinusPhiIsZero() {
    // 1 - Φ(10) rounds to 0 in double; the upper tail computed directly does not
    assertThat(WaldTest.twoSidedPValue(10))
        .isCloseTo(1.5239706048321052132e-23, withinPercentage(1e-10));
    // 9.2e-308 is still a normal double
    assertThat(WaldTest.twoSidedPValue(37.5))
        .isCloseTo(9.2107060191639096877e-308, withinPercentage(1e-9));
  }

  @Test
  void beyondDoublePrecisionThePIsFlooredAndItsLogarithmExact() {
    // 2Φ(-40) = 7.3117870818300594075e-350 underflows a double: reported as the floor, never 0
    assertThat(WaldTest.twoSidedPValue(40)).isEqualTo(WaldTest.SMALLEST_P).isPositive();
    assertThat(WaldTest.twoSidedPValue(37.6)).isEqualTo(WaldTest.SMALLEST_P);
    assertThat(WaldTest.twoSidedPValue(Double.POSITIVE_INFINITY)).isEqualTo(WaldTest.SMALLEST_P);
    // ln 2Φ(-z) by mpmath: z = 40, 38, 37.7 (asymptotic series) and 37.5, 3 (log of the tail)
    assertThat(WaldTest.logTwoSidedPValue(40)).isCloseTo(-803.91529483319384286, within(1e-10));
    assertThat(WaldTest.logTwoSidedPValue(-40)).isCloseTo(-803.91529483319384286, within(1e-10));
    assertThat(WaldTest.logTwoSidedPValue(38)).isCloseTo(-725.86406883826018479, within(1e-10));
    assertThat(WaldTest.logTwoSidedPValue(37.7)).isCloseTo(-714.50115379996797316, within(1e-10));
    assertThat(WaldTest.logTwoSidedPValue(37.5)).isCloseTo(-706.97584213694724576, within(1e-10));
    assertThat(WaldTest.logTwoSidedPValue(3)).isCloseTo(-5.9145790409504042339, within(1e-13));
  }
}
