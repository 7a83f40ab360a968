package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;

/**
 * Models larger than {@link ModelSampling#MAXIMUM_UNITS} are fitted on the people their {@link
 * ModelSampling} keeps: the budget is shared over the cells as the rule says, the offset undoes the
 * sampling exactly on a 2×2 table, and a known odds ratio is recovered, with an interval covering
 * it, from a population larger than the budget whose exposure is rare.
 */
class AdjustedOddsRatiosSubsampleTest {
  @Test
  void sharesTheBudgetOverTheCellsSmallestFirst() {
    // fits: every cell whole
    assertThat(ModelSampling.fractions(new long[] {10, 20, 30, 40}, 100))
        .containsExactly(1, 1, 1, 1);
    // 10 and 20 whole; the 70 left split 35 and 35 between 1,000 and 5,000
    assertThat(ModelSampling.fractions(new long[] {1000, 10, 5000, 20}, 100))
        .containsExactly(0.035, 1, 0.007, 1);
    // an empty cell keeps its (empty) whole
    assertThat(ModelSampling.fractions(new long[] {0, 400, 400, 400}, 300))
        .containsExactly(1, 0.25, 0.25, 0.25);
  }

  @Test
  void theOffsetUndoesSamplingOnExposureAndOutcome() {
    // The whole data: unexposed 1,000 non-cases and 100 cases, exposed 500 and 200: OR 4.
    // Kept: fractions 0.1 and 1 among the unexposed, 0.5 and 1 among the exposed, exactly.
    List<int[]> rows = new ArrayList<>();
    addRows(rows, 0, 0, 100);
    addRows(rows, 0, 1, 100);
    addRows(rows, 1, 0, 250);
    addRows(rows, 1, 1, 200);
    int[][] indices = new int[rows.size()][];
    double[][] values = new double[rows.size()][];
    double[] outcome = new double[rows.size()];
    double[] weights = new double[rows.size()];
    double[] offsets = new double[rows.size()];
    for (int row = 0; row < rows.size(); row++) {
      int exposed = rows.get(row)[0];
      indices[row] = exposed == 1 ? new int[] {0, 1} : new int[] {0};
      values[row] = exposed == 1 ? new double[] {1, 1} : new double[] {1};
      outcome[row] = rows.get(row)[1];
      weights[row] = 1;
      offsets[row] = exposed == 1 ? Math.log(1 / 0.5) : Math.log(1 / 0.1);
    }
    LogisticFit corrected =
        LogisticFit.fit(indices, values, 2, outcome, weights, offsets).orElseThrow();
    // by hand: log((200/500) / (100/1000)) = log 4; without the offset, log((200/250) / 1)
    assertThat(corrected.coefficients()[1]).isCloseTo(Math.log(4), within(1e-9));
    assertThat(corrected.coefficients()[0]).isCloseTo(Math.log(100 / 1000.0), within(1e-9));
    LogisticFit naive = LogisticFit.fit(indices, values, 2, outcome, weights).orElseThrow();
    assertThat(naive.coefficients()[1]).isCloseTo(Math.log(0.8), within(1e-9));
    // Woolf's standard error of the kept table: the offset moves the estimate, not the information
    double woolf = Math.sqrt(1 / 100.0 + 1 / 100.0 + 1 / 250.0 + 1 / 200.0);
    assertThat(corrected.standardErrors()[1]).isCloseTo(woolf, within(1e-6));
  }

  private static void addRows(List<int[]> rows, int exposed, int isCase, int count) {
    for (int i = 0; i < count; i++) {
      rows.add(new int[] {exposed, isCase});
    }
  }

