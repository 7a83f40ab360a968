package org.rishe.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TwoByTwoTest {
  private static final double Z_95 = 1.959963984540054;

  @Test
  void fisherMatchesRForTheSymmetricThreeOneTable() {
    // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857 (= 34/70 exactly)
    TwoByTwo table = new TwoByTwo(3, 4, 1, 4);

    assertThat(table.fisherExactPValue()).isCloseTo(34.0 / 70, within(1e-12));
    assertThat(table.fisherExactPValue()).isCloseTo(0.4857, within(5e-5));
  }

  @Test
  void fisherMatchesRAndAHandSumForTheDietingExample() {
    // R: fisher.test(matrix(c(1, 9, 11, 3), nrow = 2))$p.value = 0.002759 (Wikipedia's example)
    TwoByTwo table = new TwoByTwo(1, 12, 9, 12);
    // By hand: hypergeometric over tables with margins rows 12/12, cases 10, of 24 units.
    double denominator = binomial(24, 10);
    double observed = binomial(12, 1) * binomial(12, 9) / denominator;
    double sum = 0;
    for (int a = 0; a <= 10; a++) {
      double probability = binomial(12, a) * binomial(12, 10 - a) / denominator;
      if (probability <= observed * (1 + 1e-7)) {
        sum += probability;
      }
    }

    assertThat(table.fisherExactPValue()).isCloseTo(sum, within(1e-12));
    assertThat(table.fisherExactPValue()).isCloseTo(0.002759, within(5e-7));
  }

  @Test
  void oddsRatioMatchesWoolfFormulaComputedByHand() {
    // a = 20, b = 80, c = 10, d = 90
    TwoByTwo table = new TwoByTwo(20, 100, 10, 100);
    double logOdds = Math.log(20.0 * 90 / (80.0 * 10));
    double standardError = Math.sqrt(1 / 20.0 + 1 / 80.0 + 1 / 10.0 + 1 / 90.0);

    Estimate odds = table.oddsRatio();

    assertThat(odds.estimate()).isCloseTo(2.25, within(1e-12));
    assertThat(odds.low()).isCloseTo(Math.exp(logOdds - Z_95 * standardError), within(1e-9));
    assertThat(odds.high()).isCloseTo(Math.exp(logOdds + Z_95 * standardError), within(1e-9));
    // Rounded values as a textbook would print them: 2.25 (0.994, 5.09)
    assertThat(odds.low()).isCloseTo(0.994, within(5e-4));
    assertThat(odds.high()).isCloseTo(5.09, within(5e-3));
  }

  @Test
  void relativeRiskMatchesKatzFormulaComputedByHand() {
    TwoByTwo table = new TwoByTwo(20, 100, 10, 100);
    double standardError = Math.sqrt(1 / 20.0 - 1 / 100.0 + 1 / 10.0 - 1 / 100.0);

    Estimate risk = table.relativeRisk();

    assertThat(risk.estimate()).isCloseTo(2.0, within(1e-12));
    assertThat(risk.low()).isCloseTo(2 * Math.exp(-Z_95 * standardError), within(1e-9));
    assertThat(risk.high()).isCloseTo(2 * Math.exp(Z_95 * standardError), within(1e-9));
  }

  @Test
  void zeroCellUsesHaldaneAnscombeCorrection() {
    // a = 0, b = 10, c = 5, d = 5 becomes 0.5, 10.5, 5.5, 5.5
    TwoByTwo table = new TwoByTwo(0, 10, 5, 10);

    Estimate odds = table.oddsRatio();
    Estimate risk = table.relativeRisk();

    assertThat(odds.estimate()).isCloseTo(0.5 * 5.5 / (10.5 * 5.5), within(1e-12));
    double oddsError = Math.sqrt(1 / 0.5 + 1 / 10.5 + 1 / 5.5 + 1 / 5.5);
    assertThat(odds.high()).isCloseTo(odds.estimate() * Math.exp(Z_95 * oddsError), within(1e-9));
    assertThat(risk.estimate()).isCloseTo((0.5 / 11) / (5.5 / 11), within(1e-12));
    assertThat(odds.low()).isGreaterThan(0);
  }

  @Test
  void riskDifferenceMatchesNewcombesPublishedExample() {
    // Newcombe (1998), Stat Med 17:873, example (a): 56/70 vs 48/80, method 10: 0.0524 to 0.3339
    Estimate difference = new TwoByTwo(56, 70, 48, 80).riskDifference();

    assertThat(difference.estimate()).isCloseTo(0.2, within(1e-12));
    assertThat(difference.low()).isCloseTo(0.0524, within(5e-5));
    assertThat(difference.high()).isCloseTo(0.3339, within(5e-5));
  }

  @Test
  void chiSquareMatchesTheShortcutFormula() {
    // chi2 = n (ad - bc)^2 / (r1 r2 c1 c2); with 1 df, p = 2 (1 - Phi(sqrt(chi2)))
    TwoByTwo table = new TwoByTwo(20, 100, 10, 100);
    double n = 200;
    double statistic = n * Math.pow(20.0 * 90 - 80.0 * 10, 2) / (100.0 * 100 * 30 * 170);
    // statistic = 3.921569; Phi(1.980295) = 0.976164 from a normal table
    assertThat(statistic).isCloseTo(3.921569, within(1e-6));

    assertThat(table.chiSquarePValue()).isCloseTo(2 * (1 - 0.976164), within(1e-5));
    assertThat(table.pValue()).isEqualTo(table.chiSquarePValue());
  }

  @Test
  void aStrongAssociationKeepsAPositivePValue() {
    // 500 of 1,000 exposed and 100 of 1,000 unexposed are cases: chi2 = 380.952, and with 1 df
    // p = erfc(sqrt(chi2 / 2)) = 7.7199e-85 (Python's math.erfc); 1 - P(chi2) would give 0.
    TwoByTwo table = new TwoByTwo(500, 1000, 100, 1000);

    assertThat(table.chiSquarePValue()).isCloseTo(7.719934594295599e-85, withinPercentage(1e-6));
  }

  @Test
  void pValueUsesFisherWhenAnExpectedCountIsBelowFive() {
    TwoByTwo table = new TwoByTwo(3, 4, 1, 4);

    assertThat(table.pValue()).isEqualTo(table.fisherExactPValue());
  }

  @Test
  void totalIsTheSampleSize() {
    assertThat(new TwoByTwo(3, 40, 1, 25).total()).isEqualTo(65);
  }

  @Test
  void rejectsMoreCasesThanUnits() {
    assertThatThrownBy(() -> new TwoByTwo(5, 4, 1, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exposed cases must be between 0 and 4, got 5");
  }

  private static double binomial(int n, int k) {
    BigInteger result = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return result.doubleValue();
  }
}
