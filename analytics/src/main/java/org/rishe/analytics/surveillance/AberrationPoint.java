package org.rishe.analytics.surveillance;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * One assessed month of a count series: the count observed, the count expected from the baseline,
 * the standardised score {@code (observed - expected) / baseline standard deviation}, and whether
 * the score crossed the alarm threshold. {@code baselineMonths} is the sample size behind {@code
 * expected}.
 */
public record AberrationPoint(
    YearMonth month,
    long observed,
    double expected,
    double score,
    boolean flagged,
    int baselineMonths) {
  public AberrationPoint {
    requireNonNull(month, "month is null");
  }
}
