package org.rishe.client;

import java.util.List;

/**
 * {@code GET /occasions}: giving and volunteer sign-ups in each occasion's window against the weeks
 * around it, every page joined; {@code method} says how the rates and intervals are computed.
 */
public record Occasions(String run, String method, List<Occasion> occasions) {
  public Occasions {
    occasions = occasions == null ? List.of() : List.copyOf(occasions);
  }

  /**
   * One measure ({@code donations}, {@code amount}, {@code volunteer_sign_ups}, {@code pledges} or
   * {@code pledged_amount}; amounts per {@code currency}) of one occasion's window: the occasion's
   * code and name, its calendar and year in it, the Gregorian year the window starts in, the
   * window's dates and length, the comparison days, other occasions it overlaps, the totals and
   * weekly rates in and around it, their ratio with its 95% interval ({@code rateRatio}, parts null
   * where undefined), the events counted and the donors (null where it does not apply).
   */
  public record Occasion(
      String occasion,
      String name,
      String calendar,
      int occasionYear,
      int year,
      String startDate,
      String endDate,
      int days,
      int comparisonDays,
      List<String> overlaps,
      String measure,
      String currency,
      double occasionTotal,
      double comparisonTotal,
      double occasionWeekly,
      Double comparisonWeekly,
      Estimate rateRatio,
      long occasionEvents,
      long comparisonEvents,
      Long donors,
      String intervalMethod) {
    public Occasion {
      overlaps = overlaps == null ? List.of() : List.copyOf(overlaps);
    }
  }
}
