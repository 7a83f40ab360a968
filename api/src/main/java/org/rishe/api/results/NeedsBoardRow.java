package org.rishe.api.results;

/**
 * One need on the needs board, as published in {@code needs_board}: the public reference a donor
 * names it by, the need id the warehouse and donations' {@code need:<need_id>} designations use
 * (internal: never served), its kind, the amount that meets it and its currency (both null for a
 * need without an amount), region, programme (null when none), the day it opened (ISO {@code
 * YYYY-MM-DD}) and its status ({@code open} or {@code pledged}).
 */
public record NeedsBoardRow(
    String needRef,
    String needId,
    String kind,
    Double amount,
    String currency,
    String region,
    String programId,
    String openedOn,
    String status) {
  public static final String OPEN = "open";
}
