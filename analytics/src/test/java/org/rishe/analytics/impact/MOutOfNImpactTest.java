package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rishe.analytics.stats.Estimate;

/**
 * The m-out-of-n bootstrap of {@link ImpactEstimator} against values known without it: the Welch
 * interval of the naive difference, the full-size bootstrap of the same sample, and the true effect
 * on the treated of the simulation.
 *
 * <p>The simulation is {@link ConfoundedSimulation} with an effect that grows with x1, 3 + x1, so
 * the effect on the treated differs from the average effect: it is 3 + E[x1 | treated], integrated
 * numerically from the design. 20,000 units are resampled 2,000 at a time (r = 0.1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MOutOfNImpactTest {
  private static final int SIZE = 20_000;
  private static final int LIMIT = 2_000;
  private static final double Z = 1.959964;

  private final PropensityModel model = new NewtonLogisticPropensityModel();
  private ImpactSample sample;
  private ImpactResult subsampled;

  /** 3 + E[x1 | treated] = 3 + E[x1 e(x)] / E[e(x)] for independent standard normal x1, x2. */
  private static double trueEffectOnTheTreated() {
    double step = 0.01;
    double weighted = 0;
    double total = 0;
    for (double first = -8; first <= 8; first += step) {
      for (double second = -8; second <= 8; second += step) {
        double density = Math.exp(-(first * first + second * second) / 2);
        double mass = density * ConfoundedSimulation.propensity(first, second);
        weighted += first * mass;
        total += mass;
      }
    }
    return 3 + weighted / total;
  }

  private ImpactResult estimate(ImpactSample data, int resamples, int limit) {
    return new ImpactEstimator(
            model,
            model,
            new ImpactOptions(resamples, 5, 0.2, 1, limit, ImpactOptions.Variance.BOOTSTRAP))
        .estimate(data);
  }

  private static double halfWidth(Estimate estimate) {
    return (estimate.high() - estimate.low()) / 2;
  }

  /**
   * 1,000 resamples of 2,000 units cost less than 200 of the 20,000 the full-size comparison needs,
   * and put the noise of the quantiles at about 3% of the interval's width.
   */
  @BeforeAll
  void estimateOnResamplesOfATenthOfTheSample() {
    sample = ConfoundedSimulation.sample(SIZE, 2025, first -> 3 + first);
    subsampled = estimate(sample, 1_000, LIMIT);
  }

  @Test
  void resamplesDrawATenthOfEachGroup() {
    int treated = sample.treatedCount();
    int controls = sample.controlCount();

    assertThat(subsampled.resampleUnits())
        .isEqualTo((treated + 9) / 10 + (controls + 9) / 10)
        .isLessThanOrEqualTo(LIMIT + 2);
  }

  @Test
  void naiveDifferenceIntervalHasTheWidthAndCentreOfTheWelchInterval() {
    double[] sums = new double[2];
    double[] squares = new double[2];
    int[] counts = new int[2];
    for (int unit = 0; unit < sample.size(); unit++) {
      int group = sample.isTreated(unit) ? 1 : 0;
      sums[group] += sample.outcome(unit);
      squares[group] += sample.outcome(unit) * sample.outcome(unit);
      counts[group]++;
    }
    double standardError = 0;
    for (int group = 0; group < 2; group++) {
      double mean = sums[group] / counts[group];
      double variance = (squares[group] - counts[group] * mean * mean) / (counts[group] - 1);
      standardError += variance / counts[group];
    }
    standardError = Math.sqrt(standardError);
    double difference = sums[1] / counts[1] - sums[0] / counts[0];
    double welchHalfWidth = Z * standardError;
    Estimate naive = subsampled.naiveDifference();
    System.out.printf(
        "naive %.4f [%.4f, %.4f]: half-width %.4f, Welch %.4f [%.4f, %.4f] half-width %.4f%n",
        naive.estimate(),
        naive.low(),
        naive.high(),
        halfWidth(naive),
        difference,
        difference - welchHalfWidth,
        difference + welchHalfWidth,
        welchHalfWidth);

    assertThat(naive.estimate()).isCloseTo(difference, within(1e-9));
    assertThat(halfWidth(naive)).isCloseTo(welchHalfWidth, within(0.15 * welchHalfWidth));
    assertThat((naive.low() + naive.high()) / 2)
        .isCloseTo(difference, within(0.2 * welchHalfWidth));
  }

  /**
   * 200 full-size resamples estimate each half-width within about 7% (one standard deviation), the
   * 1,000 smaller ones within 3%: a 25% tolerance is over three standard deviations of their
   * difference.
   */
  @Test
  void weightingAndDoublyRobustIntervalsAreAsWideAsTheFullSizeBootstrap() {
    ImpactResult full = estimate(sample, 200, Integer.MAX_VALUE);
    System.out.printf(
        "half-widths m-out-of-n vs full: IPW %.4f vs %.4f, DR %.4f vs %.4f, matching %.4f vs %.4f,"
            + " stratification %.4f vs %.4f%n",
        halfWidth(subsampled.inverseProbabilityWeighting()),
        halfWidth(full.inverseProbabilityWeighting()),
        halfWidth(subsampled.doublyRobust()),
        halfWidth(full.doublyRobust()),
        halfWidth(subsampled.matching()),
        halfWidth(full.matching()),
        halfWidth(subsampled.stratification()),
        halfWidth(full.stratification()));

    assertThat(full.resampleUnits()).isEqualTo(SIZE);
    for (Estimate[] pair :
        List.of(
            new Estimate[] {
              subsampled.inverseProbabilityWeighting(), full.inverseProbabilityWeighting()
            },
            new Estimate[] {subsampled.doublyRobust(), full.doublyRobust()})) {
      assertThat(pair[0].estimate()).isEqualTo(pair[1].estimate());
      assertThat(halfWidth(pair[0]))
          .isCloseTo(halfWidth(pair[1]), within(0.25 * halfWidth(pair[1])));
    }
  }

  @Test
  void propensityIntervalsCoverTheTrueEffectOnTheTreatedAndTheNaiveOneDoesNot() {
    double truth = trueEffectOnTheTreated();
    System.out.printf("true ATT %.4f%n", truth);
    for (Estimate estimate :
        List.of(
            subsampled.inverseProbabilityWeighting(),
            subsampled.doublyRobust(),
            subsampled.matching(),
            subsampled.stratification())) {
      System.out.printf(
          "  %.4f [%.4f, %.4f]%n", estimate.estimate(), estimate.low(), estimate.high());
      assertThat(estimate.covers(truth)).isTrue();
    }
    assertThat(subsampled.naiveDifference().covers(truth)).isFalse();
  }

  @Test
  void theSameSeedGivesTheSameIntervals() {
    assertThat(estimate(sample, 50, LIMIT)).isEqualTo(estimate(sample, 50, LIMIT));
  }

  @Test
  void aSampleWithinTheLimitOrWithTooFewTreatedIsBootstrappedExactlyAsAtFullSize() {
    ImpactSample small = ConfoundedSimulation.sample(4_000, 2024, first -> 3);
    ImpactSample fewTreated = ConfoundedSimulation.sample(1_500, 7, first -> 3);
    // fewer than 500 treated: the group floor makes the fraction 1 whatever the limit
    assertThat(fewTreated.treatedCount()).isLessThan(ResampleSize.MIN_GROUP_UNITS);

    ImpactResult atLimit = estimate(small, 50, 4_000);
    ImpactResult floored = estimate(fewTreated, 50, 1_000);

    assertThat(atLimit).isEqualTo(estimate(small, 50, Integer.MAX_VALUE));
    assertThat(atLimit.resampleUnits()).isEqualTo(4_000);
    assertThat(floored).isEqualTo(estimate(fewTreated, 50, Integer.MAX_VALUE));
    assertThat(floored.resampleUnits()).isEqualTo(1_500);
  }
}
