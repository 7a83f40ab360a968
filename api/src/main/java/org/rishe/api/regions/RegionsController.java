package org.rishe.api.regions;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.Disclosure;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;

/**
 * {@code GET /regions}: the regions catalogue of the run served, so a page can name regions in
 * either language (it switches without asking again) and draw them on a map, and say which regions
 * have data. Names and outlines are places, not people; whether a region has data is derived from
 * people and passes the small-cell rule ({@link RegionData}), so the route is audited. Empty when
 * the warehouse has no regions catalogue: the page then shows the codes.
 */
public final class RegionsController {
  private final ResultsStore results;
  private final Disclosure disclosure;

  public final Endpoint list =
      Endpoint.of(
              "the regions catalogue: each region's names in English and Persian, the region it"
                  + " lies in, its outline (GeoJSON) where the catalogue has one, and whether"
                  + " the run has cases recorded in it (null where withheld)",
              this::list)
          .returns(RegionsResponse.class)
          .personDerived();

  public RegionsController(ResultsStore results, Disclosure disclosure) {
    this.results = requireNonNull(results, "results is null");
    this.disclosure = requireNonNull(disclosure, "disclosure is null");
  }

  /**
   * One region: names null where the catalogue gives none, {@code parent} the code of the region it
   * lies in, {@code geometry} its GeoJSON Polygon or MultiPolygon (longitude, latitude) or null,
   * {@code hasData} whether the run has a case recorded in the region itself: null when the caller
   * may not know (a researcher, and the region's count of cases withheld) or the run has no cases
   * cube ({@link RegionData}).
   */
  public record RegionView(
      String code,
      String nameEn,
      String nameFa,
      String parent,
      Map<String, Object> geometry,
      Boolean hasData) {}

  /** The response: the run it comes from and every region, by code. */
  public record RegionsResponse(String run, List<RegionView> regions) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    Optional<RegionData> data =
        RegionData.of(run.cubes(), disclosure.rule(Authorizer.key(ctx).role(), run));
    ctx.json(
        new RegionsResponse(
            run.runId(),
            run.regions().stream()
                .map(
                    r ->
                        new RegionView(
                            r.code(),
                            r.labelEn(),
                            r.labelFa(),
                            r.parent(),
                            r.geometry(),
                            data.map(d -> d.hasData(r.code())).orElse(null)))
                .toList()));
  }
}
