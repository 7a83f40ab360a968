package org.rishe.api.hotspots;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.results.DashboardRun;

/**
 * The region × problem × months EARS C2 judged, as a caller may see them: filtered, newest first,
 * and for a researcher with every count, baseline and score withheld that would give a small count
 * away.
 */
public final class HotspotsService {
  static final int BASELINE_MONTHS = 7;
  static final int GUARD_MONTHS = 2;
  public static final String METHOD =
      "EARS C2: "
          + BASELINE_MONTHS
          + "-month baseline, "
          + GUARD_MONTHS
          + "-month guard, flagged above 3 standard deviations";

  private HotspotsService() {}

  /** One hotspot as served. */
  public record HotspotView(
      String region,
      String problem,
      String period,
      Long observed,
      Double expected,
      Double score,
      boolean flagged) {}

  /**
   * What a caller asks for: every judged month or only flagged ones, and optional region, problem
   * and first and last month (YYYY-MM); null for no filter.
   */
  public record Filter(boolean everyMonth, String region, String problem, String from, String to) {}

  public static List<HotspotView> hotspots(
      List<DashboardRun.HotspotRow> rows, Filter filter, SmallCells rule) {
    Map<String, Long> served = served(rows, rule);
    Set<String> baselinesWithheld = baselinesWithheld(rows, served, rule);
    return rows.stream()
        .filter(h -> filter.everyMonth() || h.flagged())
        .filter(h -> filter.region() == null || filter.region().equals(h.region()))
        .filter(h -> filter.problem() == null || filter.problem().equals(h.problem()))
        .filter(h -> filter.from() == null || h.period().compareTo(filter.from()) >= 0)
        .filter(h -> filter.to() == null || h.period().compareTo(filter.to()) <= 0)
        .sorted(
            Comparator.comparing(DashboardRun.HotspotRow::period)
                .reversed()
                .thenComparing(DashboardRun.HotspotRow::region)
                .thenComparing(DashboardRun.HotspotRow::problem))
        .map(h -> view(h, served.get(key(h)), baselinesWithheld.contains(key(h))))
        .toList();
  }

  /**
   * A month as served. A researcher never sees a month's count unless the protected cases lattice
   * serves the same region × problem × month cell ({@link SmallCells#cases}), nor its score, from
   * which the count follows given the expected count; nor an expected count (a baseline mean) or
   * score whose baseline holds a month withheld or not served here: two consecutive baselines
   * differ by one month in and one month out, so their difference gives a hidden month away.
   */
  private static HotspotView view(
      DashboardRun.HotspotRow h, Long observed, boolean baselineWithheld) {
    boolean withheld = observed == null || baselineWithheld;
    return new HotspotView(
        h.region(),
        h.problem(),
        h.period(),
        observed,
        withheld ? null : h.expected(),
        withheld ? null : h.score(),
        h.flagged());
  }

  /** Each month's count as served (by {@link #key}); absent where withheld. */
  private static Map<String, Long> served(List<DashboardRun.HotspotRow> hotspots, SmallCells rule) {
    Map<String, Long> served = new HashMap<>();
    for (DashboardRun.HotspotRow h : hotspots) {
      Long count = rule.cases(h.observed(), h.problem(), h.region(), h.period());
      if (count != null) {
        served.put(key(h), count);
      }
    }
    return served;
  }

  /**
   * The months (as {@link #key} values) whose baseline a researcher may not see: some month of the
   * baseline window, {@value #GUARD_MONTHS} + 1 to {@value #GUARD_MONTHS} + {@value
   * #BASELINE_MONTHS} months before, is withheld or not assessed (its count served nowhere here).
   */
  static Set<String> baselinesWithheld(
      List<DashboardRun.HotspotRow> hotspots, Map<String, Long> served, SmallCells rule) {
    Set<String> withheld = new HashSet<>();
    if (!rule.active()) {
      return withheld;
    }
    for (DashboardRun.HotspotRow h : hotspots) {
      YearMonth month = YearMonth.parse(h.period());
      for (int back = GUARD_MONTHS + 1; back <= GUARD_MONTHS + BASELINE_MONTHS; back++) {
        if (!served.containsKey(key(h.region(), h.problem(), month.minusMonths(back).toString()))) {
          withheld.add(key(h));
          break;
        }
      }
    }
    return withheld;
  }

  private static String key(DashboardRun.HotspotRow h) {
    return key(h.region(), h.problem(), h.period());
  }

  private static String key(String region, String problem, String period) {
    return region + "\u0000" + problem + "\u0000" + period;
  }
}
