package org.rishe.api.hotspots;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.table.Tables;

/**
 * {@code GET /hotspots}: the region × problem × months that EARS C2 flagged, newest first; {@code
 * all=true} adds the months assessed and not flagged. Optional filters: region, problem, from, to;
 * a table (paged, CSV on ask).
 */
public final class HotspotsController {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private static final int BASELINE_MONTHS = 7;
  private static final int GUARD_MONTHS = 2;
  private static final String METHOD =
      "EARS C2: "
          + BASELINE_MONTHS
          + "-month baseline, "
          + GUARD_MONTHS
          + "-month guard, flagged above 3 standard deviations";

  private final ResultsStore results;
  private final int smallCellThreshold;

  public HotspotsController(ResultsStore results, int smallCellThreshold) {
    this.results = requireNonNull(results, "results is null");
    this.smallCellThreshold = smallCellThreshold;
  }

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
   * The response: the run, the detection method, one page of hotspots, and the cursor of the next
   * page (null on the last).
   */
  public record HotspotsResponse(
      String run, String method, List<HotspotView> hotspots, String nextCursor) {}

  public void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String all = ctx.queryParam("all");
    if (all != null && !all.equals("true") && !all.equals("false")) {
      throw ApiProblem.badRequest("all must be true or false, got '" + all + "'");
    }
    String region = ctx.queryParam("region");
    String problem = ctx.queryParam("problem");
    String from = month(ctx, "from");
    String to = month(ctx, "to");
    SmallCells rule = SmallCells.forRole(Authorizer.key(ctx).role(), smallCellThreshold);
    Set<String> baselinesWithheld = baselinesWithheld(run.dashboard().hotspots(), rule);
    boolean everyMonth = "true".equals(all);
    List<HotspotView> hotspots =
        run.dashboard().hotspots().stream()
            .filter(h -> everyMonth || h.flagged())
            .filter(h -> region == null || region.equals(h.region()))
            .filter(h -> problem == null || problem.equals(h.problem()))
            .filter(h -> from == null || h.period().compareTo(from) >= 0)
            .filter(h -> to == null || h.period().compareTo(to) <= 0)
            .sorted(
                Comparator.comparing(DashboardRun.HotspotRow::period)
                    .reversed()
                    .thenComparing(DashboardRun.HotspotRow::region)
                    .thenComparing(DashboardRun.HotspotRow::problem))
            .map(h -> view(h, rule, baselinesWithheld.contains(key(h))))
            .toList();
    Tables.respond(
        ctx,
        run.runId(),
        HotspotView.class,
        hotspots,
        (page, next) -> new HotspotsResponse(run.runId(), METHOD, page, next));
  }

  /**
   * A month as served. A researcher never sees a month's count of 1 to k-1 cases, nor its score,
   * from which the count follows given the expected count; nor an expected count (a baseline mean)
   * or score whose baseline holds such a month or a month not served here: two consecutive
   * baselines differ by one month in and one month out, so their difference gives a hidden month
   * away.
   */
  private static HotspotView view(
      DashboardRun.HotspotRow h, SmallCells rule, boolean baselineWithheld) {
    boolean small = rule.isSmall(h.observed());
    boolean withheld = small || baselineWithheld;
    return new HotspotView(
        h.region(),
        h.problem(),
        h.period(),
        small ? null : h.observed(),
        withheld ? null : h.expected(),
        withheld ? null : h.score(),
        h.flagged());
  }

  /**
   * The months (as {@link #key} values) whose baseline a researcher may not see: some month of the
   * baseline window, {@value #GUARD_MONTHS} to {@value #GUARD_MONTHS} + {@value #BASELINE_MONTHS} -
   * 1 months before, is withheld or not assessed (its count served nowhere).
   */
  static Set<String> baselinesWithheld(List<DashboardRun.HotspotRow> hotspots, SmallCells rule) {
    Set<String> withheld = new HashSet<>();
    if (!rule.active()) {
      return withheld;
    }
    Map<String, Long> observed = new HashMap<>();
    for (DashboardRun.HotspotRow h : hotspots) {
      observed.put(key(h), h.observed());
    }
    for (DashboardRun.HotspotRow h : hotspots) {
      YearMonth month = YearMonth.parse(h.period());
      for (int back = GUARD_MONTHS + 1; back <= GUARD_MONTHS + BASELINE_MONTHS; back++) {
        Long count = observed.get(key(h.region(), h.problem(), month.minusMonths(back).toString()));
        if (count == null || rule.isSmall(count)) {
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

  private static String month(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value != null && !MONTH.matcher(value).matches()) {
      throw ApiProblem.badRequest(
          name + " must be a Gregorian month written YYYY-MM (e.g. 2024-06), got '" + value + "'");
    }
    return value;
  }
}
