package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static double[] sample() {
    SplittableRandom random = new SplittableRandom(11);
    double[] values = new double[400];
    Arrays.setAll(values, i -> random.nextDouble() * 12); // uniform(0, 12): sd = sqrt(12)
    return values;
  }

  private static double mean(double[] values, int[] indices) {
    double sum = 0;
    for (int index : indices) {
      sum += values[index];
    }
    return sum / indices.length;
  }

  @Test
  void sameSeedGivesTheSameInterval() {
    double[] values = sample();

    Estimate first = Bootstrap.percentile(values.length, 200, 7, indices -> mean(values, indices));
    Estimate second = Bootstrap.percentile(values.length, 200, 7, indices -> mean(values, indices));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void intervalOfAMeanHasTheWidthOfTheNormalInterval() {
    double[] values = sample();
    double sampleMean = Arrays.stream(values).average().orElseThrow();
    // 95% half width 1.96 * sigma / sqrt(n) with sigma = sqrt(144 / 12) for uniform(0, 12)
    double halfWidth = 1.959964 * Math.sqrt(12) / Math.sqrt(400);

    Estimate interval =
        Bootstrap.percentile(values.length, 1000, 3, indices -> mean(values, indices));

    assertThat(interval.estimate()).isCloseTo(sampleMean, within(1e-12));
    // 1000 resamples estimate each bound within a few percent of the half width
    assertThat(interval.high() - interval.low()).isCloseTo(2 * halfWidth, within(0.15 * halfWidth));
    assertThat(interval.covers(sampleMean)).isTrue();
  }

  @Test
  void intervalUsesRTypeSevenQuantilesAndSkipsNan() {
    // 0..100 plus a NaN: the 2.5% and 97.5% quantiles of 0..100 are 2.5 and 97.5
    double[] replicates = new double[102];
    Arrays.setAll(replicates, i -> i);
    replicates[101] = Double.NaN;

    Estimate interval = Bootstrap.interval(50, replicates);

    assertThat(interval.low()).isCloseTo(2.5, within(1e-12));
    assertThat(interval.high()).isCloseTo(97.5, within(1e-12));
  }

  @Test
  void rescaledIntervalReflectsTheQuantilesAboutTheEstimateAndShrinksThemBySqrtMOverN() {
    // 0..100 plus a NaN: q2.5 = 2.5 and q97.5 = 97.5 as above. m/n = 1000/4000, s = 0.5:
    // low = 40 - 0.5 (97.5 - 40) = 11.25, high = 40 - 0.5 (2.5 - 40) = 58.75.
    double[] replicates = new double[102];
    Arrays.setAll(replicates, i -> i);
    replicates[101] = Double.NaN;

    Estimate interval = Bootstrap.rescaledInterval(40, replicates, 1000, 4000);

    assertThat(interval.estimate()).isEqualTo(40);
    assertThat(interval.low()).isCloseTo(11.25, within(1e-12));
    assertThat(interval.high()).isCloseTo(58.75, within(1e-12));
  }

  @Test
  void rescaledIntervalOfNoDefinedReplicatesIsNanAndAResampleLargerThanTheSampleIsRefused() {
    Estimate none = Bootstrap.rescaledInterval(1, new double[] {Double.NaN}, 10, 40);

    assertThat(none.low()).isNaN();
    assertThat(none.high()).isNaN();
    assertThatThrownBy(() -> Bootstrap.rescaledInterval(1, new double[] {1}, 41, 40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and the sample size 40, got 41");
  }

  @Test
  void aFullSizeResampleOfGivenCountDrawsWhatThePlainResampleDraws() {
    int[] plain = Bootstrap.resample(50, new SplittableRandom(5));
    int[] counted = Bootstrap.resample(50, 50, new SplittableRandom(5));
    int[] smaller = Bootstrap.resample(50, 10, new SplittableRandom(5));

    assertThat(counted).isEqualTo(plain);
    assertThat(smaller).isEqualTo(Arrays.copyOf(plain, 10));
  }
}
