package org.rishe.api.donations;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.rishe.api.auth.ApiKey;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.auth.Role;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.pledges.PledgeLog;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;

/**
 * {@code GET /donations/{id}/journey}. A donor's key sees only that donor's donations: any other id
 * gets exactly the answer a missing id gets, so a donor cannot learn which ids exist. A donation
 * that fulfils a pledge starts with the pledge as its {@code pledged} stage; a donation given for a
 * need names it by its board reference, never by its need id.
 *
 * <p>{@code GET /me/donations}: the calling donor's own donations, each with its journey, and
 * pledges, each with how far it has come. The route takes no id: a donor sees nobody else's giving.
 */
public final class JourneyController {
  private final ResultsStore results;
  private final PledgeLog pledges;
  private final Clock clock;

  public final Endpoint journey =
      Endpoint.of("a donation's journey to its recipient", this::journey)
          .returns(Giving.JourneyView.class)
          .personDerived();

  public final Endpoint trust =
      Endpoint.of(
              "whether pledges reach their needs: share delivered and median days to delivery"
                  + " with 95% CIs, stalled journeys, overall, per programme and per region",
              this::trust)
          .returns(TrustResponse.class);

  public final Endpoint mine =
      Endpoint.of(
              "the calling donor's donations with their journeys, and pledges with how far each"
                  + " has come",
              this::mine)
          .returns(GivingResponse.class)
          .personDerived();

  public JourneyController(ResultsStore results, PledgeLog pledges, Clock clock) {
    this.results = requireNonNull(results, "results is null");
    this.pledges = requireNonNull(pledges, "pledges is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The donor's giving: donations newest received first, pledges newest first. */
  public record GivingResponse(
      String run, List<Giving.JourneyView> donations, List<Giving.PledgeStatusView> pledges) {}

  /** Leadership's trust figures: whether pledges are delivered, how fast, how many stall. */
  public record TrustResponse(String run, String asOf, List<TrustFigures.Row> rows) {}

  private void trust(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    java.time.Instant now = clock.instant();
    ctx.json(
        new TrustResponse(
            run.runId(), now.toString(), TrustFigures.of(run, pledges.pledges(), now)));
  }

  private void mine(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    Giving giving =
        new Giving(run, pledges.pledges(), Authorizer.key(ctx).donorId(), clock.instant());
    ctx.json(new GivingResponse(run.runId(), giving.donations(), giving.pledges()));
  }

  private void journey(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String id = ctx.pathParam("id");
    ApiKey key = Authorizer.key(ctx);
    DashboardRun.JourneyRow journey = run.dashboard().journeys().get(id);
    if (journey == null || (key.role() == Role.DONOR && !key.donorId().equals(journey.donorId()))) {
      // The id is left out of the detail so that the two answers cannot differ in any way.
      throw ApiProblem.notFound(
          "no donation with this id that this key may see; check the donation id on the receipt");
    }
    ctx.json(new Giving(run, pledges.pledges(), journey.donorId(), clock.instant()).view(id));
  }
}
