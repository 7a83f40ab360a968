package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;

/** Each statistic of a row against the textbook formula worked out here. */
class RootCauseStatisticsTest {
  private static final double Z = 1.959963984540054;
  private static final AdjustedOddsRatios.Key POPULATION_KEY =
      new AdjustedOddsRatios.Key("delinquency", null, null);

  private final RootCauseStatistics.Counts large =
      new RootCauseStatistics.Counts(
          "delinquency", null, "peer_delinquency", 20, 100, 10, 200, 90.0, null);
  private final RootCauseStatistics.Counts small =
      new RootCauseStatistics.Counts("delinquency", null, "disability", 2, 5, 1, 10, null, null);
  private final RootCauseStatistics.Counts empty =
      new RootCauseStatistics.Counts(
          "delinquency", null, "learning_difficulty", 0, 0, 30, 300, null, null);

  private final List<RootCauseRow> rows =
      RootCauseStatistics.rows(
          List.of(large, small, empty),
          Map.of(POPULATION_KEY, new RootCauseStatistics.Population(350, 31)),
          Map.of(
              new AdjustedOddsRatios.Key("delinquency", "peer_delinquency", null),
              new Estimate(3, 2, 4.5)),
          Map.of());

  @Test
  void relativeRiskAndOddsRatioFollowKatzAndWoolf() {
    RootCauseRow row = rows.get(0);
    double riskError = Math.sqrt(1.0 / 20 - 1.0 / 100 + 1.0 / 10 - 1.0 / 200);
    assertThat(row.relativeRisk().estimate()).isCloseTo(4, within(1e-12));
    assertThat(row.relativeRisk().low()).isCloseTo(4 * Math.exp(-Z * riskError), within(1e-9));
    double oddsError = Math.sqrt(1.0 / 20 + 1.0 / 80 + 1.0 / 10 + 1.0 / 190);
    assertThat(row.oddsRatio().estimate()).isCloseTo(20.0 * 190 / (80 * 10), within(1e-12));
    assertThat(row.oddsRatio().high()).isCloseTo(4.75 * Math.exp(Z * oddsError), within(1e-9));
  }

  @Test
  void largeTableUsesChiSquareAndSmallOneFishersExactTest() {
    // Expected cells 10, 90, 20, 180: chi-square = 10 + 10/9 + 5 + 5/9 = 50/3.
    double chiSquare = 50.0 / 3;
    double chiSquareP =
        2 * (1 - new NormalDistribution(0, 1).cumulativeProbability(Math.sqrt(chiSquare)));
    assertThat(rows.get(0).pValue()).isCloseTo(chiSquareP, within(1e-12));
    // Hypergeometric N=15, 3 cases, 5 exposed: P(2) = 660/3003, P(3) = 66/3003, others larger.
    assertThat(rows.get(1).pValue()).isCloseTo(726.0 / 3003, within(1e-12));
  }

  @Test
  void qValuesAreBenjaminiHochbergOverTheTestsThatCouldBeRun() {
    double first = rows.get(0).pValue();
    double second = rows.get(1).pValue();
    assertThat(rows.get(1).qValue()).isCloseTo(second, within(1e-15));
    assertThat(rows.get(0).qValue()).isCloseTo(Math.min(2 * first, second), within(1e-15));
    assertThat(rows.get(2).qValue()).isNaN();
  }

  @Test
  void attributableFractionIsMiettinensOnTheAdjustedRatio() {
    // Two thirds of the 30 cases with a known answer were exposed; adjusted OR 3.
    assertThat(rows.get(0).attributableFraction().estimate())
        .isCloseTo(20.0 / 30 * (3 - 1) / 3, within(1e-12));
    assertThat(rows.get(1).attributableFraction()).isNull();
  }

  @Test
  void missingIsThePopulationLessTheKnownAnswers() {
    assertThat(rows.get(0).missing()).isEqualTo(50);
    assertThat(rows.get(2).missing()).isEqualTo(50);
    assertThat(rows.get(0).population()).isEqualTo(350);
    assertThat(rows.get(0).cases()).isEqualTo(31);
  }

  @Test
  void evidenceFollowsTheDocumentedRule() {
    assertThat(rows.get(0).evidence()).isEqualTo(EvidenceGrade.STRONG);
    assertThat(rows.get(1).evidence()).isEqualTo(EvidenceGrade.INSUFFICIENT_DATA);
    assertThat(rows.get(2).evidence()).isEqualTo(EvidenceGrade.INSUFFICIENT_DATA);
    assertThat(rows.get(2).relativeRisk()).isNull();
    assertThat(EvidenceGrade.of(15, new Estimate(2, 1.2, 3), 0.001))
        .isEqualTo(EvidenceGrade.MODERATE);
    assertThat(EvidenceGrade.of(50, new Estimate(2, 1.2, 3), 0.03))
        .isEqualTo(EvidenceGrade.MODERATE);
    assertThat(EvidenceGrade.of(50, new Estimate(1.3, 0.9, 1.8), 0.0001))
        .isEqualTo(EvidenceGrade.WEAK);
    assertThat(EvidenceGrade.of(50, new Estimate(0.4, 0.2, 0.7), 0.001))
        .isEqualTo(EvidenceGrade.STRONG);
  }
}
