package org.rishe.common.contract;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the contract's dates and timestamps. Dates are {@code YYYY-MM-DD} or {@code YYYY/MM/DD}
 * (month and day of one or two digits, in ASCII, Persian or Arabic-Indic digits), Gregorian or,
 * when the batch is ingested with the Jalali option, Solar Hijri converted to Gregorian with
 * ICU4J's Persian calendar. Timestamps are ISO-8601 instants with an offset, or a date alone
 * meaning midnight UTC; an ISO-8601 timestamp is Gregorian by definition, so only its date-alone
 * form follows the calendar option.
 */
public final class DateParser implements Serializable {
  private static final long serialVersionUID = 1L;
  // Year, month and day separated by - or / (the same one twice); month and day may have one digit,
  // as Persian Excel writes them (1403/1/5). ASCII digits only: Persian ones are converted first.
  private static final Pattern DATE =
      Pattern.compile("([0-9]{4})([-/])([0-9]{1,2})\\2([0-9]{1,2})");

  private final BatchCalendar calendar;

  public DateParser(BatchCalendar calendar) {
    this.calendar = java.util.Objects.requireNonNull(calendar, "calendar is null");
  }

  /** The Gregorian date, or empty when the text is not a valid date in the batch's calendar. */
  public Optional<LocalDate> date(String text) {
    Matcher matcher = DATE.matcher(Digits.ascii(text.trim()));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(matcher.group(1));
    int month = Integer.parseInt(matcher.group(3));
    int day = Integer.parseInt(matcher.group(4));
    return calendar == BatchCalendar.JALALI
        ? jalali(year, month, day)
        : gregorian(year, month, day);
  }

  /**
   * The instant, or empty when the text is neither an ISO-8601 timestamp with offset nor a date.
   */
  public Optional<Instant> timestamp(String text) {
    String trimmed = Digits.ascii(text.trim());
    if (trimmed.length() <= 10) {
      return date(trimmed).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    try {
      return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> gregorian(int year, int month, int day) {
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalDate> jalali(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return Optional.empty();
    }
    PersianCalendar persian = new PersianCalendar(TimeZone.GMT_ZONE, Locale.ROOT);
    persian.clear();
    persian.setLenient(false);
    persian.set(year, month - 1, day);
    try {
      long millis = persian.getTimeInMillis();
      if (persian.get(Calendar.DAY_OF_MONTH) != day || persian.get(Calendar.MONTH) != month - 1) {
        return Optional.empty();
      }
      return Optional.of(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Which calendar a batch's dates are written in. */
  public enum BatchCalendar {
    GREGORIAN,
    JALALI;

    public static Optional<BatchCalendar> parse(String text) {
      for (BatchCalendar value : values()) {
        if (value.name().equalsIgnoreCase(text)) {
          return Optional.of(value);
        }
      }
      return Optional.empty();
    }
  }
}
