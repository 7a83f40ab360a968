package org.rishe.api.problems;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.table.Tables;

/** {@code GET /problems}: each problem with its cases and people, a table (paged, CSV on ask). */
public final class ProblemsController {
  private final ResultsStore results;
  private final int smallCellThreshold;

  public ProblemsController(ResultsStore results, int smallCellThreshold) {
    this.results = requireNonNull(results, "results is null");
    this.smallCellThreshold = smallCellThreshold;
  }

  /** One problem as served; a count is null where it is suppressed. */
  public record ProblemView(String code, String label, Long cases, Long people) {}

  /** The response: the run it comes from, one page of problems and the next page's cursor. */
  public record ProblemsResponse(String run, List<ProblemView> problems, String nextCursor) {}

  public void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    boolean persian = Language.of(ctx).equals("fa");
    SmallCells rule = SmallCells.forRole(Authorizer.key(ctx).role(), smallCellThreshold);
    List<ProblemView> problems =
        run.problems().stream()
            .map(
                p ->
                    new ProblemView(
                        p.code(),
                        persian ? p.labelFa() : p.labelEn(),
                        rule.count(p.cases()),
                        rule.count(p.people())))
            .toList();
    Tables.respond(
        ctx,
        run.runId(),
        ProblemView.class,
        problems,
        (page, next) -> new ProblemsResponse(run.runId(), page, next));
  }
}
