package org.rishe.analytics.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class ContingencyTestsTest {
  // Smoking (rows) by illness (columns): 10, 20 / 30, 40; margins 30, 70 and 40, 60 of 100.
  private static final DiscreteData TWO_BY_TWO =
      DiscreteData.fromPatternCounts(
          List.of("smoking", "illness"),
          new int[] {2, 2},
          new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
          new long[] {10, 20, 30, 40});

  @Test
  void pearsonChiSquareMatchesTheHandComputedTwoByTwoValue() {
    double expected =
        Math.pow(10 - 12, 2) / 12
            + Math.pow(20 - 18, 2) / 18
            + Math.pow(30 - 28, 2) / 28
            + Math.pow(40 - 42, 2) / 42;

    TestStatistic statistic =
        new ChiSquareTest(TWO_BY_TWO).statistic(TWO_BY_TWO.stratifiedTable(0, 1, new int[0]));

    assertThat(statistic.value()).isCloseTo(expected, within(1e-12));
    assertThat(statistic.degreesOfFreedom()).isEqualTo(1);
  }

  @Test
  void pearsonPValueWithOneDegreeOfFreedomEqualsTheNormalTail() {
    double statistic = 4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42;
    // For one degree of freedom, P(chi2 > s) = P(|Z| > sqrt(s)) = erfc(sqrt(s / 2)).
    double expected = Erf.erfc(Math.sqrt(statistic / 2));

    double pValue = new ChiSquareTest(TWO_BY_TWO).pValue(0, 1, new int[0]);

    assertThat(pValue).isCloseTo(expected, within(1e-9)).isCloseTo(0.3730, within(1e-4));
  }

  @Test
  void gTestMatchesTheHandComputedLikelihoodRatio() {
    double expected =
        2
            * (10 * Math.log(10.0 / 12)
                + 20 * Math.log(20.0 / 18)
                + 30 * Math.log(30.0 / 28)
                + 40 * Math.log(40.0 / 42));

    TestStatistic statistic =
        new GSquareTest(TWO_BY_TWO).statistic(TWO_BY_TWO.stratifiedTable(0, 1, new int[0]));

    assertThat(statistic.value()).isCloseTo(expected, within(1e-12));
    assertThat(new GSquareTest(TWO_BY_TWO).pValue(1, 0, new int[0]))
        .isCloseTo(Erf.erfc(Math.sqrt(expected / 2)), within(1e-9));
  }

  @Test
  void strataSumTheirStatisticsAndDropDegreesOfFreedomForEmptyRows() {
    // Stratum z=0 is the 2x2 table above; in stratum z=1 only x=0 occurs, so it carries no
    // information; stratum z=2 never occurs.
    DiscreteData data =
        DiscreteData.fromPatternCounts(
            List.of("x", "y", "z"),
            new int[] {2, 2, 3},
            new int[][] {{0, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 0, 1}, {0, 1, 1}},
            new long[] {10, 20, 30, 40, 5, 7});

    TestStatistic statistic =
        new ChiSquareTest(data).statistic(data.stratifiedTable(0, 1, new int[] {2}));

    assertThat(statistic.value())
        .isCloseTo(4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42, within(1e-12));
    assertThat(statistic.degreesOfFreedom()).isEqualTo(1);
  }

  @Test
  void aTableWithNoDegreesOfFreedomLeftGivesPValueOne() {
    DiscreteData constant =
        DiscreteData.fromPatternCounts(
            List.of("x", "y"), new int[] {2, 2}, new int[][] {{0, 0}, {0, 1}}, new long[] {3, 9});

    assertThat(new GSquareTest(constant).pValue(0, 1, new int[0])).isEqualTo(1.0);
  }
}
