package org.rishe.client;

import java.util.List;

/** {@code GET /dashboard/summary}: leadership KPIs of one period and region. */
public record DashboardSummary(
    String run, String calendar, String from, String to, String region, Kpis kpis) {

  /** The KPIs; ratios and medians are null where there is nothing to divide. */
  public record Kpis(
      long peopleReached,
      long familiesReached,
      long casesOpened,
      long casesClosed,
      long casesResolved,
      Double medianDaysToResolution,
      long programParticipants,
      long programCompletions,
      Double completionRate,
      long donationsReceived,
      List<Amount> amountsReceived,
      Long donationsDelivered,
      Double shareDelivered,
      Double medianDaysToDelivery,
      Double costPerParticipant) {
    public Kpis {
      amountsReceived = amountsReceived == null ? List.of() : List.copyOf(amountsReceived);
    }
  }

  /** The total received in one currency. */
  public record Amount(String currency, double amount) {}
}
