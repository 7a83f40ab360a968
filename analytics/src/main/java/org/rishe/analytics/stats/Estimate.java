package org.rishe.analytics.stats;

/**
 * A point estimate with its 95% confidence interval. The sample size it rests on travels with the
 * value that produced it (a {@link TwoByTwo}, an impact result), not here, so one estimate type
 * serves every method.
 */
public record Estimate(double estimate, double low, double high) implements java.io.Serializable {
  public Estimate {
    if (!Double.isNaN(low) && !Double.isNaN(high) && low > high) {
      throw new IllegalArgumentException(
          "confidence interval is reversed: low " + low + " > high " + high);
    }
  }

  /** Whether the interval contains {@code value}, bounds included. */
  public boolean covers(double value) {
    return low <= value && value <= high;
  }
}
