package org.rishe.client;

/**
 * An estimate with its 95% confidence interval; any part is null where the data could not give it.
 */
public record Estimate(Double estimate, Double low, Double high) {
  /**
   * Whether the interval lies wholly above {@code value} (e.g. 1 for a ratio, 0 for a difference).
   */
  public boolean whollyAbove(double value) {
    return low != null && low > value;
  }

  /** Whether the interval lies wholly below {@code value}. */
  public boolean whollyBelow(double value) {
    return high != null && high < value;
  }
}
