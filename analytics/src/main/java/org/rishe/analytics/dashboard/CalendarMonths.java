package org.rishe.analytics.dashboard;

import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.udf;

import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Month keys ({@code YYYY-MM}) of a date in the Gregorian or the Solar Hijri (Jalali) calendar.
 *
 * <p>The Jalali month is computed from the Gregorian date of Nowruz (1 Farvardin) of the year,
 * which ICU4J gives once per year and is cached: months 1-6 have 31 days, 7-11 have 30 and Esfand
 * 29 or 30, so the month follows from the day of the year without building a calendar per row.
 */
public final class CalendarMonths {
  public static final String GREGORIAN = "gregorian";
  public static final String JALALI = "jalali";

  /** The Gregorian year minus this is the Jalali year that begins at that year's Nowruz. */
  private static final int YEAR_OFFSET = 621;

  private static final Map<Integer, LocalDate> NOWRUZ = new ConcurrentHashMap<>();

  private static final UserDefinedFunction JALALI_MONTH =
      udf((UDF1<Object, String>) CalendarMonths::jalaliMonthOf, DataTypes.StringType)
          .withName("jalali_month");

  private CalendarMonths() {}

  /** The month key of a date column in the given calendar. */
  public static Column monthOf(Column date, String calendar) {
    return switch (calendar) {
      case GREGORIAN -> date_format(date, "yyyy-MM");
      case JALALI -> JALALI_MONTH.apply(date);
      default ->
          throw new IllegalArgumentException(
              "calendar must be gregorian or jalali, got " + calendar);
    };
  }

  /** The Jalali {@code YYYY-MM} of a Gregorian date, e.g. 2024-03-20 gives 1403-01. */
  public static String jalaliMonth(LocalDate date) {
    int year = date.getYear() - YEAR_OFFSET;
    LocalDate start = nowruz(year);
    if (date.isBefore(start)) {
      year--;
      start = nowruz(year);
    }
    int dayOfYear = (int) ChronoUnit.DAYS.between(start, date);
    int month = dayOfYear < 186 ? dayOfYear / 31 + 1 : Math.min(12, (dayOfYear - 186) / 30 + 7);
    return String.format(Locale.ROOT, "%04d-%02d", year, month);
  }

  private static String jalaliMonthOf(Object date) {
    if (date == null) {
      return null;
    }
    // Spark hands a LocalDate with the Java 8 date API switched on, a java.sql.Date otherwise.
    LocalDate local =
        date instanceof LocalDate value ? value : ((java.sql.Date) date).toLocalDate();
    return jalaliMonth(local);
  }

  private static LocalDate nowruz(int jalaliYear) {
    return NOWRUZ.computeIfAbsent(
        jalaliYear,
        year -> {
          PersianCalendar persian = new PersianCalendar(TimeZone.GMT_ZONE, Locale.ROOT);
          persian.clear();
          persian.set(year, 0, 1);
          return Instant.ofEpochMilli(persian.getTimeInMillis())
              .atZone(ZoneOffset.UTC)
              .toLocalDate();
        });
  }
}
