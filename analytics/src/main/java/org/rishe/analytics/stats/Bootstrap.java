package org.rishe.analytics.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap, and the rescaled m-out-of-n interval for resamples smaller than the sample.
 * Resampling is driven by a seeded {@link SplittableRandom}, so the same seed gives the same
 * interval on every machine and every run.
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
    return resample(size, size, random);
  }

  /**
   * {@code count} indices drawn uniformly with replacement from {@code 0..size-1}: the m-out-of-n
   * resample. With {@code count == size} it draws exactly what {@link #resample(int,
   * SplittableRandom)} draws from the same stream.
   */
  public static int[] resample(int size, int count, SplittableRandom random) {
    requireNonNull(random, "random is null");
    if (size <= 0 || count < 0) {
      throw new IllegalArgumentException(
          "a resample needs a positive size and a non-negative count, got "
              + size
              + " and "
              + count);
    }
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
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
    double[] quantiles = tailQuantiles(replicates);
    return new Estimate(estimate, quantiles[0], quantiles[1]);
  }

  /**
   * The point estimate with a 95% interval from replicates computed on resamples of {@code
   * resampleSize} units drawn from a sample of {@code sampleSize} (the m-out-of-n bootstrap):
   * {@code [estimate - s (q97.5 - estimate), estimate - s (q2.5 - estimate)]} with {@code s =
   * sqrt(resampleSize / sampleSize)} and q the type 7 quantiles of the replicates, NaN replicates
   * left out as in {@link #interval}.
   *
   * <p>Why this form: a replicate on m units spreads about the estimate as the estimate on n units
   * spreads about the truth, but wider by sqrt(n/m) for a root-n statistic. The percentile interval
   * would keep that extra width; the basic (root) interval, scaled back by sqrt(m/n), does not
   * (Bickel, Götze &amp; van Zwet 1997; Politis &amp; Romano 1994). With {@code resampleSize ==
   * sampleSize} it is the plain basic bootstrap interval, which is not what {@link #interval}
   * returns: use that one for full-size resamples.
   */
  public static Estimate rescaledInterval(
      double estimate, double[] replicates, long resampleSize, long sampleSize) {
    if (resampleSize <= 0 || resampleSize > sampleSize) {
      throw new IllegalArgumentException(
          "the resample size must be between 1 and the sample size "
              + sampleSize
              + ", got "
              + resampleSize);
    }
    double[] quantiles = tailQuantiles(replicates);
    double scale = Math.sqrt((double) resampleSize / sampleSize);
    return new Estimate(
        estimate,
        estimate - scale * (quantiles[1] - estimate),
        estimate - scale * (quantiles[0] - estimate));
  }

  /** The 2.5% and 97.5% type 7 quantiles of the replicates that are not NaN; NaN for none. */
  private static double[] tailQuantiles(double[] replicates) {
    requireNonNull(replicates, "replicates is null");
    double[] defined = Arrays.stream(replicates).filter(value -> !Double.isNaN(value)).toArray();
    if (defined.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(defined);
    return new double[] {percentile.evaluate(2.5), percentile.evaluate(97.5)};
  }

  private static int[] identity(int size) {
    int[] indices = new int[size];
    Arrays.setAll(indices, i -> i);
    return indices;
  }
}
