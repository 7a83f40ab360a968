package org.rishe.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/** The simulated period as epoch days, and the date and timestamp texts the contract asks for. */
final class Timeline {
  /** Tehran standard time; the contract's own timestamp example uses it. */
  static final String OFFSET = "+03:30";

  private final long start;
  private final long end;

  Timeline(int startYear, int endYear) {
    this.start = LocalDate.of(startYear, 1, 1).toEpochDay();
    this.end = LocalDate.of(endYear, 12, 31).toEpochDay();
  }

  /**
   * The first registration day: 18 months before the period starts. Problems start up to about two
   * years after registration, so without this burn-in the monthly case counts would climb through
   * the first year instead of being flat over the whole period.
   */
  long registrationStart() {
    return start - 540;
  }

  /** The last registration day, leaving room for the first assessment within the period. */
  long registrationEnd() {
    return end - 90;
  }

  long start() {
    return start;
  }

  long end() {
    return end;
  }

  /** A day drawn uniformly from {@code [from, to]}; {@code from} when the range is empty. */
  static long between(SplittableRandom random, long from, long to) {
    if (to <= from) {
      return from;
    }
    return from + random.nextLong(to - from + 1);
  }

  static String date(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** A timestamp on that day during office hours, with the Tehran offset. */
  static String timestamp(long epochDay, SplittableRandom random) {
    int minute = 8 * 60 + random.nextInt(10 * 60);
    int second = random.nextInt(60);
    return date(epochDay)
        + 'T'
        + Ids.pad(minute / 60, 2)
        + ':'
        + Ids.pad(minute % 60, 2)
        + ':'
        + Ids.pad(second, 2)
        + OFFSET;
  }

  static long monthStart(YearMonth month) {
    return month.atDay(1).toEpochDay();
  }

  static long monthEnd(YearMonth month) {
    return month.atEndOfMonth().toEpochDay();
  }

  /** Months since year 0, a cheap key for a calendar month. */
  static int monthKey(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    return date.getYear() * 12 + date.getMonthValue() - 1;
  }

  static int monthKey(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }
}
