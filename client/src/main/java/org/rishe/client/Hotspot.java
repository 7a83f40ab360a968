package org.rishe.client;

/**
 * One region, problem and month of {@code GET /hotspots}: cases observed against the number
 * expected from the past, the surprise score, and whether it was flagged. A researcher's key gets
 * {@code observed} and {@code score} as null for a month of 1 to k-1 cases.
 */
public record Hotspot(
    String region,
    String problem,
    String period,
    Long observed,
    Double expected,
    Double score,
    boolean flagged) {}
