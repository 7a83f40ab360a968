package org.rishe.analytics.surveillance;

/**
 * Settings of the EARS C2 detector: months in the baseline, months of guard band between the
 * baseline and the month assessed, the score above which a month is flagged, and a floor under the
 * baseline standard deviation.
 */
public record EarsOptions(
    int baselineMonths, int guardMonths, double threshold, double minimumStandardDeviation) {
  public EarsOptions {
    if (baselineMonths < 3) {
      throw new IllegalArgumentException(
          "baseline must have at least 3 months to estimate a spread, got " + baselineMonths);
    }
    if (guardMonths < 0) {
      throw new IllegalArgumentException("guard must not be negative, got " + guardMonths);
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("threshold must be positive, got " + threshold);
    }
    if (!(minimumStandardDeviation > 0)) {
      throw new IllegalArgumentException(
          "minimum standard deviation must be positive (a flat baseline would give an infinite"
              + " score), got "
              + minimumStandardDeviation);
    }
  }

  /**
   * CDC's C2: a 7-period baseline ending 2 periods before the one assessed, flagged above 3
   * standard deviations; the standard deviation is floored at 1 case so that a series that has been
   * silent needs more than 3 cases in a month to raise an alarm.
   */
  public static EarsOptions defaults() {
    return new EarsOptions(7, 2, 3.0, 1.0);
  }
}
