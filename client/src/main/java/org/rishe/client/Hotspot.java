package org.rishe.client;

/**
 * One region, problem and month of {@code GET /hotspots}: cases observed against the number
 * expected from the past, the surprise score, and whether it was flagged.
 */
public record Hotspot(
    String region,
    String problem,
    String period,
    long observed,
    double expected,
    double score,
    boolean flagged) {}
