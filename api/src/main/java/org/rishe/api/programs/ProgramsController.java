package org.rishe.api.programs;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.List;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.Disclosure;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.Language;
import org.rishe.api.programs.ProgramsService.MethodView;
import org.rishe.api.programs.ProgramsService.NotEstimatedView;
import org.rishe.api.programs.ProgramsService.OutcomeView;
import org.rishe.api.programs.ProgramsService.ProgramView;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;
import org.rishe.common.csv.CsvWriter;

/**
 * {@code GET /programs} and {@code GET /programs/{id}/impact} ({@link ProgramsService}). JSON, or
 * CSV with {@code Accept: text/csv} (the impact route: the estimates only).
 */
public final class ProgramsController {
  private final ResultsStore results;
  private final Disclosure disclosure;

  public final Endpoint list =
      Endpoint.of("the programmes with participants and cost", this::list)
          .returns(ProgramsResponse.class)
          .table();

  public final Endpoint impact =
      Endpoint.of(
              "what a programme changed, per outcome, with 95% CIs; why any outcome has no"
                  + " estimate",
              this::impact)
          .returns(ImpactResponse.class)
          .query(
              "lang",
              "language of outcome and covariate labels and of why-no-estimate sentences: en"
                  + " (default) or fa")
          .personDerived();

  public ProgramsController(ResultsStore results, Disclosure disclosure) {
    this.results = requireNonNull(results, "results is null");
    this.disclosure = requireNonNull(disclosure, "disclosure is null");
  }

  public record ProgramsResponse(String run, List<ProgramView> programs, String nextCursor) {}

  public record ImpactResponse(
      String run,
      ProgramView program,
      List<OutcomeView> outcomes,
      List<NotEstimatedView> notEstimated) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    List<ProgramView> programs = ProgramsService.programs(run, rule(ctx, run));
    Tables.respond(
        ctx,
        run.runId(),
        ProgramView.class,
        programs,
        (page, next) -> new ProgramsResponse(run.runId(), page, next));
  }

  private void impact(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    ProgramsService.Impact impact =
        ProgramsService.impact(
            run, ctx.pathParam("id"), rule(ctx, run), Language.of(ctx).equals("fa"));
    if (Tables.wantsCsv(ctx.header("Accept"))) {
      ctx.contentType("text/csv; charset=utf-8").result(csv(impact.outcomes()));
      return;
    }
    ctx.json(
        new ImpactResponse(
            run.runId(), impact.program(), impact.outcomes(), impact.notEstimated()));
  }

  private SmallCells rule(Context ctx, PublishedRun run) {
    return disclosure.rule(Authorizer.key(ctx).role(), run);
  }

  /** One CSV row per outcome and method. */
  private static String csv(List<OutcomeView> outcomes) {
    StringWriter text = new StringWriter();
    try (CsvWriter csv = new CsvWriter(text)) {
      csv.write(
          "outcome",
          "outcome_type",
          "method",
          "headline",
          "estimate",
          "low",
          "high",
          "naive_difference",
          "treated",
          "controls");
      for (OutcomeView outcome : outcomes) {
        for (MethodView method : outcome.methods()) {
          csv.write(
              outcome.outcome(),
              outcome.outcomeType(),
              method.method(),
              method.method().equals(outcome.method()),
              method.estimate().estimate(),
              method.estimate().low(),
              method.estimate().high(),
              outcome.naiveDifference(),
              outcome.treated(),
              outcome.controls());
        }
      }
    }
    return text.toString();
  }
}
