package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples up to the limit go to the first model, larger ones to the second. */
class SizeRoutedPropensityModelTest {
  private static final ImpactSample THREE =
      new ImpactSample(
          List.of("x"),
          new boolean[] {true, false, false},
          new double[][] {{1}, {2}, {3}},
          new double[] {1, 0, 0});

  @Test
  void routesBySampleSize() {
    PropensityModel small = sample -> new double[] {0.1, 0.1, 0.1};
    PropensityModel large = sample -> new double[] {0.9, 0.9, 0.9};
    assertThat(new SizeRoutedPropensityModel(small, large, 3).propensities(THREE)[0])
        .isEqualTo(0.1);
    assertThat(new SizeRoutedPropensityModel(small, large, 2).propensities(THREE)[0])
        .isEqualTo(0.9);
  }
}
