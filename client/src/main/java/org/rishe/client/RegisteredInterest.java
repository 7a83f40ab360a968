package org.rishe.client;

/**
 * One interest of {@code GET /me/interests}: a programme the calling volunteer registered interest
 * in, and when (ISO-8601 UTC).
 */
public record RegisteredInterest(String programId, String registeredAt) {}
