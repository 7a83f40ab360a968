package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;

/**
 * Models larger than {@link AdjustedOddsRatios#MAXIMUM_UNITS} are fitted on an outcome-stratified
 * subsample: the sizes drawn follow the rule, and the odds ratio of a known logistic model is still
 * recovered (sampling on the outcome moves only the intercept).
 */
class AdjustedOddsRatiosSubsampleTest {
  @Test
  void keepsEveryUnitWhenThereAreFewEnough() {
    List<Integer> units = IntStream.range(0, 10).boxed().toList();
    assertThat(AdjustedOddsRatios.outcomeStratified(units, new boolean[10], 10, 1)).isSameAs(units);
  }

  @Test
  void drawsUpToHalfCasesAndFillsWithNonCases() {
    // 100 units: 30 cases (units 0..29), 70 non-cases; at most 40 kept
    boolean[] isCase = new boolean[100];
    for (int unit = 0; unit < 30; unit++) {
      isCase[unit] = true;
    }
    List<Integer> units = IntStream.range(0, 100).boxed().toList();
    List<Integer> kept = AdjustedOddsRatios.outcomeStratified(units, isCase, 40, 7);
    assertThat(kept).hasSize(40).doesNotHaveDuplicates();
    assertThat(kept.stream().filter(unit -> isCase[unit])).hasSize(20);
    // 10 cases among 100, at most 40: all 10 cases and 30 non-cases
    boolean[] rare = new boolean[100];
    for (int unit = 0; unit < 10; unit++) {
      rare[unit] = true;
    }
    List<Integer> keptRare = AdjustedOddsRatios.outcomeStratified(units, rare, 40, 7);
    assertThat(keptRare).hasSize(40);
    assertThat(keptRare.stream().filter(unit -> rare[unit])).hasSize(10);
    // 90 cases, 10 non-cases: all 10 non-cases and 30 cases
    boolean[] common = new boolean[100];
    for (int unit = 0; unit < 90; unit++) {
      common[unit] = true;
    }
    List<Integer> keptCommon = AdjustedOddsRatios.outcomeStratified(units, common, 40, 7);
    assertThat(keptCommon.stream().filter(unit -> !common[unit])).hasSize(10);
    assertThat(keptCommon.stream().filter(unit -> common[unit])).hasSize(30);
  }

  @Test
  void recoversAKnownOddsRatioFromAPopulationLargerThanTheCap() {
    // logit P(case) = -3 + ln(2)·factor + 0.8·confounder; the confounder also raises exposure.
    // 120,000 people in one region: the model is fitted on 50,000 of them.
    int size = 120_000;
    SplittableRandom random = new SplittableRandom(2026);
    int[] region = new int[size];
    double[] age = new double[size];
    byte[] sex = new byte[size];
    boolean[] isCase = new boolean[size];
    byte[][] status = new byte[2][size];
    for (int unit = 0; unit < size; unit++) {
      int confounder = random.nextDouble() < 0.4 ? 1 : 0;
      int factor = random.nextDouble() < (confounder == 1 ? 0.5 : 0.2) ? 1 : 0;
      double logit = -3 + Math.log(2) * factor + 0.8 * confounder;
      isCase[unit] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      status[0][unit] = (byte) factor;
      status[1][unit] = (byte) confounder;
      age[unit] = 5 + random.nextInt(10);
      sex[unit] = (byte) random.nextInt(2);
    }
    AdjustedOddsRatios.Sample sample =
        new AdjustedOddsRatios.Sample(List.of("R01"), region, age, sex, isCase, status);
    Estimate adjusted = AdjustedOddsRatios.fit(sample, 0, new int[] {1}, -1, 11).orElseThrow();
    assertThat(adjusted.low()).isLessThan(2.0);
    assertThat(adjusted.high()).isGreaterThan(2.0);
    assertThat(adjusted.estimate()).isBetween(1.8, 2.2);
    // about 8,400 cases, all kept, and 41,600 of the non-cases: a case-control sample loses little
    // precision when cases are rare. By hand, sqrt(1/3800 + 1/4600 + 1/13000 + 1/28000) = 0.024,
    // so the 95% interval spans about 2 × 1.96 × 0.024 = 0.095 on the log scale.
    assertThat(Math.log(adjusted.high() / adjusted.low())).isBetween(0.07, 0.13);
  }
}
