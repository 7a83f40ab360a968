package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which codes may confound which: the order in which things happen to a child, coarsely known.
 * Demographics (age, sex, region) come first and are always adjusted for; then family factors
 * (observed on the household), then the child's own factors, then problems, ordered among
 * themselves by the median days from registration to onset. A code is a potential confounder of
 * another when it comes earlier or coincides with it: family factors coincide with each other, as
 * do person factors, because they are recorded at the same assessments. A later code may be a
 * mediator, so it is never adjusted for, keeping the adjusted estimate a total effect.
 *
 * @param tiers per code: 1 family factor, 2 person factor, 3 problem
 * @param problemLags per problem: median days from registration to onset among its cases
 */
public record CausalOrder(Map<String, Integer> tiers, Map<String, Double> problemLags) {
  public static final int FAMILY_FACTOR = 1;
  public static final int PERSON_FACTOR = 2;
  public static final int PROBLEM = 3;

  public CausalOrder {
    tiers = Map.copyOf(tiers);
    problemLags = Map.copyOf(problemLags);
  }

  /**
   * The codes among {@code candidates} to adjust for when estimating the effect of {@code factor}
   * on {@code outcome}: those preceding or coinciding with the factor, never the factor or the
   * outcome themselves.
   */
  public List<String> confounders(String factor, String outcome, List<String> candidates) {
    return before(factor, outcome, candidates, true);
  }

  /**
   * The codes among {@code candidates} to adjust for when estimating the <em>total</em> effect of
   * {@code factor} on {@code outcome}: only those strictly before the factor (a lower tier, or for
   * a problem an earlier problem). Codes of the factor's own tier are left out: recorded at the
   * same assessments, they may be its consequences, and adjusting for a mediator would remove the
   * indirect part of the effect.
   */
  public List<String> totalEffectConfounders(
      String factor, String outcome, List<String> candidates) {
    return before(factor, outcome, candidates, false);
  }

  /** The candidates before the factor; with {@code sameTier}, those of its own tier too. */
  private List<String> before(
      String factor, String outcome, List<String> candidates, boolean sameTier) {
    requireNonNull(factor, "factor is null");
    requireNonNull(outcome, "outcome is null");
    int factorTier = tier(factor);
    List<String> confounders = new ArrayList<>();
    for (String candidate : candidates) {
      if (candidate.equals(factor) || candidate.equals(outcome)) {
        continue;
      }
      int candidateTier = tier(candidate);
      boolean earlier = candidateTier < factorTier;
      boolean coincides = sameTier && candidateTier == factorTier && factorTier != PROBLEM;
      boolean earlierProblem =
          candidateTier == PROBLEM && factorTier == PROBLEM && lag(candidate) < lag(factor);
      if (earlier || coincides || earlierProblem) {
        confounders.add(candidate);
      }
    }
    return confounders;
  }

  private int tier(String code) {
    Integer tier = tiers.get(code);
    if (tier == null) {
      throw new IllegalArgumentException("code " + code + " has no place in the causal order");
    }
    return tier;
  }

  private double lag(String problem) {
    return problemLags.getOrDefault(problem, Double.POSITIVE_INFINITY);
  }
}
