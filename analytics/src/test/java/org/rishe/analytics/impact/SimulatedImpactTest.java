package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;

/**
 * Confounded data with a known effect: x1 raises both enrolment and the outcome, so the naive
 * difference is biased upwards while the propensity methods should recover the true effect of 3.
 */
class SimulatedImpactTest {
  private static final double TRUE_EFFECT = 3;

  @Test
  void propensityMethodsRecoverAKnownEffectThatTheNaiveDifferenceMisses() {
    Random random = new Random(2024);
    int size = 4000;
    boolean[] treated = new boolean[size];
    double[][] covariates = new double[size][];
    double[] outcomes = new double[size];
    for (int unit = 0; unit < size; unit++) {
      double first = random.nextGaussian();
      double second = random.nextGaussian();
      double propensity = 1 / (1 + Math.exp(-(-1 + 0.8 * first - 0.5 * second)));
      treated[unit] = random.nextDouble() < propensity;
      covariates[unit] = new double[] {first, second};
      outcomes[unit] =
          1 + 2 * first + second + (treated[unit] ? TRUE_EFFECT : 0) + random.nextGaussian();
    }
    ImpactSample sample =
        new ImpactSample(List.of("first", "second"), treated, covariates, outcomes);
    PropensityModel model = new NewtonLogisticPropensityModel();
    // 100 resamples keep the test fast; the production default is 200.
    ImpactResult result =
        new ImpactEstimator(model, model, new ImpactOptions(100, 3, 0.2)).estimate(sample);

    // x1 is higher among the treated and adds 2 per unit to the outcome: the naive bias is upward.
    assertThat(result.naiveDifference().estimate()).isGreaterThan(TRUE_EFFECT + 0.8);
    // Standard errors here are about 0.05-0.1: a tolerance of 0.3 is several of them.
    for (Estimate estimate :
        List.of(
            result.inverseProbabilityWeighting(),
            result.matching(),
            result.doublyRobust(),
            result.stratification())) {
      assertThat(estimate.estimate()).isCloseTo(TRUE_EFFECT, within(0.3));
      assertThat(estimate.covers(TRUE_EFFECT)).isTrue();
    }
    assertThat(result.doublyRobust().high() - result.doublyRobust().low()).isLessThan(0.6);
    assertThat(result.resamples()).isEqualTo(100);
    for (BalanceRow row : result.balance()) {
      assertThat(Math.abs(row.before())).isGreaterThan(0.1);
      assertThat(Math.abs(row.after())).isLessThan(0.05);
    }
  }
}
