package org.rishe.analytics.donations;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Settings of the donation journey flags.
 *
 * @param stalledDays a journey not yet delivered whose last step is more than this many days before
 *     {@code asOf} is stalled; a dispatched one is also never delivered
 * @param asOf the day the journeys are judged on: the latest activity in the data for a
 *     reproducible run (so an old export does not look stalled only because time passed since)
 */
public record JourneyOptions(int stalledDays, LocalDate asOf) {
  public static final int DEFAULT_STALLED_DAYS = 60;

  public JourneyOptions {
    requireNonNull(asOf, "asOf is null");
    if (stalledDays < 1) {
      throw new IllegalArgumentException(
          "the stalled threshold must be at least 1 day, got " + stalledDays);
    }
  }
}
