package org.rishe.analytics.occasions;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rishe.common.occasions.OccasionWindow;

/**
 * One occasion's window and the days it is compared with: the {@value #COMPARISON_DAYS} days before
 * the window and the {@value #COMPARISON_DAYS} after it (eight weeks each side), leaving out every
 * day of any occasion's window and every day outside the data's span, so that the comparison is
 * ordinary time the charity has records of.
 *
 * @param comparisonDays the comparison days, in order
 * @param overlaps the codes of other occasions whose windows share a day with this one (Nowruz fell
 *     inside Ramadan in 2023-2026), in catalogue order
 */
public record OccasionPeriod(
    OccasionWindow window, List<LocalDate> comparisonDays, List<String> overlaps) {
  /** Days compared on each side of the window: eight weeks. */
  public static final int COMPARISON_DAYS = 56;

  public OccasionPeriod {
    requireNonNull(window, "window is null");
    comparisonDays = List.copyOf(comparisonDays);
    overlaps = List.copyOf(overlaps);
  }

  /**
   * The periods of every window that lies wholly within the data's span, {@code first} to {@code
   * last}: a window cut by the span's edge would count days without records as days without gifts.
   * {@code windows} must hold every window that may touch the comparison days (a year either side
   * of the span).
   */
  public static List<OccasionPeriod> within(
      List<OccasionWindow> windows, LocalDate first, LocalDate last) {
    requireNonNull(windows, "windows is null");
    requireNonNull(first, "first is null");
    requireNonNull(last, "last is null");
    List<OccasionPeriod> periods = new ArrayList<>();
    for (OccasionWindow window : windows) {
      if (window.start().isBefore(first) || window.end().isAfter(last)) {
        continue;
      }
      List<LocalDate> comparison = new ArrayList<>();
      for (LocalDate day = window.start().minusDays(COMPARISON_DAYS);
          !day.isAfter(window.end().plusDays(COMPARISON_DAYS));
          day = day.plusDays(1)) {
        if (window.contains(day) || day.isBefore(first) || day.isAfter(last)) {
          continue;
        }
        LocalDate candidate = day;
        if (windows.stream().noneMatch(other -> other.contains(candidate))) {
          comparison.add(day);
        }
      }
      List<String> overlaps =
          windows.stream()
              .filter(other -> other != window && other.overlaps(window))
              .map(other -> other.occasion().code())
              .distinct()
              .toList();
      periods.add(new OccasionPeriod(window, comparison, overlaps));
    }
    return periods;
  }
}
