package org.rishe.api.journal;

import org.rishe.api.auth.ApiKeyStore;

/**
 * Idempotency-Keys as the API's logs keep them: by their SHA-256, never the key itself, which a
 * client could fill with anything.
 */
public final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** The SHA-256 (hex) of a request's key; null for a request without one. */
  public static String hash(String idempotencyKey) {
    return idempotencyKey == null ? null : ApiKeyStore.sha256(idempotencyKey);
  }

  /**
   * The hash a record holds: its stored {@code hash}, or the hash of the {@code rawKey} a record
   * written before hashes were kept holds; null for a request without a key.
   */
  public static String hashOf(String hash, String rawKey) {
    return hash != null ? hash : hash(rawKey);
  }
}
