package org.rishe.api.volunteers;

/**
 * A volunteer's registered interest in a programme, as the interest log stores it: the volunteer id
 * as the warehouse stores it (the key's), the programme id, when it was registered (ISO-8601 UTC)
 * and the Idempotency-Key the request carried (null without one). No personal data.
 */
public record Interest(
    String volunteerId, String programId, String registeredAt, String idempotencyKey) {}
