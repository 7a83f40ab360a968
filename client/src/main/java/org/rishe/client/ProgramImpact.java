package org.rishe.client;

import java.util.List;

/** {@code GET /programs/{id}/impact}: the programme and its estimated effect on each outcome. */
public record ProgramImpact(String run, Program program, List<Outcome> outcomes) {
  public ProgramImpact {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }

  /**
   * One outcome: the headline method's estimate with its 95% interval, the naive difference
   * (participants minus everyone else, no adjustment), the group sizes, the alternatives and the
   * covariate balance before and after matching or weighting.
   */
  public record Outcome(
      String outcome,
      String outcomeType,
      String method,
      Estimate estimate,
      double naiveDifference,
      long treated,
      long controls,
      long trimmedControls,
      Estimate costPerOutcome,
      List<MethodEstimate> methods,
      List<Balance> balance) {
    public Outcome {
      methods = methods == null ? List.of() : List.copyOf(methods);
      balance = balance == null ? List.of() : List.copyOf(balance);
    }
  }

  /** The same outcome estimated by another method. */
  public record MethodEstimate(String method, Estimate estimate) {}

  /** A covariate's standardised mean difference before and after adjustment. */
  public record Balance(String covariate, Double before, Double after) {}
}
