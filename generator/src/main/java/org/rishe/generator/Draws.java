package org.rishe.generator;

import java.util.SplittableRandom;

/** Small random draws shared by the simulators. */
final class Draws {
  private Draws() {}

  /** An index drawn with the given probabilities; the last absorbs any rounding shortfall. */
  static int pick(SplittableRandom random, double[] weights) {
    double draw = random.nextDouble();
    double cumulative = 0.0;
    for (int i = 0; i < weights.length; i++) {
      cumulative += weights[i];
      if (draw < cumulative) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static boolean logistic(SplittableRandom random, double logOdds) {
    return random.nextDouble() < 1.0 / (1.0 + Math.exp(-logOdds));
  }

  static double clip(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}
