package org.rishe.client;

/** One programme of {@code GET /programs}. */
public record Program(
    String id,
    String name,
    String kind,
    String targetProblem,
    Double costPerParticipant,
    Long participants) {}
