package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
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
}
