package org.rishe.client;

/**
 * One problem of {@code GET /problems}: people who did not consent are left out of both counts, and
 * a researcher sees null for a count from 1 to 10.
 */
public record Problem(String code, String label, Long cases, Long people) {}
