package org.rishe.client;

import java.util.List;

/**
 * A donation's journey to its recipient ({@code GET /donations/{id}/journey}, and each donation of
 * {@code GET /me/donations}): its steps with their times, the furthest stage reached ({@code
 * current}; {@code received} before any aid event), the days between steps, when it was delivered
 * and how many days that took (null before), its flags ({@code stalled}, {@code out_of_order},
 * {@code never_delivered}, {@code partly_delivered}, {@code over_delivered}), the programme or need
 * it was given for ({@code programId} for {@code program:<id>}, {@code needRef} for a need, named
 * by its board reference), the whole days since its latest step, and the pledge it fulfils ({@code
 * pledgeId} and {@code pledgedAt}, null when none; then its first stage is {@code pledged}).
 */
public record Journey(
    String donationId,
    String designation,
    String receivedOn,
    List<Stage> stages,
    String current,
    List<Gap> stageGaps,
    String deliveredOn,
    Integer daysToDelivery,
    List<String> flags,
    String programId,
    String needRef,
    long daysInStage,
    String pledgeId,
    String pledgedAt) {
  public Journey {
    stages = stages == null ? List.of() : List.copyOf(stages);
    stageGaps = stageGaps == null ? List.of() : List.copyOf(stageGaps);
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  /** One step: the stage and when it was reached (ISO-8601 UTC). */
  public record Stage(String stage, String at) {}

  /** Days between two consecutive steps. */
  public record Gap(String fromStage, String toStage, double days) {}

  /** Whether the journey carries {@code flag}, e.g. {@code stalled}. */
  public boolean flagged(String flag) {
    return flags.contains(flag);
  }
}
