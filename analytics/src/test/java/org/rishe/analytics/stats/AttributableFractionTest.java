package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AttributableFractionTest {
  @Test
  void pointEstimateIsMiettinensFormula() {
    // 60 of 100 cases exposed, RR 2: PAF = 0.6 * (2 - 1) / 2 = 0.3
    Estimate fraction = AttributableFraction.miettinen(new Estimate(2, 1.5, 2.6667), 60, 100);

    assertThat(fraction.estimate()).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void intervalIsTheCornerOfTheWidenedRectangleComputedByHand() {
    Estimate ratio = new Estimate(2, 1.5, 2.6667);
    double z95 = 1.959963984540054;
    double z975 = 2.241402727604947;
    double logError = (Math.log(2.6667) - Math.log(1.5)) / (2 * z95);
    double lowRatio = Math.exp(Math.log(2) - z975 * logError);
    double highRatio = Math.exp(Math.log(2) + z975 * logError);
    Estimate share = Proportions.wilson(60, 100, 0.975);

    Estimate fraction = AttributableFraction.miettinen(ratio, 60, 100);

    // RR > 1 throughout, so PAF increases in both inputs: low corner and high corner.
    assertThat(fraction.low()).isCloseTo(share.low() * (1 - 1 / lowRatio), within(1e-12));
    assertThat(fraction.high()).isCloseTo(share.high() * (1 - 1 / highRatio), within(1e-12));
    // and it is wider than plugging the 95% bounds in directly
    Estimate share95 = Proportions.wilson(60, 100);
    assertThat(fraction.low()).isLessThan(share95.low() * (1 - 1 / 1.5));
  }

  @Test
  void protectiveExposureGivesANegativeFraction() {
    Estimate fraction = AttributableFraction.miettinen(new Estimate(0.5, 0.3, 0.8), 20, 100);

    assertThat(fraction.estimate()).isCloseTo(0.2 * (0.5 - 1) / 0.5, within(1e-12));
    assertThat(fraction.high()).isLessThan(0);
  }
}
