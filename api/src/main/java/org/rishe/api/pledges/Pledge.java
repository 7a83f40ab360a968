package org.rishe.api.pledges;

import org.rishe.api.journal.IdempotencyKeys;

/**
 * A donor's pledge to a need, as the pledge log stores it: a random id, the need's public reference
 * and its need id (the one a donation names in its {@code need:<need_id>} designation), the donor
 * id exactly as the donor's key holds it (the keyed pseudonym {@code donations.donor_id} is stored
 * as), the amount and currency (both null for a need without an amount, which is pledged whole),
 * when it was pledged (ISO-8601 UTC), the need's programme and region when it was pledged (null
 * when it had none, and in records written before they were kept), so that the trust figures can
 * group a pledge after its need has left the board, and the SHA-256 (hex) of the Idempotency-Key
 * the request carried (null without one). The key itself is not stored: a client's key could carry
 * anything. {@code idempotencyKey} is the raw key of records written before its hash was kept (null
 * in newer ones); {@link #idempotencyKeyHash} reads both. No personal data.
 */
public record Pledge(
    String pledgeId,
    String needRef,
    String needId,
    String donorId,
    Double amount,
    String currency,
    String pledgedAt,
    String idempotencyKey,
    String programId,
    String region,
    String idempotencyKeySha256) {

  /**
   * The SHA-256 of the request's Idempotency-Key: the stored hash, or the hash of the raw key an
   * older record holds; null for a request without one.
   */
  public static String idempotencyKeyHash(Pledge pledge) {
    return IdempotencyKeys.hashOf(pledge.idempotencyKeySha256(), pledge.idempotencyKey());
  }
}
