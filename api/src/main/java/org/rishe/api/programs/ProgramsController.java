package org.rishe.api.programs;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.table.Tables;
import org.rishe.common.csv.CsvWriter;

/**
 * {@code GET /programs} and {@code GET /programs/{id}/impact}: the programmes and, for one, its
 * effect on each outcome (headline method first, every method listed), with covariate balance.
 * JSON, or CSV with {@code Accept: text/csv}.
 */
public final class ProgramsController {
  private final ResultsStore results;

  public ProgramsController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /** A programme as served. */
  public record ProgramView(
      String id,
      String name,
      String kind,
      String targetProblem,
      Double costPerParticipant,
      long participants) {}

  public record ProgramsResponse(String run, List<ProgramView> programs, String nextCursor) {}

  /** An estimate with its 95% interval. */
  public record EstimateView(Double estimate, Double low, Double high) {}

  public record MethodView(String method, EstimateView estimate) {}

  public record BalanceView(String covariate, Double before, Double after) {}

  /** One outcome: the headline method's estimate, the naive difference and the alternatives. */
  public record OutcomeView(
      String outcome,
      String outcomeType,
      String method,
      EstimateView estimate,
      double naiveDifference,
      long treated,
      long controls,
      long trimmedControls,
      EstimateView costPerOutcome,
      List<MethodView> methods,
      List<BalanceView> balance) {}

  public record ImpactResponse(String run, ProgramView program, List<OutcomeView> outcomes) {}

  public void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    List<ProgramView> programs = run.programs().stream().map(ProgramsController::view).toList();
    Tables.respond(
        ctx,
        run.runId(),
        ProgramView.class,
        programs,
        (page, next) -> new ProgramsResponse(run.runId(), page, next));
  }

  public void impact(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String id = ctx.pathParam("id");
    PublishedRun.ProgramRow program =
        run.programs().stream()
            .filter(p -> p.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiProblem.unknownCode(
                        "program",
                        id,
                        run.programs().stream().map(PublishedRun.ProgramRow::id).toList()));
    List<OutcomeView> outcomes = outcomes(run, id);
    if (Tables.wantsCsv(ctx.header("Accept"))) {
      ctx.contentType("text/csv; charset=utf-8").result(csv(outcomes));
      return;
    }
    ctx.json(new ImpactResponse(run.runId(), view(program), outcomes));
  }

  private static List<OutcomeView> outcomes(PublishedRun run, String programId) {
    List<OutcomeView> outcomes = new ArrayList<>();
    List<PublishedRun.ProgramImpactRow> rows =
        run.programImpacts().stream().filter(row -> row.programId().equals(programId)).toList();
    for (PublishedRun.ProgramImpactRow headline : rows) {
      if (!headline.primary()) {
        continue;
      }
      List<MethodView> methods =
          rows.stream()
              .filter(row -> row.outcome().equals(headline.outcome()))
              .map(row -> new MethodView(row.method(), estimate(row)))
              .toList();
      List<BalanceView> balance =
          run.programBalance().stream()
              .filter(
                  b -> b.programId().equals(programId) && b.outcome().equals(headline.outcome()))
              .map(b -> new BalanceView(b.covariate(), b.before(), b.after()))
              .toList();
      EstimateView cost =
          headline.costPerOutcome() == null
              ? null
              : new EstimateView(
                  headline.costPerOutcome(),
                  headline.costPerOutcomeLow(),
                  headline.costPerOutcomeHigh());
      outcomes.add(
          new OutcomeView(
              headline.outcome(),
              headline.outcomeType(),
              headline.method(),
              estimate(headline),
              headline.naiveDifference(),
              headline.treated(),
              headline.controls(),
              headline.trimmedControls(),
              cost,
              methods,
              balance));
    }
    return outcomes;
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

  private static EstimateView estimate(PublishedRun.ProgramImpactRow row) {
    return new EstimateView(row.estimate(), row.low(), row.high());
  }

  private static ProgramView view(PublishedRun.ProgramRow p) {
    return new ProgramView(
        p.id(), p.name(), p.kind(), p.targetProblem(), p.costPerParticipant(), p.participants());
  }
}
