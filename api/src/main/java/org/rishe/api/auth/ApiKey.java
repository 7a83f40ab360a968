package org.rishe.api.auth;

import static java.util.Objects.requireNonNull;

/**
 * A stored API key: its public id, role, the donor it is limited to (a pseudonymised donor id, for
 * the donor role only), the SHA-256 of the secret key, when it was made and, optionally, the
 * instant from which it no longer works (null: it does not expire). The key itself is never stored.
 */
public record ApiKey(
    String id, Role role, String donorId, String hash, String createdAt, String expiresAt) {
  public ApiKey {
    requireNonNull(id, "id is null");
    requireNonNull(role, "role is null");
    requireNonNull(hash, "hash is null");
    if (role == Role.DONOR && (donorId == null || donorId.isBlank())) {
      throw new IllegalArgumentException("a donor key needs the donor it belongs to");
    }
  }

  /** Whether the key has expired at {@code now}. */
  public boolean expiredAt(java.time.Instant now) {
    return expiresAt != null && !now.isBefore(java.time.Instant.parse(expiresAt));
  }
}
