package org.rishe.api.dashboard;

import java.util.List;

/**
 * Leadership KPIs of one period and region. Ratios and medians are null where there is nothing to
 * divide or no duration to take the middle of.
 *
 * @param peopleReached people first registered in the period (consenting people only)
 * @param familiesReached families first registered in the period
 * @param completionRate completions over programme exits (completed, dropped or transferred)
 * @param shareDelivered of the donations received in the period, the share delivered so far
 * @param costPerParticipant summed cost per participant of the programmes enrolled in, per
 *     enrolment
 */
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
    amountsReceived = List.copyOf(amountsReceived);
  }

  /** The total received in one currency. */
  public record Amount(String currency, double amount) {}

  /** The metrics a trend can follow, by their JSON name. */
  public static final List<String> METRICS =
      List.of(
          "peopleReached",
          "familiesReached",
          "casesOpened",
          "casesClosed",
          "casesResolved",
          "medianDaysToResolution",
          "programParticipants",
          "programCompletions",
          "completionRate",
          "donationsReceived",
          "amountReceived",
          "donationsDelivered",
          "shareDelivered",
          "medianDaysToDelivery",
          "costPerParticipant");

  /**
   * The metric that is money, summed only within one currency: a trend of it names the currency.
   */
  public static final String AMOUNT_RECEIVED = "amountReceived";

  /** The value of one of {@link #METRICS}; {@code currency} picks the amount's currency. */
  public Number metric(String name, String currency) {
    if (name.equals(AMOUNT_RECEIVED)) {
      return amountsReceived.stream()
          .filter(amount -> amount.currency().equals(currency))
          .mapToDouble(Amount::amount)
          .sum();
    }
    return metric(name);
  }

  /** The value of one of {@link #METRICS} other than the amount. */
  public Number metric(String name) {
    return switch (name) {
      case "peopleReached" -> peopleReached;
      case "familiesReached" -> familiesReached;
      case "casesOpened" -> casesOpened;
      case "casesClosed" -> casesClosed;
      case "casesResolved" -> casesResolved;
      case "medianDaysToResolution" -> medianDaysToResolution;
      case "programParticipants" -> programParticipants;
      case "programCompletions" -> programCompletions;
      case "completionRate" -> completionRate;
      case "donationsReceived" -> donationsReceived;
      case "donationsDelivered" -> donationsDelivered;
      case "shareDelivered" -> shareDelivered;
      case "medianDaysToDelivery" -> medianDaysToDelivery;
      case "costPerParticipant" -> costPerParticipant;
      default -> throw new IllegalArgumentException("unknown metric " + name);
    };
  }
}
