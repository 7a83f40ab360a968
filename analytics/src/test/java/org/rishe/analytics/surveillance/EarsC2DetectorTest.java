package org.rishe.analytics.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class EarsC2DetectorTest {
  private static final YearMonth START = YearMonth.of(2024, 1);
  private final EarsC2Detector detector = new EarsC2Detector(EarsOptions.defaults());

  @Test
  void scoresAMonthAgainstTheBaselineBeforeTheGuardBand() {
    // Baseline Jan-Jul: 10 12 9 11 13 10 12, mean 77/7 = 11, deviations -1 1 -2 0 2 -1 1,
    // variance 12/6 = 2. Aug and Sep (50, 50) are the guard band. Oct: (20 - 11) / sqrt(2).
    long[] counts = {10, 12, 9, 11, 13, 10, 12, 50, 50, 20};

    List<AberrationPoint> points = detector.detect(START, counts);

    assertThat(points).hasSize(1);
    AberrationPoint october = points.get(0);
    assertThat(october.month()).isEqualTo(YearMonth.of(2024, 10));
    assertThat(october.observed()).isEqualTo(20);
    assertThat(october.expected()).isCloseTo(11, within(1e-12));
    assertThat(october.score()).isCloseTo(9 / Math.sqrt(2), within(1e-12));
    assertThat(october.flagged()).isTrue();
    assertThat(october.baselineMonths()).isEqualTo(7);
  }

  @Test
  void flatBaselineUsesTheStandardDeviationFloor() {
    // Silent for nine months, then 3 cases: score (3 - 0) / 1 = 3, not above 3; then 4 cases.
    long[] counts = {0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 4};

    List<AberrationPoint> points = detector.detect(START, counts);

    assertThat(points.get(0).score()).isCloseTo(3, within(1e-12));
    assertThat(points.get(0).flagged()).isFalse();
    assertThat(points.get(2).flagged()).isTrue();
  }

  @Test
  void injectedOutbreakIsFlagged() {
    long[] counts = poissonSeries(new Well19937c(5), 20, 36);
    counts[30] = 3 * counts[30];

    List<AberrationPoint> points = detector.detect(START, counts);

    AberrationPoint outbreak =
        points.stream()
            .filter(point -> point.month().equals(START.plusMonths(30)))
            .findFirst()
            .orElseThrow();
    assertThat(outbreak.flagged()).isTrue();
    assertThat(outbreak.expected()).isCloseTo(20, within(4 * Math.sqrt(20.0 / 7)));
  }

  @Test
  void falseAlarmRateMatchesStudentTheory() {
    // Poisson(50) is close to normal, where score / sqrt(1 + 1/7) ~ t with 6 df: the rate is
    // P(T6 > 3 / sqrt(8/7)) = 0.0155. 2,000 series x 15 assessed months = 30,000 months; months
    // of one series share baselines, so allow 0.004 (about 5 binomial standard errors).
    double expected = 1 - new TDistribution(null, 6).cumulativeProbability(3 / Math.sqrt(8.0 / 7));

    double rate = falseAlarmRate(50, 2000, 24, 99);

    assertThat(expected).isCloseTo(0.0155, within(5e-4));
    assertThat(rate).isCloseTo(expected, within(0.004));
  }

  @Test
  void falseAlarmRateStaysBelowFivePercentForSmallCounts() {
    // Stated bound for small series (mean 3 cases a month): at most one false alarm per
    // 20 assessed months; the floor keeps flat stretches from alarming on a single case.
    double rate = falseAlarmRate(3, 2000, 24, 123);

    assertThat(rate).isLessThan(0.05);
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatThrownBy(() -> detector.detect(START, new long[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts must not be negative, got -1 in 2024-02");
  }

  private double falseAlarmRate(double mean, int series, int months, long seed) {
    Well19937c random = new Well19937c(seed);
    long assessed = 0;
    long alarms = 0;
    for (int run = 0; run < series; run++) {
      for (AberrationPoint point : detector.detect(START, poissonSeries(random, mean, months))) {
        assessed++;
        alarms += point.flagged() ? 1 : 0;
      }
    }
    double rate = (double) alarms / assessed;
    System.out.printf(
        "EARS C2 false alarms at mean %s: %d of %d = %.4f%n", mean, alarms, assessed, rate);
    return rate;
  }

  private static long[] poissonSeries(Well19937c random, double mean, int months) {
    PoissonDistribution poisson =
        new PoissonDistribution(
            random,
            mean,
            PoissonDistribution.DEFAULT_EPSILON,
            PoissonDistribution.DEFAULT_MAX_ITERATIONS);
    long[] counts = new long[months];
    for (int month = 0; month < months; month++) {
      counts[month] = poisson.sample();
    }
    return counts;
  }
}
