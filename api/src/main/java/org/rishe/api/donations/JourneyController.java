package org.rishe.api.donations;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import org.rishe.api.auth.ApiKey;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.auth.Role;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;

/**
 * {@code GET /donations/{id}/journey}. A donor's key sees only that donor's donations: any other id
 * gets exactly the answer a missing id gets, so a donor cannot learn which ids exist. A donation
 * given for a need names it by its board reference, never by its need id.
 */
public final class JourneyController {
  private final ResultsStore results;

  public JourneyController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /** The journey as served. */
  public record JourneyView(
      String donationId,
      String designation,
      String receivedOn,
      List<DashboardRun.Stage> stages,
      String current,
      List<DashboardRun.Gap> stageGaps,
      String deliveredOn,
      Integer daysToDelivery,
      List<String> flags) {}

  public void journey(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String id = ctx.pathParam("id");
    ApiKey key = Authorizer.key(ctx);
    DashboardRun.JourneyRow journey = run.dashboard().journeys().get(id);
    if (journey == null || (key.role() == Role.DONOR && !key.donorId().equals(journey.donorId()))) {
      // The id is left out of the detail so that the two answers cannot differ in any way.
      throw ApiProblem.notFound(
          "no donation with this id that this key may see; check the donation id on the receipt");
    }
    ctx.json(
        new JourneyView(
            journey.donationId(),
            run.servedDesignation(journey.designation()),
            journey.receivedOn(),
            journey.stages(),
            journey.currentStage(),
            journey.gaps(),
            journey.deliveredOn(),
            journey.daysToDelivery(),
            journey.flags()));
  }
}
