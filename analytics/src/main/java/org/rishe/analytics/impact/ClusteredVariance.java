package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.rishe.analytics.stats.Estimate;

/**
 * Cluster-robust (sandwich) variances of estimates given as means of influence values, clustered by
 * family: siblings share a household, so their contributions are summed before squaring. With G
 * clusters, Var = G / (G - 1) · Σ_g (Σ_{i in g} IF_i)² / n², and the 95% interval is estimate ± t ·
 * √Var with t the 97.5% quantile of Student's t on G - 1 degrees of freedom (the usual small-sample
 * reference for G clusters, Cameron &amp; Miller 2015).
 */
final class ClusteredVariance {
  private final int[] clusterOf;
  private final int clusters;

  /** The clusters of a sample, numbered densely. */
  ClusteredVariance(ImpactSample sample) {
    requireNonNull(sample, "sample is null");
    clusterOf = new int[sample.size()];
    Map<Integer, Integer> numbers = new HashMap<>();
    for (int unit = 0; unit < clusterOf.length; unit++) {
      clusterOf[unit] = numbers.computeIfAbsent(sample.cluster(unit), key -> numbers.size());
    }
    clusters = numbers.size();
  }

  /** Number of clusters (families) in the sample. */
  int clusters() {
    return clusters;
  }

  /** Σ_g (Σ_{i in g} values_i)² · G / (G - 1): the cluster-robust sum of squares. */
  double sumOfSquares(double[] values) {
    double[] sums = new double[clusters];
    for (int unit = 0; unit < values.length; unit++) {
      sums[clusterOf[unit]] += values[unit];
    }
    double total = 0;
    for (double sum : sums) {
      total += sum * sum;
    }
    return clusters > 1 ? total * clusters / (clusters - 1) : Double.NaN;
  }

  /** The estimate with its 95% interval from its influence values (mean-of-influence scale). */
  Estimate interval(AttInfluence.Fitted fitted) {
    double[] influence = fitted.influence();
    double n = influence.length;
    return interval(fitted.estimate(), sumOfSquares(influence) / (n * n));
  }

  /** The estimate with a 95% t interval of the given variance. */
  Estimate interval(double estimate, double variance) {
    if (!Double.isFinite(estimate) || !(variance >= 0) || clusters < 2) {
      return new Estimate(estimate, Double.NaN, Double.NaN);
    }
    double half = quantile() * Math.sqrt(variance);
    return new Estimate(estimate, estimate - half, estimate + half);
  }

  /** The 97.5% quantile of t on G - 1 degrees of freedom. */
  double quantile() {
    return new TDistribution(null, clusters - 1).inverseCumulativeProbability(0.975);
  }
}
