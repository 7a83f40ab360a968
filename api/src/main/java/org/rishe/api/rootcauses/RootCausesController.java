package org.rishe.api.rootcauses;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.Disclosure;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.Language;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.rootcauses.RootCausesService.FactorView;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;

/**
 * {@code GET /root-causes?problem=P[&region=R]}: a problem's factors ranked by adjusted odds ratio,
 * overall or in one region ({@link RootCausesService}); a table (paged, CSV on ask).
 */
public final class RootCausesController {
  private final ResultsStore results;
  private final Disclosure disclosure;

  public final Endpoint list =
      Endpoint.of(
              "a problem's factors ranked by adjusted odds ratio, overall or in a region",
              this::list)
          .returns(RootCausesResponse.class)
          .query("problem", "a problem code (required)")
          .query("region", "a region code; all regions when absent")
          .query("lang", "label language: en (default) or fa")
          .table()
          .personDerived();

  public RootCausesController(ResultsStore results, Disclosure disclosure) {
    this.results = requireNonNull(results, "results is null");
    this.disclosure = requireNonNull(disclosure, "disclosure is null");
  }

  /**
   * The response; region null for all regions, population and cases null when suppressed; the
   * cursor of the next page of factors, null on the last.
   */
  public record RootCausesResponse(
      String run,
      String problem,
      String region,
      Long population,
      Long cases,
      List<FactorView> factors,
      String nextCursor) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String problem = ctx.queryParam("problem");
    String region = ctx.queryParam("region");
    Tables.respond(
        ctx,
        run.runId(),
        FactorView.class,
        () -> {
          RootCausesService.Factors answer =
              RootCausesService.factors(
                  run,
                  problem,
                  region,
                  Language.of(ctx).equals("fa"),
                  disclosure.rule(Authorizer.key(ctx).role(), run));
          return new Tables.Computed<>(
              answer.factors(),
              (page, next) ->
                  new RootCausesResponse(
                      run.runId(),
                      problem,
                      region,
                      answer.population(),
                      answer.cases(),
                      page,
                      next));
        });
  }
}
