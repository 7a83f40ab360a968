package org.rishe.client;

/** {@code GET /health}: whether a run is served, and which; run is null before the first run. */
public record Health(String status, String run, String publishedAt) {}
