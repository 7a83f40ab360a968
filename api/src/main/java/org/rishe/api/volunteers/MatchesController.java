package org.rishe.api.volunteers;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.table.Tables;

/**
 * {@code GET /volunteers/{id}/matches}: programmes ranked for one volunteer, with the reasons; and
 * {@code GET /me/matches}: the same for the volunteer a volunteer's key belongs to.
 */
public final class MatchesController {
  private final ResultsStore results;

  public final Endpoint matches =
      Endpoint.of("programmes ranked for a volunteer, with reasons", this::matches)
          .returns(MatchesResponse.class)
          .table();

  public final Endpoint mine =
      Endpoint.of("programmes ranked for the calling volunteer, with reasons", this::mine)
          .returns(MatchesResponse.class)
          .table();

  public MatchesController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /** One suggested programme. */
  public record MatchView(String programId, int rank, double score, List<String> reasons) {}

  /** The response. */
  public record MatchesResponse(
      String run, String volunteerId, List<MatchView> matches, String nextCursor) {}

  /** A keyed pseudonym as ingest writes it ({@code common.privacy.Pseudonymizer}). */
  private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{32}");

  private void matches(Context ctx) {
    String id = ctx.pathParam("id");
    respond(
        ctx,
        id,
        () ->
            ApiProblem.notFound(
                "no matches for volunteer '"
                    + id
                    + "': the id is unknown, or the volunteer has no interests and no programme is"
                    + " active in their region"
                    + (PSEUDONYM.matcher(id).matches()
                        ? ""
                        : "; the id is the volunteer's pseudonym as the warehouse stores it (32"
                            + " hex characters, the volunteerId of answers), not the id of the"
                            + " charity's files, which the server never holds")));
  }

  /**
   * The calling volunteer's matches: an empty list when the served run has none for them (a
   * volunteer new to the data, or one with no interests and no programme active in their region).
   */
  private void mine(Context ctx) {
    respond(ctx, Authorizer.key(ctx).volunteerId(), null);
  }

  /** The volunteer's matches; none is {@code missing}'s problem, or an empty list when null. */
  private void respond(
      Context ctx, String volunteerId, java.util.function.Supplier<ApiProblem> missing) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    List<DashboardRun.MatchRow> matches = run.dashboard().matches().get(volunteerId);
    if (matches == null && missing != null) {
      throw missing.get();
    }
    Tables.respond(
        ctx,
        run.runId(),
        MatchView.class,
        (matches == null ? List.<DashboardRun.MatchRow>of() : matches)
            .stream()
                .map(m -> new MatchView(m.programId(), m.rank(), m.score(), m.reasons()))
                .toList(),
        (page, next) -> new MatchesResponse(run.runId(), volunteerId, page, next));
  }
}
