package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Family-clustered 2×2 measures against values computed independently, person by person: each
 * person's own influence on log RR, log OR and the risk difference summed within families, then
 * G/(G−1) times the sum of squares (a short Python script over the same 45 people; the numbers are
 * pasted below). The table: 14 families, cells a = 11, b = 10, c = 7, d = 17.
 */
class FamilySumsTest {
  /** Per family: exposed cases, exposed non-cases, unexposed cases, unexposed non-cases. */
  private static final int[][] FAMILIES = {
    {2, 0, 0, 1},
    {0, 1, 1, 0},
    {1, 1, 0, 0},
    {0, 0, 2, 1},
    {1, 0, 0, 2},
    {0, 2, 0, 1},
    {1, 1, 1, 1},
    {0, 1, 0, 3},
    {3, 0, 0, 0},
    {0, 0, 1, 2},
    {1, 2, 0, 1},
    {0, 1, 2, 0},
    {2, 1, 0, 2},
    {0, 0, 0, 3}
  };

  private static final TwoByTwo TABLE = new TwoByTwo(11, 21, 7, 24);

  private static FamilySums sums(int[][] families) {
    double[] products = new double[10];
    for (int[] family : families) {
      for (int i = 0; i < 4; i++) {
        for (int j = i; j < 4; j++) {
          products[FamilySums.index(i, j)] += (double) family[i] * family[j];
        }
      }
    }
    return new FamilySums(families.length, products);
  }

  @Test
  void relativeRiskAndOddsRatioIntervalsEqualThePersonByPersonSandwich() {
    FamilySums sums = sums(FAMILIES);

    Estimate ratio = sums.relativeRisk(TABLE);
    assertThat(ratio.estimate()).isCloseTo(1.7959183673469388, within(1e-12));
    assertThat(ratio.low()).isCloseTo(0.717022365733502, within(1e-12));
    assertThat(ratio.high()).isCloseTo(4.4982178190141155, within(1e-12));
    Estimate odds = sums.oddsRatio(TABLE);
    assertThat(odds.estimate()).isCloseTo(2.6714285714285713, within(1e-12));
    assertThat(odds.low()).isCloseTo(0.5962698656077524, within(1e-12));
    assertThat(odds.high()).isCloseTo(11.968625321977218, within(1e-11));
  }

  @Test
  void theTestIsPearsonsChiSquareOverTheDesignEffect() {
    // chi-square 2.51488, design effect of the risk difference 1.36117: p 0.17406 (Pearson 0.11278)
    assertThat(sums(FAMILIES).pValue(TABLE)).isCloseTo(0.17406450072661733, within(1e-12));
    assertThat(TABLE.chiSquarePValue()).isCloseTo(0.11277614968605343, within(1e-12));
  }

  @Test
  void familiesOfOnePersonGiveTheUsualKatzWoolfAndPearsonAnswers() {
    FamilySums independent = FamilySums.ofIndependentPeople(TABLE);
    double factor = Math.sqrt(45.0 / 44.0); // the G/(G-1) factor on the standard error

    Estimate katz = TABLE.relativeRisk();
    Estimate ratio = independent.relativeRisk(TABLE);
    assertThat(Math.log(ratio.high() / ratio.estimate()))
        .isCloseTo(Math.log(katz.high() / katz.estimate()) * factor, within(1e-12));
    Estimate woolf = TABLE.oddsRatio();
    Estimate odds = independent.oddsRatio(TABLE);
    assertThat(Math.log(odds.estimate() / odds.low()))
        .isCloseTo(Math.log(woolf.estimate() / woolf.low()) * factor, within(1e-12));
    assertThat(independent.pValue(TABLE)).isCloseTo(TABLE.chiSquarePValue(), within(1e-14));
  }

  @Test
  void aTableWithAnEmptyCellOrSmallExpectedCountsKeepsTheUnclusteredAnswers() {
    TwoByTwo empty = new TwoByTwo(0, 30, 5, 30);
    FamilySums sums = FamilySums.ofIndependentPeople(empty);
    assertThat(sums.relativeRisk(empty)).isEqualTo(empty.relativeRisk());
    assertThat(sums.oddsRatio(empty)).isEqualTo(empty.oddsRatio());

    TwoByTwo small = new TwoByTwo(3, 4, 1, 4);
    assertThat(FamilySums.ofIndependentPeople(small).pValue(small))
        .isEqualTo(small.fisherExactPValue());
  }
}
