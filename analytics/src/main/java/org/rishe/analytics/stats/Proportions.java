package org.rishe.analytics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Confidence intervals for a single binomial proportion. */
public final class Proportions {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private Proportions() {}

  /** The 95% Wilson score interval for {@code successes} out of {@code trials}. */
  public static Estimate wilson(long successes, long trials) {
    return wilson(successes, trials, 0.95);
  }

  /**
   * The Wilson score interval at the given two-sided confidence level. Wilson rather than Wald
   * because the Wald interval collapses to a point at 0 or n successes and undercovers for small
   * counts, which is exactly where charity data lives. Agrees with R's {@code prop.test(x, n,
   * correct = FALSE)$conf.int}.
   */
  public static Estimate wilson(long successes, long trials, double confidence) {
    if (trials <= 0) {
      throw new IllegalArgumentException("trials must be positive, got " + trials);
    }
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "successes must be between 0 and trials (" + trials + "), got " + successes);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double halfWidth = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new Estimate(p, Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
  }
}
