package org.rishe.common.occasions;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The calendars occasions are fixed in, converted to Gregorian dates with ICU4J.
 *
 * <ul>
 *   <li>{@link #JALALI}: the Solar Hijri calendar of Iran, ICU's {@code PersianCalendar}
 *       (arithmetic; it agrees with Iran's official astronomical calendar for the years charity
 *       data spans).
 *   <li>{@link #HIJRI}: the lunar Hijri calendar as tabulated by Saudi Arabia's Umm al-Qura
 *       calendar, ICU's {@code IslamicCalendar} with {@code ISLAMIC_UMALQURA} (ICU holds the table
 *       for 1300-1600 AH and falls back to the arithmetic civil calendar outside it). Iran fixes
 *       lunar months by sighting the new moon, so the day observed there can differ from Umm
 *       al-Qura by a day, rarely two.
 * </ul>
 */
public enum OccasionCalendar {
  JALALI("jalali"),
  HIJRI("hijri");

  private final String code;

  OccasionCalendar(String code) {
    this.code = code;
  }

  /** The calendar's name in the result tables: {@code jalali} or {@code hijri}. */
  public String code() {
    return code;
  }

  /** The Gregorian date of {@code day}/{@code month} (1-12) of {@code year} of this calendar. */
  public LocalDate toGregorian(int year, int month, int day) {
    Calendar calendar = calendar();
    calendar.clear();
    calendar.set(year, month - 1, day);
    return Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The year of this calendar in which the Gregorian {@code date} falls. */
  public int yearOf(LocalDate date) {
    Calendar calendar = calendar();
    calendar.setTimeInMillis(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    return calendar.get(Calendar.EXTENDED_YEAR);
  }

  /** The number of days of {@code month} (1-12) of {@code year} of this calendar. */
  public int monthLength(int year, int month) {
    Calendar calendar = calendar();
    calendar.clear();
    calendar.set(year, month - 1, 1);
    return calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
  }

  private Calendar calendar() {
    return switch (this) {
      case JALALI -> new PersianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
      case HIJRI -> {
        IslamicCalendar islamic = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        islamic.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        yield islamic;
      }
    };
  }
}
