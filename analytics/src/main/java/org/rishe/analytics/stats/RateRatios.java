package org.rishe.analytics.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Ratios of two rates per unit of time, each with a 95% interval: {@code (a / t1) / (b / t0)}. An
 * undefined bound is NaN (an upper bound with no events in the denominator, every bound of a ratio
 * with nothing to divide by).
 */
public final class RateRatios {
  private RateRatios() {}

  /**
   * The ratio of two Poisson rates, {@code a} events in time {@code t1} against {@code b} in {@code
   * t0}, with the exact conditional interval: given a + b, a is binomial with p = t1·RR / (t1·RR +
   * t0), so the Clopper–Pearson interval of p (Beta quantiles) maps to RR = p / (1 − p) · t0 / t1.
   * Exact at any count, zeros included (a = 0 gives a lower bound of 0); it is the interval of R's
   * {@code poisson.test(c(a, b), c(t1, t0))}. Estimate and bounds are NaN when b = 0 (no rate to
   * divide by), and the upper bound is NaN when only b is 0.
   */
  public static Estimate poisson(long a, double t1, long b, double t0) {
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("counts must not be negative, got " + a + " and " + b);
    }
    if (!(t1 > 0) || !(t0 > 0)) {
      throw new IllegalArgumentException("times must be positive, got " + t1 + " and " + t0);
    }
    if (b == 0) {
      return new Estimate(Double.NaN, Double.NaN, Double.NaN);
    }
    double scale = t0 / t1;
    double lowP =
        a == 0 ? 0 : new BetaDistribution(null, a, b + 1.0).inverseCumulativeProbability(0.025);
    double highP = new BetaDistribution(null, a + 1.0, b).inverseCumulativeProbability(0.975);
    return new Estimate(
        (double) a / b * scale, lowP / (1 - lowP) * scale, highP / (1 - highP) * scale);
  }

  /**
   * Sums over clusters (donors) of their totals in two periods: {@code in} the occasion, {@code
   * out} the comparison. {@code clusters} counts the clusters with anything in either period.
   */
  public record ClusterSums(
      double in, double out, double inSquares, double outSquares, double products, long clusters) {}

  /**
   * The ratio of two rates of a total (an amount given) that clusters contribute to in both
   * periods, {@code (Σ y1 / t1) / (Σ y0 / t0)}, with a delta-method (linearised, sandwich) interval
   * on the log scale that treats clusters as the independent units: log RR − log(t0 / t1) = log ȳ1
   * − log ȳ0 over G clusters, whose influence values y1_g / ȳ1 − y0_g / ȳ0 have mean 0, so Var(log
   * RR) = G / (G − 1) · Σ_g (y1_g / Y1 − y0_g / Y0)², Y the totals, expanded into the sums of
   * squares and products that {@link ClusterSums} carries. The 95% interval is exp(log RR ± t ·
   * √Var), t on G − 1 degrees of freedom (as for the clustered impact intervals). The estimate is
   * NaN when Y0 = 0; the bounds too when Y1 = 0 (the log is undefined) or G &lt; 2.
   */
  public static Estimate clustered(ClusterSums sums, double t1, double t0) {
    if (!(t1 > 0) || !(t0 > 0)) {
      throw new IllegalArgumentException("times must be positive, got " + t1 + " and " + t0);
    }
    if (!(sums.out() > 0)) {
      return new Estimate(Double.NaN, Double.NaN, Double.NaN);
    }
    double ratio = sums.in() / t1 / (sums.out() / t0);
    long clusters = sums.clusters();
    if (!(sums.in() > 0) || clusters < 2) {
      return new Estimate(ratio, Double.NaN, Double.NaN);
    }
    double squares =
        sums.inSquares() / (sums.in() * sums.in())
            + sums.outSquares() / (sums.out() * sums.out())
            - 2 * sums.products() / (sums.in() * sums.out());
    double variance = Math.max(0, squares) * clusters / (clusters - 1);
    double half =
        new TDistribution(null, clusters - 1).inverseCumulativeProbability(0.975)
            * Math.sqrt(variance);
    double log = Math.log(ratio);
    return new Estimate(ratio, Math.exp(log - half), Math.exp(log + half));
  }
}
