package org.rishe.analytics.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EdgeStabilityTest {
  private static final PcSettings SETTINGS = PcSettings.defaults();

  @Test
  void theSameSeedGivesTheSameFrequenciesWhateverTheThreadCount() {
    DiscreteData data = BenchmarkFiles.readSamples(BenchmarkData.samples("asia"));
    BackgroundKnowledge none = BackgroundKnowledge.none(data.variableCount());

    EdgeFrequencies oneThread =
        EdgeStability.estimate(
            data, ChiSquareTest::new, SETTINGS, none, new StabilitySettings(6, 42, 1));
    EdgeFrequencies twoThreads =
        EdgeStability.estimate(
            data, ChiSquareTest::new, SETTINGS, none, new StabilitySettings(6, 42, 2));

    assertThat(twoThreads).isEqualTo(oneThread);
  }

  @Test
  void strongEdgesAreStableAndAbsentEdgesAreNot() {
    DiscreteData data = BenchmarkFiles.readSamples(BenchmarkData.samples("asia"));

    EdgeFrequencies frequencies =
        EdgeStability.estimate(
            data,
            ChiSquareTest::new,
            SETTINGS,
            BackgroundKnowledge.none(data.variableCount()),
            new StabilitySettings(8, 7, 2));

    // smoke (X3) - bronc (X5) is a strong dependence; asia (X1) - dysp (X8) is not an edge.
    assertThat(frequencies.adjacency(2, 4)).isEqualTo(1.0);
    assertThat(frequencies.adjacency(0, 7)).isLessThanOrEqualTo(0.25);
    assertThat(frequencies.adjacency(4, 2)).isEqualTo(frequencies.adjacency(2, 4));
  }

  @Test
  void aBootstrapResampleKeepsTheSampleSize() {
    DiscreteData data = BenchmarkFiles.readSamples(BenchmarkData.samples("asia"));

    double[] weights = EdgeStability.bootstrapWeights(data, 3);

    assertThat(Arrays.stream(weights).sum()).isEqualTo(10_000.0);
    assertThat(weights).isNotEqualTo(EdgeStability.bootstrapWeights(data, 4));
  }

  @Test
  void eachDrawFallsInThePatternWhoseStretchOfTheCumulativeWeightsHoldsIt() {
    // weights with zeros between and at both ends: a zero-weight pattern is never drawn
    int[][] rows = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    DiscreteData data =
        DiscreteData.fromPatternCounts(
                java.util.List.of("a", "b"), new int[] {2, 2}, rows, new long[] {5, 1, 7, 3})
            .withWeights(new double[] {0, 6, 0, 10});
    long seed = 11;

    // the same draws, each placed by a linear search of its own
    double[] expected = new double[4];
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[] cumulative = {0, 6, 6, 16};
    for (int draw = 0; draw < 16; draw++) {
      double target = random.nextDouble() * 16;
      int pattern = 0;
      while (pattern < 3 && cumulative[pattern] <= target) {
        pattern++;
      }
      expected[pattern]++;
    }

    double[] weights = EdgeStability.bootstrapWeights(data, seed);
    assertThat(weights).containsExactly(expected);
    assertThat(weights[0]).isZero();
    assertThat(weights[2]).isZero();
  }
}
