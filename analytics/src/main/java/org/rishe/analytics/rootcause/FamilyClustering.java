package org.rishe.analytics.rootcause;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.analytics.stats.Estimate;

/**
 * Family-clustered variances of the chains' effects from the people's influence values ({@link
 * InterventionalEffects}), by the convention of {@link TotalEffects}: var = G/(G−1) Σ_families
 * (Σ_members φ_i)², G the families with at least one member the chain's models were fitted on.
 * Siblings share their family's factors, so their influences are correlated and counting them as
 * independent draws would make the intervals too narrow.
 *
 * <p>The arithmetic works on flat vectors so that the same code runs on Spark's executors ({@link
 * ChainFamilyVariance}, which never collects people) and in tests: per person, {@link #person}
 * gives 4K values for K chains (three influences per chain, then one 0/1 per chain for "in its
 * models"); summed over a family's members ({@link #add}), {@link #family} turns them into the
 * squared sums and a family count; summed over the families, {@link #intervals} makes the 95%
 * intervals.
 */
final class FamilyClustering {
  private static final double Z = 1.959963984540054;

  /** Effects per chain: total, direct, indirect. */
  static final int EFFECTS = 3;

  private FamilyClustering() {}

  /** One person's values for the chains: influences, then whether the person counts in each. */
  static double[] person(List<ChainInfluence> chains, byte[] codes) {
    int count = chains.size();
    double[] values = new double[(EFFECTS + 1) * count];
    for (int chain = 0; chain < count; chain++) {
      double[] influence = chains.get(chain).of(codes);
      if (influence != null) {
        System.arraycopy(influence, 0, values, EFFECTS * chain, EFFECTS);
        values[EFFECTS * count + chain] = 1;
      }
    }
    return values;
  }

  /** {@code into} plus {@code more}, element by element, in {@code into}. */
  static double[] add(double[] into, double[] more) {
    for (int i = 0; i < into.length; i++) {
      into[i] += more[i];
    }
    return into;
  }

  /**
   * A family's terms from the sum of its members' {@link #person} values: each influence sum
   * squared, and 1 for each chain with at least one member in its models.
   */
  static double[] family(double[] members) {
    double[] terms = new double[members.length];
    int influences = members.length / (EFFECTS + 1) * EFFECTS;
    for (int i = 0; i < members.length; i++) {
      terms[i] = i < influences ? members[i] * members[i] : members[i] > 0 ? 1 : 0;
    }
    return terms;
  }

  /** The chains with 95% intervals from the sum over families of their {@link #family} terms. */
  static List<RootCauseChain> intervals(
      List<RootCauseChains.Estimated> chains, double[] familyTotals) {
    int count = chains.size();
    if (familyTotals.length != (EFFECTS + 1) * count) {
      throw new IllegalArgumentException(
          "expected %d totals for %d chains, got %d"
              .formatted((EFFECTS + 1) * count, count, familyTotals.length));
    }
    List<RootCauseChain> clustered = new ArrayList<>();
    for (int chain = 0; chain < count; chain++) {
      double[] squares = new double[EFFECTS];
      System.arraycopy(familyTotals, EFFECTS * chain, squares, 0, EFFECTS);
      long families = Math.round(familyTotals[EFFECTS * count + chain]);
      clustered.add(chains.get(chain).withIntervals(squares, families));
    }
    return clustered;
  }

  /**
   * The chains with intervals as if every person were a family of their own: for data without
   * families (the pattern counts alone). Each chain's sums of squared influences are summed over
   * {@code data}'s patterns, each pattern's people alike; people outside a chain's models add
   * nothing.
   */
  static List<RootCauseChain> independentPeople(
      DiscreteData data, List<RootCauseChains.Estimated> chains) {
    List<ChainInfluence> influences =
        chains.stream().map(chain -> chain.effects().influence()).toList();
    double[] squares = new double[EFFECTS * chains.size()];
    byte[] codes = new byte[data.variableCount()];
    for (int pattern = 0; pattern < data.patternCount(); pattern++) {
      for (int variable = 0; variable < codes.length; variable++) {
        codes[variable] = (byte) data.code(pattern, variable);
      }
      // A person's influences (zero outside a chain's models), as each family member's.
      double[] values = person(influences, codes);
      for (int influence = 0; influence < squares.length; influence++) {
        squares[influence] += data.weight(pattern) * values[influence] * values[influence];
      }
    }
    List<RootCauseChain> unclustered = new ArrayList<>();
    for (int chain = 0; chain < chains.size(); chain++) {
      RootCauseChains.Estimated estimated = chains.get(chain);
      unclustered.add(
          estimated.withIntervals(
              Arrays.copyOfRange(squares, EFFECTS * chain, EFFECTS * (chain + 1)),
              estimated.effects().people()));
    }
    return unclustered;
  }

  /** The 95% Wald interval of {@code estimate} from the sum of squares over {@code families}. */
  static Estimate interval(double estimate, double sumOfSquares, long families) {
    double variance = families < 2 ? Double.NaN : families / (families - 1.0) * sumOfSquares;
    double half = Z * Math.sqrt(variance);
    return new Estimate(estimate, estimate - half, estimate + half);
  }
}
