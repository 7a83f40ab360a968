package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Rate ratios against values computed independently: the exact intervals with SciPy's
 * Clopper–Pearson {@code binomtest(a, a + b).proportion_ci(method="exact")} mapped to the rate
 * scale by hand, the clustered interval by hand from each donor's influence value.
 */
class RateRatiosTest {
  @Test
  void poissonRatioHasTheExactConditionalInterval() {
    // 12 events in 2 weeks against 30 in 16: RR = 6 / 1.875 = 3.2; Clopper–Pearson for 12 of 42
    // is (0.157191, 0.445839), and p / (1 - p) · 16 / 2 gives the bounds
    Estimate ratio = RateRatios.poisson(12, 2, 30, 16);

    assertThat(ratio.estimate()).isCloseTo(3.2, within(1e-12));
    assertThat(ratio.low()).isCloseTo(1.492073, within(1e-5));
    assertThat(ratio.high()).isCloseTo(6.436233, within(1e-5));
  }

  @Test
  void noEventsInTheOccasionGivesZeroWithAnUpperBound() {
    // x = 0 of 30: the upper Clopper–Pearson bound is 1 - 0.025^(1/30) = 0.115692
    Estimate ratio = RateRatios.poisson(0, 2, 30, 16);

    assertThat(ratio.estimate()).isZero();
    assertThat(ratio.low()).isZero();
    double upper = 1 - Math.pow(0.025, 1.0 / 30);
    assertThat(ratio.high()).isCloseTo(upper / (1 - upper) * 8, within(1e-9));
    assertThat(ratio.high()).isCloseTo(1.046737, within(1e-5));
  }

  @Test
  void largeCountsAgreeWithTheLogScaleWaldInterval() {
    // 400 in 1 week against 800 in 4: RR 2, Wald exp(log 2 ± 1.96 √(1/400 + 1/800)) = (1.7738,
    // 2.2550); the exact interval (1.769348, 2.257875) is a little wider
    Estimate ratio = RateRatios.poisson(400, 1, 800, 4);

    assertThat(ratio.estimate()).isEqualTo(2.0);
    assertThat(ratio.low()).isCloseTo(1.769348, within(1e-5)).isCloseTo(1.7738, within(0.005));
    assertThat(ratio.high()).isCloseTo(2.257875, within(1e-5)).isCloseTo(2.2550, within(0.005));
  }

  @Test
  void nothingToCompareWithGivesNoRatio() {
    Estimate ratio = RateRatios.poisson(5, 1, 0, 4);

    assertThat(ratio.estimate()).isNaN();
    assertThat(ratio.low()).isNaN();
    assertThat(ratio.high()).isNaN();
  }

  @Test
  void clusteredRatioOfAmountsHasTheDeltaMethodInterval() {
    // five donors, amounts in the occasion (1 week) and the comparison (2 weeks):
    //   y1 = 10, 30, 0, 25, 5 (Y1 = 70); y0 = 20, 0, 40, 10, 30 (Y0 = 100)
    // RR = (70 / 1) / (100 / 2) = 1.4
    // z = y1 / 70 - y0 / 100 = -0.057143, 0.428571, -0.4, 0.257143, -0.228571
    // Σ z² = 0.465306; Var(log RR) = 5 / 4 · 0.465306 = 0.581633; t(0.975, 4) = 2.776445
    // bounds 1.4 · exp(∓ 2.776445 · 0.762649) = 0.168473, 11.633906
    double[] in = {10, 30, 0, 25, 5};
    double[] out = {20, 0, 40, 10, 30};
    double inSquares = 0;
    double outSquares = 0;
    double products = 0;
    for (int donor = 0; donor < in.length; donor++) {
      inSquares += in[donor] * in[donor];
      outSquares += out[donor] * out[donor];
      products += in[donor] * out[donor];
    }
    Estimate ratio =
        RateRatios.clustered(
            new RateRatios.ClusterSums(70, 100, inSquares, outSquares, products, 5), 1, 2);

    assertThat(ratio.estimate()).isCloseTo(1.4, within(1e-12));
    assertThat(ratio.low()).isCloseTo(0.168473, within(1e-5));
    assertThat(ratio.high()).isCloseTo(11.633906, within(1e-4));
  }

  @Test
  void clusteredRatioWithoutEnoughDonorsHasNoInterval() {
    Estimate one = RateRatios.clustered(new RateRatios.ClusterSums(10, 20, 100, 400, 200, 1), 1, 2);
    Estimate nothingGiven =
        RateRatios.clustered(new RateRatios.ClusterSums(0, 20, 0, 400, 0, 3), 1, 2);

    assertThat(one.estimate()).isEqualTo(1.0);
    assertThat(one.low()).isNaN();
    assertThat(nothingGiven.estimate()).isZero();
    assertThat(nothingGiven.high()).isNaN();
  }
}
