package org.rishe.analytics.rootcause;

import org.rishe.analytics.stats.Estimate;

/**
 * How far a planner can lean on an association, read from the adjusted estimate and the q-value.
 * The rule, in order:
 *
 * <ol>
 *   <li><b>insufficient data</b>: fewer than {@value #MINIMUM_EXPOSED_CASES} exposed cases, or no
 *       adjusted estimate (too few people in a cell, or the model could not be fitted);
 *   <li><b>strong</b>: the adjusted 95% CI excludes 1, q &lt; 0.01, and at least {@value
 *       #STRONG_EXPOSED_CASES} exposed cases;
 *   <li><b>moderate</b>: the adjusted 95% CI excludes 1 and q &lt; 0.05;
 *   <li><b>weak</b>: anything else: the crude association may be real, but it does not survive
 *       adjustment or the correction for multiple testing.
 * </ol>
 *
 * A grade says how sure we are that the factor is associated with the problem beyond age, sex,
 * region and its earlier factors, in either direction; the odds ratio says which way.
 */
public enum EvidenceGrade {
  STRONG("strong"),
  MODERATE("moderate"),
  WEAK("weak"),
  INSUFFICIENT_DATA("insufficient data");

  static final long MINIMUM_EXPOSED_CASES = 10;
  static final long STRONG_EXPOSED_CASES = 20;

  private final String label;

  EvidenceGrade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The grade of one row; {@code adjusted} is null when no adjusted estimate exists. */
  public static EvidenceGrade of(long exposedCases, Estimate adjusted, double qValue) {
    if (exposedCases < MINIMUM_EXPOSED_CASES || adjusted == null || Double.isNaN(qValue)) {
      return INSUFFICIENT_DATA;
    }
    boolean adjustedExcludesOne = !adjusted.covers(1);
    if (adjustedExcludesOne && qValue < 0.01 && exposedCases >= STRONG_EXPOSED_CASES) {
      return STRONG;
    }
    if (adjustedExcludesOne && qValue < 0.05) {
      return MODERATE;
    }
    return WEAK;
  }
}
