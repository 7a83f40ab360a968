package org.rishe.api.results;

import java.util.List;
import java.util.Map;

/**
 * The part of a published run behind the dashboard, hotspots, donation journeys and volunteer
 * matches, held in memory like the rest of {@link PublishedRun}. Journeys are keyed by donation id
 * and matches by volunteer id because those routes look one up per request.
 */
public record DashboardRun(
    List<MonthlyRow> monthly,
    List<DurationRow> durations,
    List<DonationMonthRow> donations,
    List<HotspotRow> hotspots,
    Map<String, JourneyRow> journeys,
    Map<String, List<MatchRow>> matches) {
  public DashboardRun {
    monthly = List.copyOf(monthly);
    durations = List.copyOf(durations);
    donations = List.copyOf(donations);
    hotspots = List.copyOf(hotspots);
    journeys = Map.copyOf(journeys);
    matches = Map.copyOf(matches);
  }

  public static DashboardRun empty() {
    return new DashboardRun(List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of());
  }

  /** Summable counts of one calendar month and region. */
  public record MonthlyRow(
      String calendar,
      String month,
      String region,
      long peopleReached,
      long familiesReached,
      long casesOpened,
      long casesClosed,
      long casesResolved,
      long participants,
      long programExits,
      long completions,
      double programCost) {}

  /** How many cases (or donations) of a month and region took {@code days} days. */
  public record DurationRow(
      String calendar, String month, String region, String measure, int days, long count) {}

  /** Donations received in a month and region, in one currency, and how many were delivered. */
  public record DonationMonthRow(
      String calendar,
      String month,
      String region,
      String currency,
      long donations,
      double amount,
      long delivered) {}

  /** One assessed month of one region × problem series. */
  public record HotspotRow(
      String region,
      String problem,
      String period,
      long observed,
      double expected,
      double score,
      boolean flagged) {}

  /** One stage of a journey: the stage and when, as an ISO-8601 instant. */
  public record Stage(String stage, String at) {}

  /** Days between two consecutive steps of a journey. */
  public record Gap(String fromStage, String toStage, double days) {}

  /** One donation's journey; {@code donorId} is the donor's pseudonym. */
  public record JourneyRow(
      String donationId,
      String donorId,
      String designation,
      String receivedOn,
      List<Stage> stages,
      String currentStage,
      List<Gap> gaps,
      String deliveredOn,
      Integer daysToDelivery,
      List<String> flags) {
    public JourneyRow {
      stages = List.copyOf(stages);
      gaps = List.copyOf(gaps);
      flags = List.copyOf(flags);
    }
  }

  /** One programme suggested to a volunteer. */
  public record MatchRow(
      String volunteerId, String programId, int rank, double score, List<String> reasons) {
    public MatchRow {
      reasons = List.copyOf(reasons);
    }
  }
}
