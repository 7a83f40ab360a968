package org.rishe.analytics.impact;

/**
 * Settings of {@link ImpactEstimator}: how intervals are computed ({@link Variance}), bootstrap
 * resamples and seed (used only by the bootstrap), the matching caliper in standard deviations of
 * the propensity logit with the number of neighbours per treated unit, and the largest bootstrap
 * resample in units.
 *
 * <p>Defaults: a caliper of 0.2 (Austin 2011) and one neighbour, so every matched comparison is as
 * close as the data allow. Dehejia &amp; Wahba's (1999) matching, one neighbour with replacement
 * and no caliper, is {@code caliperStandardDeviations = Double.POSITIVE_INFINITY}; more neighbours
 * trade bias for variance (Abadie &amp; Imbens 2006 use four).
 *
 * <p>{@code maxResampleUnits} caps the cost of the bootstrap: a sample larger than it is resampled
 * m out of n ({@link ResampleSize}), so at a given treated share a resample costs the same at a
 * million units as at the limit. It must be at least {@value #MIN_RESAMPLE_UNITS}: the rescaling of
 * m-out-of-n intervals rests on the estimates of a resample being near their large-sample
 * distribution, which a propensity fit and five estimators on fewer units need not be. {@link
 * Integer#MAX_VALUE} means every sample is resampled at full size, the plain bootstrap whatever the
 * cost.
 */
public record ImpactOptions(
    int resamples,
    long seed,
    double caliperStandardDeviations,
    int matchingNeighbours,
    int maxResampleUnits,
    Variance variance)
    implements java.io.Serializable {
  /**
   * How intervals are computed: {@code CLOSED_FORM} (the default) from the influence values of the
   * stacked estimating equations, clustered by family, and Abadie &amp; Imbens's variance for
   * matching; {@code BOOTSTRAP} the stratified bootstrap that repeats the whole procedure, kept for
   * comparison (it costs a propensity refit and five estimators per resample).
   */
  public enum Variance {
    CLOSED_FORM,
    BOOTSTRAP;

    /** The name used on the command line and in the run manifest. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The variance named {@code label} ({@code closed-form} or {@code bootstrap}). */
    public static Variance parse(String label) {
      for (Variance variance : values()) {
        if (variance.label().equals(label)) {
          return variance;
        }
      }
      throw new IllegalArgumentException(
          "the impact variance is closed-form or bootstrap, got '" + label + "'");
    }
  }

  public static final int DEFAULT_RESAMPLES = 200;
  public static final double DEFAULT_CALIPER = 0.2;
  public static final int DEFAULT_NEIGHBOURS = 1;
  public static final int DEFAULT_MAX_RESAMPLE_UNITS = 20_000;
  public static final int MIN_RESAMPLE_UNITS = 1_000;

  public ImpactOptions {
    if (resamples < 20) {
      throw new IllegalArgumentException(
          "resamples must be at least 20 for a 95% percentile interval, got " + resamples);
    }
    if (!(caliperStandardDeviations > 0)) {
      throw new IllegalArgumentException(
          "caliper must be positive (infinite for no caliper), got " + caliperStandardDeviations);
    }
    if (matchingNeighbours < 1) {
      throw new IllegalArgumentException(
          "matching needs at least one neighbour per treated unit, got " + matchingNeighbours);
    }
    if (maxResampleUnits < MIN_RESAMPLE_UNITS) {
      throw new IllegalArgumentException(
          "the largest resample must be at least "
              + MIN_RESAMPLE_UNITS
              + " units (Integer.MAX_VALUE for always full size), got "
              + maxResampleUnits);
    }
    java.util.Objects.requireNonNull(variance, "variance is null");
  }

  public ImpactOptions(
      int resamples,
      long seed,
      double caliperStandardDeviations,
      int matchingNeighbours,
      int maxResampleUnits) {
    this(
        resamples,
        seed,
        caliperStandardDeviations,
        matchingNeighbours,
        maxResampleUnits,
        Variance.CLOSED_FORM);
  }

  /** The same options with intervals computed the given way. */
  public ImpactOptions withVariance(Variance newVariance) {
    return new ImpactOptions(
        resamples,
        seed,
        caliperStandardDeviations,
        matchingNeighbours,
        maxResampleUnits,
        newVariance);
  }

  public ImpactOptions(
      int resamples, long seed, double caliperStandardDeviations, int matchingNeighbours) {
    this(
        resamples, seed, caliperStandardDeviations, matchingNeighbours, DEFAULT_MAX_RESAMPLE_UNITS);
  }

  public ImpactOptions(int resamples, long seed, double caliperStandardDeviations) {
    this(resamples, seed, caliperStandardDeviations, DEFAULT_NEIGHBOURS);
  }

  public static ImpactOptions defaults(long seed) {
    return new ImpactOptions(DEFAULT_RESAMPLES, seed, DEFAULT_CALIPER, DEFAULT_NEIGHBOURS);
  }
}
