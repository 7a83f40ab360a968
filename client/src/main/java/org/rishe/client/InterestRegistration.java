package org.rishe.client;

/**
 * The answer of {@code POST /programs/{id}/interest}: the programme, when the interest was
 * registered (ISO-8601 UTC), the Idempotency-Key of the request that registered it, and what the
 * request did ({@link Outcome}).
 */
public record InterestRegistration(
    String programId, String registeredAt, String idempotencyKey, Outcome outcome) {
  /** What a registration did. */
  public enum Outcome {
    /** Recorded now ({@code 201}). */
    CREATED,
    /** A retry with the key of a request that recorded it: nothing recorded again. */
    REPLAYED,
    /** The volunteer registered this programme before ({@code 200}): the first record. */
    ALREADY_REGISTERED
  }
}
