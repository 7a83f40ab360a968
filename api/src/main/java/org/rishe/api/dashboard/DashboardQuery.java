package org.rishe.api.dashboard;

import static java.util.Objects.requireNonNull;

/**
 * What a dashboard request asks for: a calendar, an inclusive range of its months ({@code YYYY-MM},
 * null for open ends) and a region (null for all).
 */
public record DashboardQuery(String calendar, String from, String to, String region) {
  public DashboardQuery {
    requireNonNull(calendar, "calendar is null");
  }

  boolean includes(String rowCalendar, String month, String rowRegion) {
    return calendar.equals(rowCalendar)
        && (from == null || month.compareTo(from) >= 0)
        && (to == null || month.compareTo(to) <= 0)
        && (region == null || region.equals(rowRegion));
  }

  DashboardQuery forMonth(String month) {
    return new DashboardQuery(calendar, month, month, region);
  }
}
