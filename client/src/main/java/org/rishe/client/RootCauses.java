package org.rishe.client;

import java.util.List;

/**
 * {@code GET /root-causes?problem=P[&region=R]}: the factors of one problem, strongest adjusted
 * association first.
 *
 * @param region null for all regions
 * @param population people in scope; null where suppressed
 * @param cases people in scope with the problem; null where suppressed
 */
public record RootCauses(
    String run, String problem, String region, Long population, Long cases, List<Factor> factors) {
  public RootCauses {
    factors = factors == null ? List.of() : List.copyOf(factors);
  }

  /**
   * One factor: the two-by-two counts (null where suppressed), crude and adjusted associations with
   * 95% intervals, significance before and after correcting for many factors, how long before the
   * problem the factor is usually recorded, an evidence grade, and the factor's total effect (null
   * where not estimated or withheld). {@code unansweredMerged}: the unexposed counts include the
   * people who did not answer (a researcher gets this where their number is small), and the crude
   * ratios, attributable fraction, p- and q-values and total effect are then null.
   */
  public record Factor(
      String factor,
      String label,
      Long exposedCases,
      Long exposedTotal,
      Long unexposedCases,
      Long unexposedTotal,
      Estimate relativeRisk,
      Estimate oddsRatio,
      Estimate adjustedOddsRatio,
      Estimate attributableFraction,
      Double pValue,
      Double qValue,
      Double medianLeadDays,
      String evidence,
      TotalEffect totalEffect,
      boolean unansweredMerged) {}

  /**
   * The total effect of a factor on the problem: the standardised risk ratio and risk difference,
   * each with its 95% interval, adjusted for age, sex, region and the factors in {@code
   * adjustedFor}, which come strictly before the factor (never a possible mediator of it); {@code
   * p} is the two-sided Wald p-value of no effect (at least 2.2e-308) and {@code q} its
   * Benjamini–Hochberg q-value over the run's total effects, on which the evidence grade rests
   * (both null from a run published before them).
   */
  public record TotalEffect(
      Estimate riskRatio, Estimate riskDifference, List<String> adjustedFor, Double p, Double q) {
    public TotalEffect {
      adjustedFor = adjustedFor == null ? List.of() : List.copyOf(adjustedFor);
    }
  }
}
