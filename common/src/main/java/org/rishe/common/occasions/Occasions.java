package org.rishe.common.occasions;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of occasions the charity campaigns on, and their Gregorian dates in any year.
 * docs/methods.md ("Giving by occasion") explains each window; the dates come from {@link
 * OccasionCalendar} (Jalali: ICU's Persian calendar; Hijri: Umm al-Qura, which may differ by a day
 * from the day sighted in Iran).
 *
 * <table>
 *   <caption>The occasions</caption>
 *   <tr><th>code</th><th>calendar</th><th>window</th></tr>
 *   <tr><td>nowruz</td><td>Jalali</td><td>1-13 Farvardin, the new year holidays to Sizdah
 *       Bedar</td></tr>
 *   <tr><td>yalda</td><td>Jalali</td><td>24-30 Azar, the week ending on Yalda night (the night
 *       of 30 Azar, the longest of the year)</td></tr>
 *   <tr><td>ramadan</td><td>Hijri</td><td>the month of Ramadan (29 or 30 days)</td></tr>
 *   <tr><td>eid_al_fitr</td><td>Hijri</td><td>1-2 Shawwal, Iran's two days of holiday</td></tr>
 *   <tr><td>eid_al_adha</td><td>Hijri</td><td>10-13 Dhu al-Hijjah, the days of sacrifice</td></tr>
 *   <tr><td>eid_al_ghadir</td><td>Hijri</td><td>18 Dhu al-Hijjah</td></tr>
 *   <tr><td>muharram</td><td>Hijri</td><td>1-10 Muharram, to Tasua and Ashura</td></tr>
 * </table>
 */
public final class Occasions {
  /** Every occasion, in the order the API lists them. */
  public static final List<Occasion> CATALOGUE =
      List.of(
          new Occasion("nowruz", "Nowruz", "نوروز", OccasionCalendar.JALALI, 1, 1, 13),
          new Occasion("yalda", "Yalda night", "شب یلدا", OccasionCalendar.JALALI, 9, 24, 7),
          new Occasion(
              "ramadan",
              "Ramadan",
              "ماه رمضان",
              OccasionCalendar.HIJRI,
              9,
              1,
              Occasion.WHOLE_MONTH),
          new Occasion("eid_al_fitr", "Eid al-Fitr", "عید فطر", OccasionCalendar.HIJRI, 10, 1, 2),
          new Occasion(
              "eid_al_adha", "Eid al-Adha", "عید قربان", OccasionCalendar.HIJRI, 12, 10, 4),
          new Occasion(
              "eid_al_ghadir", "Eid al-Ghadir", "عید غدیر", OccasionCalendar.HIJRI, 12, 18, 1),
          new Occasion(
              "muharram",
              "Muharram (Tasua and Ashura)",
              "دهه اول محرم",
              OccasionCalendar.HIJRI,
              1,
              1,
              10));

  private Occasions() {}

  /** The occasion with the code, if the catalogue has one. */
  public static Optional<Occasion> byCode(String code) {
    return CATALOGUE.stream().filter(occasion -> occasion.code().equals(code)).findFirst();
  }

  /** The occasion's window in {@code occasionYear} of its own calendar. */
  public static OccasionWindow window(Occasion occasion, int occasionYear) {
    requireNonNull(occasion, "occasion is null");
    OccasionCalendar calendar = occasion.calendar();
    LocalDate start = calendar.toGregorian(occasionYear, occasion.month(), occasion.day());
    int days =
        occasion.days() == Occasion.WHOLE_MONTH
            ? calendar.monthLength(occasionYear, occasion.month())
            : occasion.days();
    return new OccasionWindow(occasion, occasionYear, start, start.plusDays(days - 1L));
  }

  /**
   * Every window of every occasion that starts in a Gregorian year from {@code firstYear} to {@code
   * lastYear}, by start date. A lunar occasion can start twice in one Gregorian year (Ramadan in
   * 2030); each start is a window of its own, told apart by its {@code occasionYear}.
   */
  public static List<OccasionWindow> windows(int firstYear, int lastYear) {
    List<OccasionWindow> windows = new ArrayList<>();
    for (Occasion occasion : CATALOGUE) {
      OccasionCalendar calendar = occasion.calendar();
      int from = calendar.yearOf(LocalDate.of(firstYear, 1, 1)) - 1;
      int to = calendar.yearOf(LocalDate.of(lastYear, 12, 31)) + 1;
      for (int year = from; year <= to; year++) {
        OccasionWindow window = window(occasion, year);
        if (window.year() >= firstYear && window.year() <= lastYear) {
          windows.add(window);
        }
      }
    }
    windows.sort(
        Comparator.comparing(OccasionWindow::start)
            .thenComparing(window -> CATALOGUE.indexOf(window.occasion())));
    return List.copyOf(windows);
  }
}
