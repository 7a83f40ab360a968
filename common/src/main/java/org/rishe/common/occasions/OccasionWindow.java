package org.rishe.common.occasions;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One year's occurrence of an occasion as Gregorian dates, {@code start} to {@code end} inclusive.
 *
 * @param occasionYear the year of the occasion's own calendar (1403 for Nowruz 2024, 1445 for
 *     Ramadan 2024)
 */
public record OccasionWindow(Occasion occasion, int occasionYear, LocalDate start, LocalDate end) {
  public OccasionWindow {
    requireNonNull(occasion, "occasion is null");
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("window ends " + end + " before it starts " + start);
    }
  }

  /** The Gregorian year the window starts in: the year it is reported under. */
  public int year() {
    return start.getYear();
  }

  /** The window's length in days, both ends included. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** Whether {@code date} lies in the window. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** Whether the two windows share a day. */
  public boolean overlaps(OccasionWindow other) {
    return !other.end.isBefore(start) && !other.start.isAfter(end);
  }
}
