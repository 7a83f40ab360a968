package org.rishe.api.volunteers;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.journal.AppendOnlyLog;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;

/**
 * {@code POST /programs/{id}/interest}: the calling volunteer registers interest in a programme of
 * the served run. {@code 201} with the record when it is new, synced to disk first; {@code 200}
 * with the first record when the volunteer registered this programme before; a request repeated
 * with the same {@code Idempotency-Key} gets the answer it got the first time.
 *
 * <p>{@code GET /me/interests}: the programmes the calling volunteer registered interest in, from
 * the interest log, oldest first. The route takes no id: a volunteer sees nobody else's.
 */
public final class InterestController {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** On an answer that repeats the one an earlier request with the same key got. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

  private final ResultsStore results;
  private final InterestLog interests;

  public final Endpoint register =
      Endpoint.of(
              "the calling volunteer registers interest in a programme (201 new, 200 registered"
                  + " before)",
              this::register)
          .header(
              IDEMPOTENCY_KEY,
              "names the request, 1 to 200 printable ASCII characters (e.g. a UUID): a retry with"
                  + " the same key gets the first answer and records nothing again")
          .returns(InterestView.class);

  public final Endpoint mine =
      Endpoint.of(
              "the programmes the calling volunteer registered interest in, oldest first",
              this::mine)
          .returns(MyInterestsResponse.class);

  public InterestController(ResultsStore results, InterestLog interests) {
    this.results = requireNonNull(results, "results is null");
    this.interests = requireNonNull(interests, "interests is null");
  }

  /** The registered interest as served: no volunteer id (it is the caller's own). */
  public record InterestView(String programId, String registeredAt, String idempotencyKey) {}

  /** One interest the calling volunteer registered: the programme and when. */
  public record RegisteredInterest(String programId, String registeredAt) {}

  /** The calling volunteer's interests, oldest first. */
  public record MyInterestsResponse(List<RegisteredInterest> interests) {}

  /**
   * The calling volunteer's registered interests, as the log holds them at this request (never from
   * the table cache, which is keyed by run and would miss one registered since); no run needs to be
   * served.
   */
  private void mine(Context ctx) {
    ctx.json(
        new MyInterestsResponse(
            interests.of(Authorizer.key(ctx).volunteerId()).stream()
                .map(i -> new RegisteredInterest(i.programId(), i.registeredAt()))
                .toList()));
  }

  private void register(Context ctx) {
    String idempotencyKey = idempotencyKey(ctx.header(IDEMPOTENCY_KEY));
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    String programId = ctx.pathParam("id");
    if (run.programs().stream().noneMatch(p -> p.id().equals(programId))) {
      throw ApiProblem.unknownCode(
          "program", programId, run.programs().stream().map(PublishedRun.ProgramRow::id).toList());
    }
    InterestLog.Registration registration;
    try {
      registration =
          interests.register(Authorizer.key(ctx).volunteerId(), programId, idempotencyKey);
    } catch (InterestLog.IdempotencyKeyReused e) {
      throw ApiProblem.unprocessable(
          "this Idempotency-Key was already used to register interest in programme "
              + e.programId()
              + "; send a new key for a new request",
          Map.of("programId", e.programId()));
    } catch (AppendOnlyLog.HeldElsewhere e) {
      throw ApiProblem.logHeldElsewhere("interest");
    }
    Interest interest = registration.interest();
    if (registration.outcome() == InterestLog.Outcome.REPLAYED) {
      ctx.header(REPLAYED_HEADER, "true");
    }
    boolean already = registration.outcome() == InterestLog.Outcome.ALREADY_REGISTERED;
    // the log keeps only the key's hash: the answer names the key of this request, and none when
    // the interest was registered by an earlier request
    ctx.status(already ? 200 : 201)
        .json(
            new InterestView(
                interest.programId(), interest.registeredAt(), already ? null : idempotencyKey));
  }

  /** The header's key, or null without one; 400 when it is empty, too long or not printable. */
  public static String idempotencyKey(String header) {
    if (header == null) {
      return null;
    }
    if (header.isEmpty()
        || header.length() > MAX_IDEMPOTENCY_KEY_LENGTH
        || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw ApiProblem.badRequest(
          "the Idempotency-Key header must be 1 to "
              + MAX_IDEMPOTENCY_KEY_LENGTH
              + " printable ASCII characters without spaces, e.g. a random UUID; leave it out to"
              + " send the request without one");
    }
    return header;
  }
}
