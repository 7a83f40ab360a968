package org.rishe.analytics.impact;

import org.rishe.analytics.stats.Bootstrap;
import org.rishe.analytics.stats.Estimate;

/**
 * How many treated and how many controls each bootstrap resample of {@link ImpactEstimator} draws,
 * and the interval that size calls for.
 *
 * <p>A sample of n units with at most {@code maxResampleUnits} is resampled at full size, the plain
 * stratified bootstrap with percentile intervals. A larger one is resampled m out of n: both groups
 * at the same fraction r = max(maxResampleUnits / n, {@value #MIN_GROUP_UNITS} / smaller group), so
 * a resample keeps the sample's treated share and its smaller group never drops below {@value
 * #MIN_GROUP_UNITS} units; m_t = ceil(r n_t), m_c = ceil(r n_c), and with r at 1 or above the
 * resample is full size after all. The interval is then the rescaled basic interval of {@link
 * Bootstrap#rescaledInterval}: one scale sqrt(m/n) fits both groups only because both are drawn at
 * the same fraction.
 *
 * <p>Cost: a resample has at most max(maxResampleUnits, {@value #MIN_GROUP_UNITS} / q) + 2 units,
 * where q is the share of the smaller group; it no longer grows with n at a given share. A
 * programme with 1% of the sample enrolled costs 50,000 units per resample, one with 0.1% half a
 * million: the floor is what keeps the estimators' variance on the small group estimable.
 */
record ResampleSize(int treated, int controls, int sampleTreated, int sampleControls) {
  /** Fewest treated, and fewest controls, that an m-out-of-n resample draws. */
  static final int MIN_GROUP_UNITS = 500;

  /** The resample size for a sample of the given group sizes under the given largest resample. */
  static ResampleSize of(int sampleTreated, int sampleControls, int maxResampleUnits) {
    if (sampleTreated < 1 || sampleControls < 1 || maxResampleUnits < 1) {
      throw new IllegalArgumentException(
          "a resample size needs positive group sizes and limit, got "
              + sampleTreated
              + " treated, "
              + sampleControls
              + " controls and a limit of "
              + maxResampleUnits);
    }
    long units = (long) sampleTreated + sampleControls;
    long smaller = Math.min(sampleTreated, sampleControls);
    // r = numerator / denominator, the larger of maxResampleUnits / n and MIN_GROUP_UNITS /
    // smaller, compared and applied in exact integer arithmetic so that ceil(r n_t) is never
    // pushed up by a rounding error.
    boolean limitRules = maxResampleUnits * smaller >= MIN_GROUP_UNITS * units;
    long numerator = limitRules ? maxResampleUnits : MIN_GROUP_UNITS;
    long denominator = limitRules ? units : smaller;
    if (numerator >= denominator) {
      return new ResampleSize(sampleTreated, sampleControls, sampleTreated, sampleControls);
    }
    return new ResampleSize(
        ceilingOfFraction(sampleTreated, numerator, denominator),
        ceilingOfFraction(sampleControls, numerator, denominator),
        sampleTreated,
        sampleControls);
  }

  /** m, the units of one resample. */
  int units() {
    return treated + controls;
  }

  boolean isFullSize() {
    return treated == sampleTreated && controls == sampleControls;
  }

  /**
   * The 95% interval of {@code estimate} from replicates on resamples of this size: the percentile
   * interval at full size (exactly the plain bootstrap), the rescaled m-out-of-n interval below.
   */
  Estimate interval(double estimate, double[] replicates) {
    return isFullSize()
        ? Bootstrap.interval(estimate, replicates)
        : Bootstrap.rescaledInterval(
            estimate, replicates, units(), (long) sampleTreated + sampleControls);
  }

  /** ceil(count * numerator / denominator) for positive arguments. */
  private static int ceilingOfFraction(int count, long numerator, long denominator) {
    return (int) ((count * numerator + denominator - 1) / denominator);
  }
}
