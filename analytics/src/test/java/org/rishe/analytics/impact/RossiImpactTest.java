package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.impact.benchmark.BenchmarkSamples;
import org.rishe.analytics.stats.Estimate;

/** Rossi, Berk & Lenihan's randomised trial: re-arrest 48/216 with aid vs 66/216 without. */
class RossiImpactTest {
  private static final double TRIAL_EFFECT = 48.0 / 216 - 66.0 / 216;

  @Test
  void everyEstimatorCoversTheRandomisedDifference() {
    ImpactSample sample = BenchmarkSamples.rossi(BenchmarkSamples.directory());
    ImpactEstimator estimator =
        new ImpactEstimator(
            new NewtonLogisticPropensityModel(),
            new NewtonLogisticPropensityModel(),
            ImpactOptions.defaults(7));

    ImpactResult result = estimator.estimate(sample);

    assertThat(result.treated()).isEqualTo(216);
    assertThat(result.controls()).isEqualTo(216);
    assertThat(result.naiveDifference().estimate()).isCloseTo(TRIAL_EFFECT, within(1e-12));
    assertThat(TRIAL_EFFECT).isCloseTo(-0.083, within(5e-4));
    for (Estimate estimate :
        List.of(
            result.naiveDifference(),
            result.inverseProbabilityWeighting(),
            result.matching(),
            result.doublyRobust())) {
      assertThat(estimate.covers(TRIAL_EFFECT)).isTrue();
    }
    // Randomisation balanced the covariates, so adjustment moves the estimate by little.
    assertThat(result.doublyRobust().estimate()).isCloseTo(TRIAL_EFFECT, within(0.02));
  }
}
