package org.rishe.api.results;

/**
 * One need on the needs board as published in {@code needs_board}. {@code needId} links pledges and
 * donations designated {@code need:<need_id>} to the need inside the server: no route serves it.
 * {@code ageBand} and {@code sex} are the person's, published for every consenting person; they may
 * be served only where {@code groupSize} (the people with a need on the board in the same region,
 * kind, programme, age band and sex; null for a family's need) is at least the small-cell k, which
 * {@link #shown(int)} decides.
 */
public record NeedRow(
    String needRef,
    String needId,
    String kind,
    Double amount,
    String currency,
    String region,
    String programId,
    String openedOn,
    int daysOpen,
    String status,
    String ageBand,
    String sex,
    Integer groupSize) {
  /** The status of a need that takes pledges; the board's other status is {@code pledged}. */
  public static final String OPEN = "open";

  /** Whether the age band and sex may be served with small-cell threshold {@code k}. */
  public boolean shown(int k) {
    return groupSize != null && groupSize >= k;
  }
}
