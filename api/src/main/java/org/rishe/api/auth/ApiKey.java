package org.rishe.api.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stored API key: its public id, role, the donor or volunteer it is limited to, the SHA-256 of
 * the secret key, when it was made and, optionally, the instant from which it no longer works
 * (null: it does not expire). The key itself is never stored. The donor and the volunteer are
 * written as the warehouse stores them: a donor id as its keyed pseudonym (the donor role only), a
 * volunteer id as given (the volunteer role only; the data contract stores {@code volunteer_id}
 * unchanged).
 */
public record ApiKey(
    String id,
    Role role,
    String donorId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String volunteerId,
    String hash,
    String createdAt,
    String expiresAt) {
  public ApiKey {
    requireNonNull(id, "id is null");
    requireNonNull(role, "role is null");
    requireNonNull(hash, "hash is null");
    if (role == Role.DONOR && (donorId == null || donorId.isBlank())) {
      throw new IllegalArgumentException("a donor key needs the donor it belongs to");
    }
    if (role == Role.VOLUNTEER && (volunteerId == null || volunteerId.isBlank())) {
      throw new IllegalArgumentException("a volunteer key needs the volunteer it belongs to");
    }
    if (role != Role.VOLUNTEER && volunteerId != null) {
      throw new IllegalArgumentException("only a volunteer key names a volunteer");
    }
  }

  /**
   * A key of {@code role} bound to {@code subject}: the donor of a donor key, the volunteer of a
   * volunteer key, null for every other role.
   */
  static ApiKey of(
      String id, Role role, String subject, String hash, String createdAt, String expiresAt) {
    if (subject != null && role != Role.DONOR && role != Role.VOLUNTEER) {
      throw new IllegalArgumentException(
          "only a donor or volunteer key is bound to someone, not a " + role.code() + " key");
    }
    return new ApiKey(
        id,
        role,
        role == Role.DONOR ? subject : null,
        role == Role.VOLUNTEER ? subject : null,
        hash,
        createdAt,
        expiresAt);
  }

  /** The donor or volunteer the key is bound to; null for the other roles. */
  public String subject() {
    return role == Role.VOLUNTEER ? volunteerId : role == Role.DONOR ? donorId : null;
  }

  /** Whether the key has expired at {@code now}. */
  public boolean expiredAt(java.time.Instant now) {
    return expiresAt != null && !now.isBefore(java.time.Instant.parse(expiresAt));
  }
}
