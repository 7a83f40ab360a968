package org.rishe.api.volunteers;

import org.rishe.api.journal.IdempotencyKeys;

/**
 * A volunteer's registered interest in a programme, as the interest log stores it: the volunteer id
 * as the warehouse stores it (the key's), the programme id, when it was registered (ISO-8601 UTC)
 * and the SHA-256 (hex) of the Idempotency-Key the request carried (null without one). The key
 * itself is not stored: a client's key could carry anything. {@code idempotencyKey} is the raw key
 * of records written before its hash was kept (null in newer ones); {@link #idempotencyKeyHash}
 * reads both. No personal data.
 */
public record Interest(
    String volunteerId,
    String programId,
    String registeredAt,
    String idempotencyKey,
    String idempotencyKeySha256) {

  /**
   * The SHA-256 of the request's Idempotency-Key: the stored hash, or the hash of the raw key an
   * older record holds; null for a request without one.
   */
  public static String idempotencyKeyHash(Interest interest) {
    return IdempotencyKeys.hashOf(interest.idempotencyKeySha256(), interest.idempotencyKey());
  }
}
