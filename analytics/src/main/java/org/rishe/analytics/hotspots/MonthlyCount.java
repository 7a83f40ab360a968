package org.rishe.analytics.hotspots;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/** New cases of one problem in one region and month. */
public record MonthlyCount(String region, String problem, YearMonth month, long cases) {
  public MonthlyCount {
    requireNonNull(region, "region is null");
    requireNonNull(problem, "problem is null");
    requireNonNull(month, "month is null");
    if (cases < 0) {
      throw new IllegalArgumentException("cases must not be negative, got " + cases);
    }
  }
}
