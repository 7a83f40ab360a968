package org.rishe.api.pledges;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.journal.AppendOnlyLog;
import org.rishe.api.results.NeedRow;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.routing.JsonBody;
import org.rishe.api.volunteers.InterestController;

/**
 * {@code POST /needs/{ref}/pledges}: the calling donor pledges to a need of the served run's needs
 * board. {@code 201} with the pledge, synced to disk first; a request repeated with the same {@code
 * Idempotency-Key} gets the answer it got the first time; {@code 409} when the need is not open or
 * the pledge would take it beyond its amount.
 */
public final class PledgeController {
  private final ResultsStore results;
  private final PledgeLog pledges;
  private final long maxBodyBytes;

  public final Endpoint pledge =
      Endpoint.of(
              "the calling donor pledges to a need of the needs board (201; 409 when the need is"
                  + " not open or has no room for the amount)",
              this::pledge)
          .header(
              InterestController.IDEMPOTENCY_KEY,
              "names the request, 1 to 200 printable ASCII characters (e.g. a UUID): a retry with"
                  + " the same key gets the first answer and records nothing again")
          .accepts(PledgeRequest.class)
          .returns(PledgeView.class);

  public PledgeController(ResultsStore results, PledgeLog pledges, long maxBodyBytes) {
    this.results = requireNonNull(results, "results is null");
    this.pledges = requireNonNull(pledges, "pledges is null");
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The pledge as served: no donor id (the caller's own) and no need id (internal); {@code
   * idempotencyKey} is the one the request carried (a retry carries the first request's), since the
   * log keeps only its hash.
   */
  public record PledgeView(
      String pledgeId,
      String needRef,
      Double amount,
      String currency,
      String pledgedAt,
      String idempotencyKey) {
    static PledgeView of(Pledge pledge, String idempotencyKey) {
      return new PledgeView(
          pledge.pledgeId(),
          pledge.needRef(),
          pledge.amount(),
          pledge.currency(),
          pledge.pledgedAt(),
          idempotencyKey);
    }
  }

  private void pledge(Context ctx) {
    String idempotencyKey =
        InterestController.idempotencyKey(ctx.header(InterestController.IDEMPOTENCY_KEY));
    String ref = ctx.pathParam("ref");
    String donorId = Authorizer.key(ctx).donorId();
    PledgeLog.Pledged pledged;
    try {
      // a retry is answered from the log first: the need may have filled up or left the board
      pledged =
          pledges
              .replay(donorId, idempotencyKey, ref)
              .orElseGet(() -> pledgeNow(ctx, ref, donorId, idempotencyKey));
    } catch (PledgeLog.IdempotencyKeyReused e) {
      throw ApiProblem.unprocessable(
          "this Idempotency-Key was already used to pledge to need "
              + e.needRef()
              + "; send a new key for a new request",
          Map.of("needRef", e.needRef()));
    } catch (AppendOnlyLog.HeldElsewhere e) {
      throw ApiProblem.logHeldElsewhere("pledge");
    }
    if (pledged.replayed()) {
      ctx.header(InterestController.REPLAYED_HEADER, "true");
    }
    ctx.status(201).json(PledgeView.of(pledged.pledge(), idempotencyKey));
  }

  /** Checks the request against the need on the board and records the pledge. */
  private PledgeLog.Pledged pledgeNow(
      Context ctx, String ref, String donorId, String idempotencyKey) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    NeedRow need =
        run.need(ref)
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "no need with this reference on the needs board; GET /api/v1/needs lists"
                            + " the needs donors may pledge to"));
    PledgeRequest request = parse(ctx);
    try {
      return pledges.pledge(need, donorId, check(need, request), idempotencyKey);
    } catch (PledgeLog.ExceedsNeed e) {
      Map<String, Object> extensions = new HashMap<>();
      extensions.put("needRef", need.needRef());
      if (e.remaining() == null) {
        throw ApiProblem.conflict(
            "this need has no amount and another donor has pledged it whole already", extensions);
      }
      extensions.put("remaining", e.remaining());
      extensions.put("currency", need.currency());
      throw ApiProblem.conflict(
          "the pledges to this need would add up to more than its amount; at most "
              + e.remaining()
              + " "
              + need.currency()
              + " may still be pledged to it (remaining)",
          extensions);
    }
  }

  /**
   * The amount to record, after checking the request against the need: 409 when the need is not
   * open; 400 when an amount is missing, not above zero, or given for a need without one, or the
   * currency is not the need's.
   */
  /** Decimal digits a double holds exactly, written out and read back. */
  private static final int MAX_DIGITS = 15;

  /** Places after the point a pledge may give (no currency has more than 4 minor units). */
  private static final int MAX_DECIMALS = 6;

  private static Double check(NeedRow need, PledgeRequest request) {
    if (!NeedRow.OPEN.equals(need.status())) {
      throw ApiProblem.conflict(
          "this need is " + need.status() + ", not open: it takes no more pledges",
          Map.of("needRef", need.needRef(), "needStatus", need.status()));
    }
    if (need.amount() == null) {
      if (request.amount() != null || request.currency() != null) {
        throw ApiProblem.badRequest(
            "this need has no amount: it is pledged whole, so send no amount and no currency (an"
                + " empty body or {})");
      }
      return null;
    }
    if (request.amount() == null || request.amount().signum() <= 0) {
      throw ApiProblem.badRequest(
          "amount is required and must be a number above 0, at most the need's "
              + need.amount()
              + " "
              + need.currency(),
          Map.of("currency", need.currency()));
    }
    BigDecimal amount = request.amount().stripTrailingZeros();
    // what is recorded is what was sent: an amount a double cannot hold exactly as written
    // (5.00000000000000000001 would be stored as 5.0) is refused, not rounded
    if (amount.precision() > MAX_DIGITS
        || amount.scale() > MAX_DECIMALS
        || amount.precision() - amount.scale() > MAX_DIGITS) {
      throw ApiProblem.badRequest(
          "amount has more digits than an amount is recorded with: at most "
              + MAX_DIGITS
              + " significant digits, "
              + MAX_DECIMALS
              + " of them after the point",
          Map.of("currency", need.currency()));
    }
    if (!need.currency().equals(request.currency())) {
      throw ApiProblem.badRequest(
          "currency must be the need's, " + need.currency(), Map.of("currency", need.currency()));
    }
    return amount.doubleValue();
  }

  private PledgeRequest parse(Context ctx) {
    byte[] body = JsonBody.read(ctx, maxBodyBytes);
    if (body.length == 0) {
      return new PledgeRequest(null, null);
    }
    try {
      PledgeRequest request = JsonBody.STRICT.readValue(body, PledgeRequest.class);
      return request == null ? new PledgeRequest(null, null) : request;
    } catch (UnrecognizedPropertyException e) {
      throw ApiProblem.badRequest(
          "a pledge has only the fields amount and currency",
          Map.of("validFields", List.of("amount", "currency")));
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest(
          "the body is not a pledge: send a JSON object such as {\"amount\": 500000,"
              + " \"currency\": \"IRR\"} (amount a number, currency a text)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }
}
