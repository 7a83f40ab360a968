package org.rishe.analytics.occasions;

import static java.util.Objects.requireNonNull;

import org.rishe.analytics.stats.Estimate;

/**
 * One measure of one occasion's window against its comparison days: totals, events, weekly rates
 * and the rate ratio with its 95% interval.
 *
 * @param measure {@code donations} (how many were received), {@code amount} (how much) or {@code
 *     volunteers} (sign-ups)
 * @param currency the currency of a donation measure; null for volunteers
 * @param occasionTotal the measure summed over the window (a count, or an amount)
 * @param comparisonTotal the same over the comparison days
 * @param occasionEvents donations or sign-ups in the window
 * @param comparisonEvents donations or sign-ups on the comparison days
 * @param donors donors with a donation in the currency in the window or on the comparison days (the
 *     clusters of the amount's interval); null for volunteers
 * @param ratio occasion weekly rate over comparison weekly rate; NaN where undefined
 * @param method how the interval was computed ({@link #EXACT_POISSON} or {@link #CLUSTERED_DELTA})
 */
public record OccasionGiving(
    OccasionPeriod period,
    String measure,
    String currency,
    double occasionTotal,
    double comparisonTotal,
    long occasionEvents,
    long comparisonEvents,
    Long donors,
    Estimate ratio,
    String method) {
  public static final String EXACT_POISSON = "exact_conditional_poisson";
  public static final String CLUSTERED_DELTA = "delta_method_clustered_by_donor";

  public OccasionGiving {
    requireNonNull(period, "period is null");
    requireNonNull(measure, "measure is null");
    requireNonNull(ratio, "ratio is null");
    requireNonNull(method, "method is null");
  }

  /** The window's length in weeks. */
  public double occasionWeeks() {
    return period.window().days() / 7.0;
  }

  /** The comparison days in weeks; 0 when every day around the window was excluded. */
  public double comparisonWeeks() {
    return period.comparisonDays().size() / 7.0;
  }

  /** The measure per week of the window. */
  public double occasionWeekly() {
    return occasionTotal / occasionWeeks();
  }

  /** The measure per comparison week; NaN without comparison days. */
  public double comparisonWeekly() {
    return comparisonWeeks() > 0 ? comparisonTotal / comparisonWeeks() : Double.NaN;
  }
}
