package org.rishe.api.volunteers;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.table.Tables;

/** {@code GET /volunteers/{id}/matches}: programmes ranked for one volunteer, with the reasons. */
public final class MatchesController {
  private final ResultsStore results;

  public MatchesController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /** One suggested programme. */
  public record MatchView(String programId, int rank, double score, List<String> reasons) {}

  /** The response. */
  public record MatchesResponse(
      String run, String volunteerId, List<MatchView> matches, String nextCursor) {}

  public void matches(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String id = ctx.pathParam("id");
    List<DashboardRun.MatchRow> matches = run.dashboard().matches().get(id);
    if (matches == null) {
      throw ApiProblem.notFound(
          "no matches for volunteer '"
              + id
              + "': the id is unknown, or the volunteer has no interests and no programme is active"
              + " in their region");
    }
    Tables.respond(
        ctx,
        run.runId(),
        MatchView.class,
        matches.stream()
            .map(m -> new MatchView(m.programId(), m.rank(), m.score(), m.reasons()))
            .toList(),
        (page, next) -> new MatchesResponse(run.runId(), id, page, next));
  }
}
