package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PropensityMatchingTest {
  // One treated unit (outcome 10) at propensity 0.5; two controls tied with it (outcomes 2 and 4)
  // and one far away at 0.9 (outcome 100), 2.2 logits off where the caliper is 0.2 x 1.1.
  private static final ImpactSample SAMPLE =
      new ImpactSample(
          List.of("constant"),
          new boolean[] {true, false, false, false},
          new double[][] {{1}, {1}, {1}, {1}},
          new double[] {10, 2, 4, 100});
  private static final double[] PROPENSITIES = {0.5, 0.5, 0.5, 0.9};

  @Test
  void aGroupInLogitOrderKeepsTiedUnitsInTheirOrder() {
    // controls are units 1, 2, 4, 5, 6 with logits 0.3, -1, 0.3, -1, 2: sorted -1 (2, 5), 0.3
    // (1, 4), 2 (6); the treated 0 and 3
    ImpactSample sample =
        new ImpactSample(
            List.of("constant"),
            new boolean[] {true, false, false, true, false, false, false},
            new double[][] {{1}, {1}, {1}, {1}, {1}, {1}, {1}},
            new double[] {0, 0, 0, 0, 0, 0, 0});
    double[] logits = {5, 0.3, -1, -7, 0.3, -1, 2};

    AttEstimators.ByLogit controls = AttEstimators.byLogit(sample, logits, false);
    AttEstimators.ByLogit treated = AttEstimators.byLogit(sample, logits, true);

    assertThat(controls.units()).containsExactly(2, 5, 1, 4, 6);
    assertThat(controls.logits()).containsExactly(-1, -1, 0.3, 0.3, 2);
    assertThat(treated.units()).containsExactly(3, 0);
  }

  @Test
  void tiedControlsAreAveragedRatherThanPickedByRowOrder() {
    assertThat(estimate(Double.POSITIVE_INFINITY, 1).estimate()).isCloseTo(10 - 3, within(1e-9));
    assertThat(estimate(Double.POSITIVE_INFINITY, 2).estimate()).isCloseTo(10 - 3, within(1e-9));
  }

  @Test
  void moreNeighboursReachFurtherUnlessTheCaliperStopsThem() {
    assertThat(estimate(Double.POSITIVE_INFINITY, 3).estimate())
        .isCloseTo(10 - (2 + 4 + 100) / 3.0, within(1e-9));
    PropensityMatching.Result calipered = estimate(0.2, 3);
    assertThat(calipered.estimate()).isCloseTo(10 - 3, within(1e-9));
    assertThat(calipered.unmatchedTreated()).isZero();
  }

  @Test
  void agreesWithABruteForceMatchOnSamplesFullOfTies() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int size = 2 + random.nextInt(60);
      boolean[] treated = new boolean[size];
      double[][] covariates = new double[size][];
      double[] outcomes = new double[size];
      double[] propensities = new double[size];
      for (int unit = 0; unit < size; unit++) {
        treated[unit] = unit == 0 || (unit > 1 && random.nextInt(3) == 0);
        covariates[unit] = new double[] {1};
        outcomes[unit] = random.nextInt(10);
        // five levels only: long runs of identical logits on both sides of a treated unit
        propensities[unit] = 0.1 + 0.2 * random.nextInt(5);
      }
      ImpactSample sample = new ImpactSample(List.of("constant"), treated, covariates, outcomes);
      double caliper = random.nextBoolean() ? Double.POSITIVE_INFINITY : 0.5;
      int neighbours = 1 + random.nextInt(4);
      PropensityMatching.Result fast =
          PropensityMatching.estimate(sample, propensities, caliper, neighbours);
      double[] expected = bruteForce(sample, propensities, caliper, neighbours);
      assertThat(fast.unmatchedTreated()).as("trial %d", trial).isEqualTo((int) expected[1]);
      if (Double.isNaN(expected[0])) {
        assertThat(fast.estimate()).isNaN();
      } else {
        assertThat(fast.estimate()).as("trial %d", trial).isCloseTo(expected[0], within(1e-9));
      }
    }
  }

  /**
   * Each treated unit against every control: the {@code neighbours} nearest on the logit within the
   * caliper, and every other control exactly as far as the last of them.
   */
  private static double[] bruteForce(
      ImpactSample sample, double[] propensities, double caliper, int neighbours) {
    double[] logits = new double[sample.size()];
    for (int unit = 0; unit < sample.size(); unit++) {
      logits[unit] = Math.log(propensities[unit] / (1 - propensities[unit]));
    }
    double width = caliper * AttEstimators.standardDeviation(logits);
    double differences = 0;
    int matched = 0;
    int unmatched = 0;
    for (int unit = 0; unit < sample.size(); unit++) {
      if (!sample.isTreated(unit)) {
        continue;
      }
      List<double[]> candidates = new ArrayList<>();
      for (int other = 0; other < sample.size(); other++) {
        double distance = Math.abs(logits[other] - logits[unit]);
        if (!sample.isTreated(other) && distance <= width) {
          candidates.add(new double[] {distance, sample.outcome(other)});
        }
      }
      if (candidates.isEmpty()) {
        unmatched++;
        continue;
      }
      candidates.sort((a, b) -> Double.compare(a[0], b[0]));
      double last = candidates.get(Math.min(neighbours, candidates.size()) - 1)[0];
      double sum = 0;
      int taken = 0;
      for (double[] candidate : candidates) {
        if (candidate[0] <= last) {
          sum += candidate[1];
          taken++;
        }
      }
      differences += sample.outcome(unit) - sum / taken;
      matched++;
    }
    return new double[] {matched == 0 ? Double.NaN : differences / matched, unmatched};
  }

  private static PropensityMatching.Result estimate(double caliper, int neighbours) {
    return PropensityMatching.estimate(SAMPLE, PROPENSITIES, caliper, neighbours);
  }
}