  @Test
  void recoversAKnownOddsRatioOfARareExposureFromAPopulationLargerThanTheBudget() {
    // logit P(case) = -2.5 + ln(2)·factor + 0.8·confounder; the confounder also raises exposure,
    // which is rare (about 2%). 300,000 people in one region.
    int size = 300_000;
    SplittableRandom random = new SplittableRandom(2026);
    int[] region = new int[size];
    double[] age = new double[size];
    byte[] sex = new byte[size];
    boolean[] isCase = new boolean[size];
    double[] draw = new double[size];
    byte[][] status = new byte[2][size];
    long[] cells = new long[4];
    for (int unit = 0; unit < size; unit++) {
      int confounder = random.nextDouble() < 0.4 ? 1 : 0;
      int factor = random.nextDouble() < (confounder == 1 ? 0.035 : 0.01) ? 1 : 0;
      double logit = -2.5 + Math.log(2) * factor + 0.8 * confounder;
      isCase[unit] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      status[0][unit] = (byte) factor;
      status[1][unit] = (byte) confounder;
      age[unit] = 5 + random.nextInt(10);
      sex[unit] = (byte) random.nextInt(2);
      draw[unit] = random.nextDouble();
      cells[2 * factor + (isCase[unit] ? 1 : 0)]++;
    }
    List<String> codes = List.of("factor", "confounder");
    ModelSampling sampling =
        ModelSampling.of(
            "problem",
            List.of(
                new RootCauseStatistics.Counts(
                    "problem",
                    null,
                    "factor",
                    cells[3],
                    cells[2] + cells[3],
                    cells[1],
                    cells[0] + cells[1],
                    null,
                    null)),
            List.of("R01"),
            codes,
            ModelSampling.MAXIMUM_UNITS);
    // Expected cells: 6,000 exposed (2%), of them 1,375 cases (0.7 · 0.267 + 0.3 · 0.141);
    // 294,000 unexposed, of them 31,400 cases. The exposed cells are kept whole and the 44,000
    // left of the budget split 22,000 and 22,000 between the unexposed cases and non-cases.
    assertThat(sampling.fraction(-1, 0, 1, true)).isEqualTo(1);
    assertThat(sampling.fraction(-1, 0, 1, false)).isEqualTo(1);
    assertThat(sampling.fraction(-1, 0, 0, false)).isLessThan(0.2);
    AdjustedOddsRatios.Sample sample =
        new AdjustedOddsRatios.Sample(
            List.of("R01"),
            region,
            age,
            sex,
            isCase,
            draw,
            status,
            java.util.stream.IntStream.range(0, region.length).toArray());
    Estimate adjusted =
        AdjustedOddsRatios.fit(sample, 0, new int[] {1}, -1, sampling).orElseThrow();
    assertThat(adjusted.low()).isLessThan(2.0);
    assertThat(adjusted.high()).isGreaterThan(2.0);
    assertThat(adjusted.estimate()).isBetween(1.7, 2.3);
    // The exposed cells dominate the variance and are whole: by Woolf on the kept cells,
    // sqrt(1/1,375 + 1/4,625 + 1/22,000 + 1/22,000) = 0.032, a 95% interval 0.126 wide on the
    // log scale; fitting 50,000 of 300,000 loses little when the exposure is the rare part.
    assertThat(Math.log(adjusted.high() / adjusted.low())).isBetween(0.10, 0.16);
  }

  @Test
  void aPersonsDrawIsFixedPerProblemAndUniform() {
    ModelSampling one = ModelSampling.of("delinquency", List.of(), List.of(), List.of("a"), 10);
    ModelSampling other = ModelSampling.of("malnutrition", List.of(), List.of(), List.of("a"), 10);
    assertThat(one.draw("P-000123")).isEqualTo(one.draw("P-000123"));
    assertThat(one.draw("P-000123")).isNotEqualTo(other.draw("P-000123"));
    double sum = 0;
    int below = 0;
    for (int person = 0; person < 20_000; person++) {
      double draw = one.draw("P-" + person);
      assertThat(draw).isGreaterThanOrEqualTo(0).isLessThan(1);
      sum += draw;
      below += draw < 0.1 ? 1 : 0;
    }
    // mean 1/2 (sd of the mean 0.002) and a tenth below 0.1 (sd 0.002)
    assertThat(sum / 20_000).isCloseTo(0.5, within(0.01));
    assertThat(below / 20_000.0).isCloseTo(0.1, within(0.01));
  }
}
