package org.rishe.analytics.stats;

import static java.util.Objects.requireNonNull;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Population attributable fraction by Miettinen's case-based formula {@code PAF = pc × (RR − 1) /
 * RR}, where {@code pc} is the share of cases that were exposed. Because it takes the ratio from
 * outside, it stays valid with an adjusted ratio (from a regression), which the simple
 * exposure-prevalence formula does not (Rockhill, Newman & Weinberg 1998). An odds ratio may stand
 * in for the relative risk when the outcome is rare.
 *
 * <p>Confidence interval, conservative by construction: PAF is monotone in each of {@code pc} and
 * {@code RR}, so its extremes over a rectangle of the two lie at the corners. The rectangle is the
 * 97.5% Wilson interval of {@code pc} times the 97.5% interval of the ratio (widened from the given
 * 95% interval assuming it is symmetric on the log scale, as Wald intervals of regression
 * coefficients are). By Bonferroni both true values lie in the rectangle with probability at least
 * 95%, hence so does the true PAF in the reported interval. It ignores the (usually positive)
 * correlation of the two inputs, which is what makes it conservative rather than exact.
 */
public final class AttributableFraction {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
  private static final double Z_95 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);
  private static final double Z_97_5 = STANDARD_NORMAL.inverseCumulativeProbability(0.9875);

  private AttributableFraction() {}

  /**
   * The attributable fraction for a ratio (relative risk or odds ratio, with its 95% CI) and the
   * number of cases, of which {@code exposedCases} were exposed.
   */
  public static Estimate miettinen(Estimate ratio, long exposedCases, long cases) {
    requireNonNull(ratio, "ratio is null");
    if (!(ratio.low() > 0)) {
      throw new IllegalArgumentException(
          "ratio interval must be positive, got low " + ratio.low() + " (use a corrected table)");
    }
    double shareExposed = Proportions.wilson(exposedCases, cases).estimate();
    Estimate wideShare = Proportions.wilson(exposedCases, cases, 0.975);
    double logRatio = Math.log(ratio.estimate());
    double logStandardError = (Math.log(ratio.high()) - Math.log(ratio.low())) / (2 * Z_95);
    double[] ratios = {
      Math.exp(logRatio - Z_97_5 * logStandardError), Math.exp(logRatio + Z_97_5 * logStandardError)
    };
    double[] shares = {wideShare.low(), wideShare.high()};
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double share : shares) {
      for (double corner : ratios) {
        double fraction = fraction(share, corner);
        low = Math.min(low, fraction);
        high = Math.max(high, fraction);
      }
    }
    double estimate = fraction(shareExposed, ratio.estimate());
    return new Estimate(estimate, Math.min(low, estimate), Math.max(high, estimate));
  }

  private static double fraction(double shareExposed, double ratio) {
    return shareExposed * (ratio - 1) / ratio;
  }
}
