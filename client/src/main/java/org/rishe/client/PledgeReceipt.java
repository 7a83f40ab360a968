package org.rishe.client;

/**
 * The answer of {@code POST /needs/{ref}/pledges}: the pledge as recorded (a random {@code
 * pledgeId}, the need's reference, the amount and currency, both null for a need pledged whole,
 * when it was pledged, ISO-8601 UTC) and the {@code idempotencyKey} the request carried. {@code
 * replayed} is true when the request repeated an earlier one with the same key: nothing was
 * recorded again, and this is the first request's pledge.
 */
public record PledgeReceipt(
    String pledgeId,
    String needRef,
    Double amount,
    String currency,
    String pledgedAt,
    String idempotencyKey,
    boolean replayed) {}
