package org.rishe.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.rishe.generator.CausalNode.Level;
import org.rishe.generator.FamilyDraw.ChildDraw;
import org.rishe.generator.GroundTruth.TotalEffect;
import org.rishe.generator.LatentFamilies.Intervention;

/**
 * The population total effect of every factor (and every problem taken as a factor) on every
 * problem, by simulating the interventions: a population of families drawn like the batch's, from
 * streams of its own ({@link Seeds#TRUTH}), is drawn twice per factor, once with the factor forced
 * exposed for everybody and once forced unexposed, on common random numbers (see {@link
 * LatentFamilies}), and the risk of each problem is the share of children with the problem started
 * within their follow-up (by the period's end, or earlier when their family is lost).
 *
 * <p>All children count: every generated child is 5-17 at registration, inside the analysis's
 * default scope of 0-17. Outbreaks add cases that no factor causes and are left out.
 */
public final class InterventionTruth {
  /**
   * Families in the truth's population: about 240,000 children. On common random numbers the two
   * arms differ only where the intervention changes an outcome, so the Monte-Carlo standard error
   * of a log risk ratio is far below the analysis's (each effect carries its own, {@code
   * logRiskRatioMcSe}, at most about 0.01).
   */
  public static final long FAMILIES = 100_000;

  private static final int[] PROBLEM_NODES = CausalModel.indexesAt(Level.PROBLEM);

  private InterventionTruth() {}

  /**
   * Total effects on each problem of every node of the model but itself.
   *
   * @param families the truth population's size ({@link #FAMILIES} in the truth file)
   */
  static List<TotalEffect> compute(long seed, Timeline timeline, Traps traps, long families) {
    LatentFamilies latent = new LatentFamilies(timeline, traps);
    int nodes = CausalModel.size();
    int problems = PROBLEM_NODES.length;
    Sums[][] sums = new Sums[nodes][problems];
    for (int factor = 0; factor < nodes; factor++) {
      for (int p = 0; p < problems; p++) {
        sums[factor][p] = new Sums();
      }
    }
    int[] exposed = new int[problems];
    int[] unexposed = new int[problems];
    for (long number = 1; number <= families; number++) {
      for (int factor = 0; factor < nodes; factor++) {
        int children = cases(latent, seed, number, new Intervention(factor, true), exposed);
        cases(latent, seed, number, new Intervention(factor, false), unexposed);
        for (int p = 0; p < problems; p++) {
          sums[factor][p].add(exposed[p], unexposed[p], children);
        }
      }
    }
    List<TotalEffect> effects = new ArrayList<>();
    for (int factor = 0; factor < nodes; factor++) {
      for (int p = 0; p < problems; p++) {
        if (PROBLEM_NODES[p] != factor) {
          effects.add(
              sums[factor][p].effect(
                  CausalModel.nodes().get(factor).code(),
                  CausalModel.nodes().get(PROBLEM_NODES[p]).code(),
                  families));
        }
      }
    }
    return effects;
  }

  /** Fills {@code cases} with the family's children who have each problem; returns its children. */
  private static int cases(
      LatentFamilies latent, long seed, long number, Intervention intervention, int[] cases) {
    SplittableRandom random = Seeds.stream(seed, number, Seeds.TRUTH);
    SplittableRandom trapRandom = Seeds.stream(seed, number, Seeds.TRUTH + 1);
    FamilyDraw family = latent.draw(number, random, trapRandom, intervention);
    Arrays.fill(cases, 0);
    for (ChildDraw child : family.children()) {
      for (int p = 0; p < PROBLEM_NODES.length; p++) {
        int node = PROBLEM_NODES[p];
        if (child.state()[node] && child.onsets()[node] <= family.followedUntil()) {
          cases[p]++;
        }
      }
    }
    return family.children().size();
  }

  /**
   * Per factor and problem, the sums over families of cases under each arm and of their squares and
   * product, for the ratio and its Monte-Carlo variance by the delta method with the family as the
   * independent draw: var log(A/B) = Σ_f (a_f/A − b_f/B)².
   */
  private static final class Sums {
    private long exposed;
    private long unexposed;
    private long children;
    private double exposedSquares;
    private double products;
    private double unexposedSquares;

    void add(int a, int b, int n) {
      exposed += a;
      unexposed += b;
      children += n;
      exposedSquares += (double) a * a;
      products += (double) a * b;
      unexposedSquares += (double) b * b;
    }

    TotalEffect effect(String factor, String problem, long families) {
      double r1 = (double) exposed / children;
      double r0 = (double) unexposed / children;
      double a = exposed;
      double b = unexposed;
      double variance =
          exposed == 0 || unexposed == 0
              ? Double.NaN
              : exposedSquares / (a * a) - 2 * products / (a * b) + unexposedSquares / (b * b);
      return new TotalEffect(
          factor,
          problem,
          unexposed == 0 ? null : r1 / r0,
          r1 - r0,
          r1,
          r0,
          Double.isNaN(variance) ? null : Math.sqrt(Math.max(0.0, variance)),
          families,
          children);
    }
  }
}
