package org.rishe.api.hotspots;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.Disclosure;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.hotspots.HotspotsService.HotspotView;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;

/**
 * {@code GET /hotspots}: the region × problem × months that EARS C2 flagged, newest first; {@code
 * all=true} adds the months assessed and not flagged. Optional filters: region, problem, from, to;
 * a table (paged, CSV on ask).
 */
public final class HotspotsController {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private final ResultsStore results;
  private final Disclosure disclosure;

  public final Endpoint list =
      Endpoint.of("region x problem months with more cases than expected (EARS C2)", this::list)
          .returns(HotspotsResponse.class)
          .query("all", "true: every judged month, not only flagged ones")
          .query("region", "a region code")
          .query("problem", "a problem code")
          .query("from", "first month, YYYY-MM")
          .query("to", "last month, YYYY-MM")
          .table()
          .personDerived();

  public HotspotsController(ResultsStore results, Disclosure disclosure) {
    this.results = requireNonNull(results, "results is null");
    this.disclosure = requireNonNull(disclosure, "disclosure is null");
  }

  /**
   * The response: the run, the detection method, one page of hotspots, and the cursor of the next
   * page (null on the last).
   */
  public record HotspotsResponse(
      String run, String method, List<HotspotView> hotspots, String nextCursor) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String all = ctx.queryParam("all");
    if (all != null && !all.equals("true") && !all.equals("false")) {
      throw ApiProblem.badRequest("all must be true or false, got '" + all + "'");
    }
    TreeSet<String> regions = new TreeSet<>();
    run.regions().forEach(region -> regions.add(region.code()));
    TreeSet<String> problems = new TreeSet<>();
    run.problems().forEach(problem -> problems.add(problem.code()));
    run.dashboard()
        .hotspots()
        .forEach(
            row -> {
              regions.add(row.region());
              problems.add(row.problem());
            });
    HotspotsService.Filter filter =
        new HotspotsService.Filter(
            "true".equals(all),
            known(ctx, "region", "validRegions", regions),
            known(ctx, "problem", "validProblems", problems),
            month(ctx, "from"),
            month(ctx, "to"));
    // computed only when the response cache has not answered the same request (the role is in
    // its key): the map asks for every judged month each time the leadership view opens
    Tables.respond(
        ctx,
        run.runId(),
        HotspotView.class,
        () ->
            new Tables.Computed<>(
                HotspotsService.hotspots(
                    run.dashboard().hotspots(),
                    filter,
                    disclosure.rule(Authorizer.key(ctx).role(), run)),
                (page, next) ->
                    new HotspotsResponse(run.runId(), HotspotsService.METHOD, page, next)));
  }

  /**
   * The parameter {@code name}, 400 when the run knows no such code (its regions and problems, and
   * any named by a hotspot row): a code it knows without hotspots answers an empty list, a typing
   * mistake does not.
   */
  private static String known(Context ctx, String name, String validName, Set<String> valid) {
    String value = ctx.queryParam(name);
    if (value != null && !valid.contains(value)) {
      throw ApiProblem.badRequest(
          name + " '" + value + "' is unknown to the served run; pass one of " + validName,
          Map.of(validName, List.copyOf(valid)));
    }
    return value;
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
