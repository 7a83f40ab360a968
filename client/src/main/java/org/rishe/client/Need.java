package org.rishe.client;

/**
 * One need of the needs board ({@code GET /needs}, {@code GET /needs/{ref}}), as a donor may see
 * it: named by its public reference {@code needRef} (never the need id or the person), its kind
 * (code and label in the asked language), amount and currency (both null for a need pledged whole),
 * region, programme (id and name; null without one), the person's age band and sex (null unless at
 * least k people with a need on the board share them with this one), the whole days it has been
 * open, and {@code status}: {@code open} (takes pledges) or {@code pledged}.
 */
public record Need(
    String needRef,
    String kind,
    String kindLabel,
    Double amount,
    String currency,
    String region,
    String program,
    String programName,
    String ageBand,
    String sex,
    int daysOpen,
    String status) {
  /** Whether the need takes pledges. */
  public boolean open() {
    return "open".equals(status);
  }
}
