package org.rishe.client;

import java.util.List;

/**
 * {@code GET /programs/{id}/impact}: the programme, its estimated effect on each outcome, and why
 * each outcome without an estimate has none ({@code notEstimated}; empty from a server or run that
 * predates it).
 */
public record ProgramImpact(
    String run, Program program, List<Outcome> outcomes, List<NotEstimated> notEstimated) {
  public ProgramImpact {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    notEstimated = notEstimated == null ? List.of() : List.copyOf(notEstimated);
  }

  /**
   * One outcome: the headline method's estimate with its 95% interval, the naive difference
   * (participants minus everyone else, no adjustment), the group sizes, the alternatives and the
   * covariate balance before and after matching or weighting. A researcher's key gets the figures
   * to three significant digits, no balance of an indicator covariate, and a null {@code treated}
   * where the server withholds the programme's participants (docs/api.md, "Small cells for
   * researchers").
   */
  public record Outcome(
      String outcome,
      String outcomeType,
      String method,
      Estimate estimate,
      Double naiveDifference,
      Long treated,
      Long controls,
      Long trimmedControls,
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

  /**
   * A covariate's standardised mean difference before and after adjustment, its catalogue {@code
   * label} (null without one), and Dehejia &amp; Wahba's check within the propensity strata: in how
   * many of the estimate's {@code strata} the covariate's treated and control means still differ at
   * 5% ({@code unbalancedStrata}; about one in twenty by chance). Both null from a run or server
   * that predates them.
   */
  public record Balance(
      String covariate,
      String label,
      Double before,
      Double after,
      Integer strata,
      Integer unbalancedStrata) {}

  /**
   * An outcome without an estimate (the whole programme when {@code outcome} is null) and why:
   * {@code reason} is a code such as {@code no_outcome_in_window} or {@code too_few_treated},
   * {@code text} the same as a sentence. A count is null where it does not apply or the server
   * withholds it (1 to k-1 people, from a researcher's key); {@code followUpEndDays} is null for a
   * window with no end.
   */
  public record NotEstimated(
      String outcome,
      String reason,
      String text,
      Long enrolled,
      Long inScope,
      Long treatedWithOutcome,
      Long comparisonWithOutcome,
      Long treatedOutsideWindow,
      Double medianDaysOutsideWindow,
      int followUpStartDays,
      Integer followUpEndDays,
      int minimumGroupSize) {}
}
