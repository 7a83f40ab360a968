package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;

/** {@link ConfoundedSimulation} with a constant effect of 3. */
class SimulatedImpactTest {
  private static final double TRUE_EFFECT = 3;

  @Test
  void propensityMethodsRecoverAKnownEffectThatTheNaiveDifferenceMisses() {
    ImpactSample sample = ConfoundedSimulation.sample(4000, 2024, first -> TRUE_EFFECT);
    PropensityModel model = new NewtonLogisticPropensityModel();
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
            result.stratification(),
            result.entropyBalancing())) {
      assertThat(estimate.estimate()).isCloseTo(TRUE_EFFECT, within(0.3));
      assertThat(estimate.covers(TRUE_EFFECT)).isTrue();
    }
    assertThat(result.doublyRobust().high() - result.doublyRobust().low()).isLessThan(0.6);
    // closed-form intervals by default: no resampling
    assertThat(result.variance()).isEqualTo(ImpactOptions.Variance.CLOSED_FORM);
    assertThat(result.resamples()).isZero();
    for (BalanceRow row : result.balance()) {
      assertThat(Math.abs(row.before())).isGreaterThan(0.1);
      assertThat(Math.abs(row.after())).isLessThan(0.05);
    }
  }
}
