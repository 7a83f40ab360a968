package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.HashMap;
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
          Map.of(
              new AdjustedOddsRatios.Key("delinquency", "peer_delinquency", null),
              new TotalEffects.TotalEffect(
                  0.2,
                  0.05,
                  new Estimate(4, 2.5, 6.4),
                  Math.log(1.6) / Z,
                  new Estimate(0.15, 0.1, 0.2),
                  new Estimate(0.55, 0.4, 0.66),
                  List.of("poverty"),
                  300,
                  250)));

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
  void theAttributableFractionAndTotalEffectAreTheStandardisedOnes() {
    assertThat(rows.get(0).attributableFraction()).isEqualTo(new Estimate(0.55, 0.4, 0.66));
    assertThat(rows.get(0).totalEffect().riskRatio()).isEqualTo(new Estimate(4, 2.5, 6.4));
    assertThat(rows.get(1).attributableFraction()).isNull();
    assertThat(rows.get(1).totalEffect()).isNull();
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
    TotalEffects.TotalEffect above = total(5, 0.1);
    TotalEffects.TotalEffect below = total(-5, 0.1);
    TotalEffects.TotalEffect covering = total(1.5, 0.1);
    assertThat(EvidenceGrade.of(20, above, 0.0099)).isEqualTo(EvidenceGrade.STRONG);
    assertThat(EvidenceGrade.of(20, below, 0.0099)).isEqualTo(EvidenceGrade.STRONG);
    assertThat(EvidenceGrade.of(19, above, 0.001)).isEqualTo(EvidenceGrade.MODERATE);
    assertThat(EvidenceGrade.of(50, above, 0.01)).isEqualTo(EvidenceGrade.MODERATE);
    assertThat(EvidenceGrade.of(50, above, 0.0499)).isEqualTo(EvidenceGrade.MODERATE);
    assertThat(EvidenceGrade.of(50, above, 0.05)).isEqualTo(EvidenceGrade.WEAK);
    assertThat(EvidenceGrade.of(50, covering, 0.0001)).isEqualTo(EvidenceGrade.WEAK);
    assertThat(EvidenceGrade.of(9, above, 0.0001)).isEqualTo(EvidenceGrade.INSUFFICIENT_DATA);
    assertThat(EvidenceGrade.of(10, above, 0.04)).isEqualTo(EvidenceGrade.MODERATE);
    assertThat(EvidenceGrade.of(50, null, Double.NaN)).isEqualTo(EvidenceGrade.INSUFFICIENT_DATA);
  }

  @Test
  void theTotalEffectsPValueIsItsWaldTestAndTheFirstRowsOnlyTotalQ() {
    // z = log 4 / (log 1.6 / 1.96): the interval [2.5, 6.4] is 4 divided and multiplied by 1.6
    double z = Math.log(4) / (Math.log(1.6) / Z);
    double p = 2 * new NormalDistribution(0, 1).cumulativeProbability(-z);
    assertThat(rows.get(0).totalPValue()).isCloseTo(p, withinPercentage(1e-6));
    assertThat(rows.get(0).totalQValue()).isEqualTo(rows.get(0).totalPValue());
    assertThat(rows.get(1).totalPValue()).isNaN();
    assertThat(rows.get(1).totalQValue()).isNaN();
  }

  @Test
  void totalQValuesAreBenjaminiHochbergOverEveryTotalEffectAndGradeTheRows() {
    // Wald z of 4, 2.5, 1, 5 and 6 (standard error 0.1 each) and one row without a total effect.
    // Two-sided p by mpmath, erfc(z / sqrt 2): 6.3342483666239842508e-5, 0.012419330651552270334,
    // 0.31731050786291410283, 5.7330314375838782335e-7, 1.9731752900753962814e-9. Five tests
    // (the row without one is not counted); by rank from the smallest: q = p * 5 / rank, then the
    // running minimum from the largest down (no change here).
    String[] factors = {"a", "b", "c", "d", "e", "f"};
    long[] exposedCases = {50, 50, 50, 15, 9, 50};
    double[] z = {4, 2.5, 1, 5, 6, Double.NaN};
    List<RootCauseStatistics.Counts> counts = new ArrayList<>();
    Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals = new HashMap<>();
    for (int i = 0; i < factors.length; i++) {
      counts.add(
          new RootCauseStatistics.Counts(
              "delinquency",
              i % 2 == 0 ? null : "R01",
              factors[i],
              exposedCases[i],
              200,
              30,
              300,
              null,
              null));
      if (!Double.isNaN(z[i])) {
        totals.put(
            new AdjustedOddsRatios.Key("delinquency", factors[i], i % 2 == 0 ? null : "R01"),
            total(z[i], 0.1));
      }
    }

    List<RootCauseRow> graded = RootCauseStatistics.rows(counts, Map.of(), Map.of(), totals);

    double[] expectedP = {
      6.3342483666239842508e-5,
      0.012419330651552270334,
      0.31731050786291410283,
      5.7330314375838782335e-7,
      1.9731752900753962814e-9
    };
    double[] expectedQ = {
      6.3342483666239842508e-5 * 5 / 3,
      0.012419330651552270334 * 5 / 4,
      0.31731050786291410283,
      5.7330314375838782335e-7 * 5 / 2,
      1.9731752900753962814e-9 * 5
    };
    for (int i = 0; i < 5; i++) {
      assertThat(graded.get(i).totalPValue()).isCloseTo(expectedP[i], withinPercentage(1e-8));
      assertThat(graded.get(i).totalQValue()).isCloseTo(expectedQ[i], withinPercentage(1e-8));
    }
    assertThat(graded.get(5).totalPValue()).isNaN();
    assertThat(graded.stream().map(RootCauseRow::evidence))
        .containsExactly(
            EvidenceGrade.STRONG, // q 1.06e-4, 50 exposed cases
            EvidenceGrade.MODERATE, // q 0.0155
            EvidenceGrade.WEAK, // interval covers 1
            EvidenceGrade.MODERATE, // q 1.4e-6 but 15 exposed cases
            EvidenceGrade.INSUFFICIENT_DATA, // 9 exposed cases
            EvidenceGrade.INSUFFICIENT_DATA); // no total effect
  }

  /** A total effect whose log risk ratio is z standard errors from 0, with its 95% interval. */
  private static TotalEffects.TotalEffect total(double z, double standardError) {
    double logRatio = z * standardError;
    return new TotalEffects.TotalEffect(
        0.1 * Math.exp(logRatio),
        0.1,
        new Estimate(
            Math.exp(logRatio),
            Math.exp(logRatio - Z * standardError),
            Math.exp(logRatio + Z * standardError)),
        standardError,
        new Estimate(0.01, 0.005, 0.015),
        new Estimate(0.1, 0.05, 0.15),
        List.of(),
        500,
        400);
  }
}
