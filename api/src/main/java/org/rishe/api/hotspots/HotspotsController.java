package org.rishe.api.hotspots;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.auth.Role;
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

  private static final String METHOD =
      "EARS C2: 7-month baseline, 2-month guard, flagged above 3 standard deviations";

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
      double expected,
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
    boolean suppress = Authorizer.key(ctx).role() == Role.RESEARCHER;
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
            .map(h -> view(h, suppress))
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
   * from which the count follows given the expected count.
   */
  private HotspotView view(DashboardRun.HotspotRow h, boolean suppress) {
    boolean small = suppress && h.observed() > 0 && h.observed() < smallCellThreshold;
    return new HotspotView(
        h.region(),
        h.problem(),
        h.period(),
        small ? null : h.observed(),
        h.expected(),
        small ? null : h.score(),
        h.flagged());
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
