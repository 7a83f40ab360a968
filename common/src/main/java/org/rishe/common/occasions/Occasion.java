package org.rishe.common.occasions;

import static java.util.Objects.requireNonNull;

/**
 * A national or religious occasion on which the charity campaigns, as a window of days fixed in its
 * own calendar: it starts on {@code month}/{@code day} of that calendar and lasts {@code days}
 * days, or the whole month when {@code days} is {@link #WHOLE_MONTH} (Ramadan, whose length is 29
 * or 30 days depending on the year).
 *
 * @param code stable identifier, e.g. {@code nowruz}
 * @param nameEn English name
 * @param nameFa Persian name
 * @param calendar the calendar its dates are fixed in
 * @param month month of that calendar, 1-12 (1 is Farvardin, or Muharram)
 * @param day first day of the window, in that month
 * @param days length of the window in days, or {@link #WHOLE_MONTH}
 */
public record Occasion(
    String code,
    String nameEn,
    String nameFa,
    OccasionCalendar calendar,
    int month,
    int day,
    int days) {
  /** {@link #days} of an occasion that lasts its whole month, however long the month is. */
  public static final int WHOLE_MONTH = 0;

  public Occasion {
    requireNonNull(code, "code is null");
    requireNonNull(nameEn, "nameEn is null");
    requireNonNull(nameFa, "nameFa is null");
    requireNonNull(calendar, "calendar is null");
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month must be 1-12, got " + month + " for " + code);
    }
    if (day < 1 || day > 31) {
      throw new IllegalArgumentException("day must be 1-31, got " + day + " for " + code);
    }
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative, got " + days + " for " + code);
    }
    if (days == WHOLE_MONTH && day != 1) {
      throw new IllegalArgumentException("a whole-month occasion starts on day 1: " + code);
    }
  }

  /** The name in {@code lang} ({@code fa} or anything else for English). */
  public String name(String lang) {
    return "fa".equals(lang) ? nameFa : nameEn;
  }
}
