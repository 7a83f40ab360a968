package org.rishe.api.error;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A user-facing API error, answered as RFC 9457 {@code application/problem+json}: the status, a
 * short title, and a detail that says what went wrong and how to fix it. Thrown by services and
 * controllers, mapped to a response in one place ({@link ProblemResponses}).
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> extensions;

  private ApiProblem(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    super(detail);
    this.status = status;
    this.type = requireNonNull(type, "type is null");
    this.title = requireNonNull(title, "title is null");
    this.extensions = Map.copyOf(extensions);
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "bad-request", "Bad request", detail, Map.of());
  }

  public static ApiProblem badRequest(String detail, Map<String, Object> extensions) {
    return new ApiProblem(400, "bad-request", "Bad request", detail, extensions);
  }

  public static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "unauthorized", "Unauthorized", detail, Map.of());
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "forbidden", "Forbidden", detail, Map.of());
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", "Not found", detail, Map.of());
  }

  /** A 404 for an unknown code, listing the valid ones so the caller can correct the request. */
  public static ApiProblem unknownCode(
      String what, String given, java.util.Collection<String> valid) {
    return new ApiProblem(
        404,
        "unknown-" + what,
        "Unknown " + what,
        "no " + what + " '" + given + "'; valid codes are listed in validCodes",
        Map.of("validCodes", java.util.List.copyOf(valid)));
  }

  /** A 429; the handler turns {@code retryAfterSeconds} into the Retry-After header. */
  public static ApiProblem tooManyRequests(long retryAfterSeconds) {
    return new ApiProblem(
        429,
        "too-many-requests",
        "Too many requests",
        "this key made more requests than its rate limit allows; retry after "
            + retryAfterSeconds
            + " s",
        Map.of("retryAfterSeconds", retryAfterSeconds));
  }

  /**
   * A 429 for a client address that sent too many requests without a valid key: says that a valid
   * key is answered at once, since this limit never applies to one.
   */
  public static ApiProblem tooManyRefusedKeys(long retryAfterSeconds) {
    return new ApiProblem(
        429,
        "too-many-requests",
        "Too many requests",
        "too many requests without a valid key came from this address; send a valid key"
            + " ('Authorization: Bearer <key>'; an admin creates one with `rishe keys create`),"
            + " which is answered at once, or retry after "
            + retryAfterSeconds
            + " s",
        Map.of("retryAfterSeconds", retryAfterSeconds));
  }

  /**
   * A 503 for a request to an expensive route that found every turn taken for {@code waitMillis};
   * the handler turns {@code retryAfterSeconds} into the Retry-After header.
   */
  public static ApiProblem busy(int permits, long waitMillis, long retryAfterSeconds) {
    return new ApiProblem(
        503,
        "busy",
        "Server busy",
        "the server answers at most "
            + permits
            + " expensive requests (queries, trends) at once and none finished within "
            + waitMillis
            + " ms; retry after "
            + retryAfterSeconds
            + " s (an admin can raise the cap with `rishe serve --max-expensive N`)",
        Map.of("retryAfterSeconds", retryAfterSeconds, "maximumConcurrent", permits));
  }

  public static ApiProblem contentTooLarge(long maxBytes) {
    return new ApiProblem(
        413,
        "content-too-large",
        "Content too large",
        "the request body is larger than " + maxBytes + " bytes; send a smaller body",
        Map.of());
  }

  /**
   * A 422: the request is well formed but contradicts an earlier one (an Idempotency-Key reused).
   */
  public static ApiProblem unprocessable(String detail, Map<String, Object> extensions) {
    return new ApiProblem(422, "unprocessable", "Unprocessable request", detail, extensions);
  }

  /** A 409: the request contradicts the state of what it names (a need that cannot take it). */
  public static ApiProblem conflict(String detail, Map<String, Object> extensions) {
    return new ApiProblem(409, "conflict", "Conflict", detail, extensions);
  }

  /** A 503: a log this server writes is held by another server on the same warehouse. */
  public static ApiProblem logHeldElsewhere(String what) {
    return new ApiProblem(
        503,
        "log-held-elsewhere",
        "Log held by another server",
        "the "
            + what
            + " log of this warehouse is being written by another rishe serve; only one server"
            + " may record to it, so stop the other one or send the request there",
        Map.of());
  }

  public static ApiProblem noResults() {
    return new ApiProblem(
        503,
        "no-results",
        "No results published",
        "no results run has been published yet; run `rishe analyze` and try again",
        Map.of());
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
