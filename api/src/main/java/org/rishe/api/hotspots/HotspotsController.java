package org.rishe.api.hotspots;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;

/**
 * {@code GET /hotspots}: the region × problem × months that EARS C2 flagged, newest first; {@code
 * all=true} adds the months assessed and not flagged. Optional filters: region, problem, from, to;
 * pages of {@code limit} rows (default 100) follow {@code cursor}.
 */
public final class HotspotsController {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;

  private final ResultsStore results;

  public HotspotsController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /** One hotspot as served. */
  public record HotspotView(
      String region,
      String problem,
      String period,
      long observed,
      double expected,
      double score,
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
    int limit = limit(ctx);
    int offset = offset(ctx);
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
            .map(
                h ->
                    new HotspotView(
                        h.region(),
                        h.problem(),
                        h.period(),
                        h.observed(),
                        h.expected(),
                        h.score(),
                        h.flagged()))
            .toList();
    int end = Math.min(hotspots.size(), offset + limit);
    ctx.json(
        new HotspotsResponse(
            run.runId(),
            "EARS C2: 7-month baseline, 2-month guard, flagged above 3 standard deviations",
            hotspots.subList(Math.min(offset, end), end),
            end < hotspots.size() ? Integer.toString(end) : null));
  }

  private static int limit(Context ctx) {
    String value = ctx.queryParam("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiProblem.badRequest(
        "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
  }

  /** The cursor is the position of the page's first row; it is only valid for the same run. */
  private static int offset(Context ctx) {
    String value = ctx.queryParam("cursor");
    if (value == null) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(value);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiProblem.badRequest(
        "cursor '"
            + value
            + "' is not one this API gave; pass the nextCursor of the previous page");
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
