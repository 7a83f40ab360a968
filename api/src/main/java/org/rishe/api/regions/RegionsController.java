package org.rishe.api.regions;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;

/**
 * {@code GET /regions}: the regions catalogue of the run served, so a page can name regions in
 * either language (it switches without asking again) and draw them on a map. Place names and
 * outlines only; nothing here is derived from people, so nothing is suppressed. Empty when the
 * warehouse has no regions catalogue: the page then shows the codes.
 */
public final class RegionsController {
  private final ResultsStore results;

  public final Endpoint list =
      Endpoint.of(
              "the regions catalogue: each region's names in English and Persian, the region it"
                  + " lies in and its outline (GeoJSON) where the catalogue has one",
              this::list)
          .returns(RegionsResponse.class);

  public RegionsController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /**
   * One region: names null where the catalogue gives none, {@code parent} the code of the region it
   * lies in, {@code geometry} its GeoJSON Polygon or MultiPolygon (longitude, latitude) or null.
   */
  public record RegionView(
      String code, String nameEn, String nameFa, String parent, Map<String, Object> geometry) {}

  /** The response: the run it comes from and every region, by code. */
  public record RegionsResponse(String run, List<RegionView> regions) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    ctx.json(
        new RegionsResponse(
            run.runId(),
            run.regions().stream()
                .map(
                    r ->
                        new RegionView(
                            r.code(), r.labelEn(), r.labelFa(), r.parent(), r.geometry()))
                .toList()));
  }
}
