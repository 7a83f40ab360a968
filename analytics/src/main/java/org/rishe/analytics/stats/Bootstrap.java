package org.rishe.analytics.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap. Resampling is driven by a seeded {@link SplittableRandom}, so the same seed
 * gives the same interval on every machine and every run.
 */
public final class Bootstrap {
  private Bootstrap() {}

  /**
   * The statistic on the full sample with a 95% percentile interval from {@code resamples}
   * resamples with replacement of the {@code size} unit indices. The statistic receives the
   * resampled indices (the identity for the point estimate).
   */
  public static Estimate percentile(
      int size, int resamples, long seed, ToDoubleFunction<int[]> statistic) {
    requireNonNull(statistic, "statistic is null");
    if (size <= 0 || resamples <= 0) {
      throw new IllegalArgumentException(
          "size and resamples must be positive, got " + size + " and " + resamples);
    }
    double estimate = statistic.applyAsDouble(identity(size));
    SplittableRandom random = new SplittableRandom(seed);
    double[] replicates = new double[resamples];
    for (int resample = 0; resample < resamples; resample++) {
      replicates[resample] = statistic.applyAsDouble(resample(size, random));
    }
    return interval(estimate, replicates);
  }

  /** {@code size} indices drawn uniformly with replacement from {@code 0..size-1}. */
  public static int[] resample(int size, SplittableRandom random) {
    requireNonNull(random, "random is null");
    int[] indices = new int[size];
    for (int i = 0; i < size; i++) {
      indices[i] = random.nextInt(size);
    }
    return indices;
  }

  /**
   * The point estimate with the 2.5% and 97.5% quantiles of the replicates (R's default quantile
   * definition, type 7). Replicates that are NaN (a resample where the statistic is undefined) are
   * left out; with none left the interval is NaN.
   */
  public static Estimate interval(double estimate, double[] replicates) {
    requireNonNull(replicates, "replicates is null");
    double[] defined = Arrays.stream(replicates).filter(value -> !Double.isNaN(value)).toArray();
    if (defined.length == 0) {
      return new Estimate(estimate, Double.NaN, Double.NaN);
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(defined);
    return new Estimate(estimate, percentile.evaluate(2.5), percentile.evaluate(97.5));
  }

  private static int[] identity(int size) {
    int[] indices = new int[size];
    Arrays.setAll(indices, i -> i);
    return indices;
  }
}
