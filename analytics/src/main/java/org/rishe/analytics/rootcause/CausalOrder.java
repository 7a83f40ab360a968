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
 * <p>Within a tier the catalogue may say more: an indicator's {@code causal_rank}
 * (docs/data-contract.md) places it among the codes of its tier, lower happening earlier (parental
 * illiteracy before household poverty before food insecurity). Only the total effect reads it
 * ({@link #totalEffectConfounders}).
 *
 * @param tiers per code: 1 family factor, 2 person factor, 3 problem
 * @param problemLags per problem: median days from registration to onset among its cases
 * @param ranks per code whose catalogue entry gives one: its causal rank; absent when unknown
 */
public record CausalOrder(
    Map<String, Integer> tiers, Map<String, Double> problemLags, Map<String, Integer> ranks) {
  public static final int FAMILY_FACTOR = 1;
  public static final int PERSON_FACTOR = 2;
  public static final int PROBLEM = 3;

  public CausalOrder {
    tiers = Map.copyOf(tiers);
    problemLags = Map.copyOf(problemLags);
    ranks = Map.copyOf(ranks);
  }

  /** The order without causal ranks: nothing known within a tier beyond the problems' lags. */
  public CausalOrder(Map<String, Integer> tiers, Map<String, Double> problemLags) {
    this(tiers, problemLags, Map.of());
  }

  /**
   * The codes among {@code candidates} to adjust for when estimating the effect of {@code factor}
   * on {@code outcome}: those preceding or coinciding with the factor, never the factor or the
   * outcome themselves. Causal ranks are not read: codes of a factor tier all coincide.
   */
  public List<String> confounders(String factor, String outcome, List<String> candidates) {
    return select(factor, outcome, candidates, false);
  }

  /**
   * The codes among {@code candidates} to adjust for when estimating the <em>total</em> effect of
   * {@code factor} on {@code outcome}: only those strictly before the factor. That is a code of a
   * lower tier; of the factor's own tier, a code with a lower causal rank (both ranked in the
   * catalogue); and between two problems not both ranked, an earlier median onset. Codes of the
   * factor's own tier not known to come first are left out: recorded at the same assessments, they
   * may be its consequences, and adjusting for a mediator would remove the indirect part of the
   * effect.
   */
  public List<String> totalEffectConfounders(
      String factor, String outcome, List<String> candidates) {
    return select(factor, outcome, candidates, true);
  }

  /** The candidates before the factor: strictly for a total effect, else coinciding too. */
  private List<String> select(
      String factor, String outcome, List<String> candidates, boolean strictly) {
    requireNonNull(factor, "factor is null");
    requireNonNull(outcome, "outcome is null");
    int factorTier = tier(factor);
    List<String> confounders = new ArrayList<>();
    for (String candidate : candidates) {
      if (candidate.equals(factor) || candidate.equals(outcome)) {
        continue;
      }
      int candidateTier = tier(candidate);
      boolean before =
          candidateTier < factorTier
              || candidateTier == factorTier
                  && (strictly
                      ? strictlyBefore(candidate, factor)
                      : factorTier != PROBLEM || lag(candidate) < lag(factor));
      if (before) {
        confounders.add(candidate);
      }
    }
    return confounders;
  }

  /**
   * Whether {@code candidate} is known to come before {@code factor} of the same tier: by their
   * causal ranks when both have one, else for problems by their median onset, else not.
   */
  private boolean strictlyBefore(String candidate, String factor) {
    Integer candidateRank = ranks.get(candidate);
    Integer factorRank = ranks.get(factor);
    if (candidateRank != null && factorRank != null) {
      return candidateRank < factorRank;
    }
    return tier(factor) == PROBLEM && lag(candidate) < lag(factor);
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
