package org.rishe.analytics.rootcause;

/**
 * How far a planner can lean on a factor, read from its total effect ({@link TotalEffects}: the
 * standardised risk ratio adjusted for the factor's confounders, never its mediators) and the
 * Benjamini–Hochberg q-value of its Wald test. The rule, in order:
 *
 * <ol>
 *   <li><b>insufficient data</b>: fewer than {@value #MINIMUM_EXPOSED_CASES} exposed cases, or no
 *       total effect (too few people in a cell, or the model could not be fitted);
 *   <li><b>strong</b>: the total effect's 95% CI excludes 1, its q &lt; 0.01, and at least {@value
 *       #STRONG_EXPOSED_CASES} exposed cases;
 *   <li><b>moderate</b>: the total effect's 95% CI excludes 1 and its q &lt; 0.05;
 *   <li><b>weak</b>: anything else: the crude association may be real, but it does not survive the
 *       standardisation over the confounders or the correction for multiple testing.
 * </ol>
 *
 * Why the total effect and not the crude q with the adjusted odds ratio, as before: the crude q
 * tests an association that confounding alone can make (a confounded-only factor could be graded
 * strong on its crude q as soon as the adjusted interval missed 1 by chance), and the adjusted odds
 * ratio adjusts for the factor's possible mediators too, so a root that acts only through them
 * (parent_illiterate → parent_unemployed → household_income → child_labour) came out weak. The
 * total effect answers the planner's question: what changes if the factor goes, by every path.
 *
 * <p>A grade says how sure we are that the factor changes the risk of the problem, beyond age, sex,
 * region and its confounders, in either direction; the risk ratio says which way.
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

  /**
   * The grade of one row; {@code total} is null when no total effect exists, {@code totalQValue}
   * the q-value of its Wald test (NaN without one).
   */
  public static EvidenceGrade of(
      long exposedCases, TotalEffects.TotalEffect total, double totalQValue) {
    if (exposedCases < MINIMUM_EXPOSED_CASES || total == null || Double.isNaN(totalQValue)) {
      return INSUFFICIENT_DATA;
    }
    boolean excludesOne = !total.riskRatio().covers(1);
    if (excludesOne && totalQValue < 0.01 && exposedCases >= STRONG_EXPOSED_CASES) {
      return STRONG;
    }
    if (excludesOne && totalQValue < 0.05) {
      return MODERATE;
    }
    return WEAK;
  }
}
