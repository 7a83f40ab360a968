package org.rishe.analytics.impact;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Confounded data with a known effect on the treated: two standard normal covariates, enrolment
 * logit -1 + 0.8 x1 - 0.5 x2, untreated outcome 1 + 2 x1 + x2 + noise. x1 raises both enrolment and
 * the outcome, so the naive difference is biased upwards while the propensity methods should
 * recover the effect.
 */
final class ConfoundedSimulation {
  private ConfoundedSimulation() {}

  /** The true probability of enrolment. */
  static double propensity(double first, double second) {
    return 1 / (1 + Math.exp(-(-1 + 0.8 * first - 0.5 * second)));
  }

  /** {@code size} units drawn from {@code seed}; a treated unit gains {@code effect(x1)}. */
  static ImpactSample sample(int size, long seed, DoubleUnaryOperator effect) {
    Random random = new Random(seed);
    boolean[] treated = new boolean[size];
    double[][] covariates = new double[size][];
    double[] outcomes = new double[size];
    for (int unit = 0; unit < size; unit++) {
      double first = random.nextGaussian();
      double second = random.nextGaussian();
      treated[unit] = random.nextDouble() < propensity(first, second);
      covariates[unit] = new double[] {first, second};
      outcomes[unit] =
          1
              + 2 * first
              + second
              + (treated[unit] ? effect.applyAsDouble(first) : 0)
              + random.nextGaussian();
    }
    return new ImpactSample(List.of("first", "second"), treated, covariates, outcomes);
  }
}
