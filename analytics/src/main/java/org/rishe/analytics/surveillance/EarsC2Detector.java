package org.rishe.analytics.surveillance;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags months whose count of new cases is unusually high for its series (one region and problem),
 * by the CDC's Early Aberration Reporting System method C2 (Hutwagner et al. 2003, as in R's {@code
 * surveillance::earsC}): the month's count is compared with the mean and standard deviation of the
 * seven months that end two months before it, and flagged when it exceeds the mean by more than
 * three standard deviations.
 *
 * <p>Why C2 rather than Farrington or CUSUM: a charity's series are short (often one or two years),
 * counts are small, and many series start at once when a region is added. Farrington's method needs
 * several years of the same calendar months before it gives its first answer, and a CUSUM needs a
 * known in-control mean and accumulates evidence over months rather than pointing at one. C2 gives
 * an answer from the tenth month on, needs no history beyond nine months, and its score reads as
 * "standard deviations above normal". The two-month guard band keeps the start of a slowly building
 * outbreak out of the baseline it is judged against. Its known costs: no seasonality (a recurring
 * winter rise is flagged every year), and a false-alarm rate above the normal-theory 0.13% because
 * the spread is estimated from only seven months (under normal counts the score divided by {@code
 * sqrt(1 + 1/7)} follows Student's t with 6 degrees of freedom, about 1.5% a month above 3); the
 * tests measure it.
 */
public final class EarsC2Detector {
  private final EarsOptions options;

  public EarsC2Detector(EarsOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  /**
   * One point per month that has a full baseline: months from {@code baselineMonths + guardMonths}
   * on. Earlier months cannot be judged and are left out rather than reported as unflagged.
   */
  public List<AberrationPoint> detect(YearMonth firstMonth, long[] counts) {
    requireNonNull(firstMonth, "firstMonth is null");
    requireNonNull(counts, "counts is null");
    for (int month = 0; month < counts.length; month++) {
      if (counts[month] < 0) {
        throw new IllegalArgumentException(
            "counts must not be negative, got "
                + counts[month]
                + " in "
                + firstMonth.plusMonths(month));
      }
    }
    List<AberrationPoint> points = new ArrayList<>();
    int baseline = options.baselineMonths();
    for (int month = baseline + options.guardMonths(); month < counts.length; month++) {
      int baselineEnd = month - options.guardMonths();
      double mean = 0;
      for (int index = baselineEnd - baseline; index < baselineEnd; index++) {
        mean += counts[index];
      }
      mean /= baseline;
      double sumOfSquares = 0;
      for (int index = baselineEnd - baseline; index < baselineEnd; index++) {
        sumOfSquares += (counts[index] - mean) * (counts[index] - mean);
      }
      double deviation =
          Math.max(Math.sqrt(sumOfSquares / (baseline - 1)), options.minimumStandardDeviation());
      double score = (counts[month] - mean) / deviation;
      points.add(
          new AberrationPoint(
              firstMonth.plusMonths(month),
              counts[month],
              mean,
              score,
              score > options.threshold(),
              baseline));
    }
    return points;
  }
}
