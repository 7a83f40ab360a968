package org.rishe.api.problems;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.Disclosure;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.ProblemsService.ProblemView;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;

/** {@code GET /problems}: each problem with its cases and people, a table (paged, CSV on ask). */
public final class ProblemsController {
  private final ResultsStore results;
  private final Disclosure disclosure;

  public final Endpoint list =
      Endpoint.of("each problem with its cases and people", this::list)
          .returns(ProblemsResponse.class)
          .query("lang", "label language: en (default) or fa")
          .table()
          .personDerived();

  public ProblemsController(ResultsStore results, Disclosure disclosure) {
    this.results = requireNonNull(results, "results is null");
    this.disclosure = requireNonNull(disclosure, "disclosure is null");
  }

  /** The response: the run it comes from, one page of problems and the next page's cursor. */
  public record ProblemsResponse(String run, List<ProblemView> problems, String nextCursor) {}

  private void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    List<ProblemView> problems =
        ProblemsService.problems(
            run, Language.of(ctx).equals("fa"), disclosure.rule(Authorizer.key(ctx).role(), run));
    Tables.respond(
        ctx,
        run.runId(),
        ProblemView.class,
        problems,
        (page, next) -> new ProblemsResponse(run.runId(), page, next));
  }
}
