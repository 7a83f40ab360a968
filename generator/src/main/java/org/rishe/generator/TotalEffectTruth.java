package org.rishe.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.rishe.generator.CausalNode.Level;

/**
 * The true total effect of a code of the causal model on every problem, as a risk ratio over the
 * generator's children: P(problem | do(code = 1)) / P(problem | do(code = 0)). Under do() the
 * code's own model is replaced by the value set and every other node is drawn from its model as
 * usual, so every path from the code to the problem counts (Pearl 2009, the truncated
 * factorisation), which is what the root-cause analysis's total effect estimates. The truth JSON
 * has edges, not these numbers: a root acting through several mediators has a total effect that
 * only the whole model gives.
 *
 * <p>By Monte Carlo over children drawn as {@link FamilySimulator} draws them (region by the family
 * weights, age 5 to 17, the share of girls; family nodes without age and sex), with common random
 * numbers: each child's uniforms are shared by the two worlds, so their difference is the code's
 * effect alone, and the problem's risk is averaged as its model's probability rather than drawn.
 * With 400,000 children the ratios the truth check compares are known to about ±0.005.
 */
public final class TotalEffectTruth {
  private TotalEffectTruth() {}

  /**
   * The risk ratio of every problem (by code, in model order) under do(code = 1) vs do(code = 0).
   */
  public static Map<String, Double> riskRatios(String code, int children, long seed) {
    int focal = CausalModel.index(code);
    int size = CausalModel.size();
    int[] problems = CausalModel.indexesAt(Level.PROBLEM);
    double[][] risks = new double[2][size];
    SplittableRandom random = new SplittableRandom(seed);
    double[] uniforms = new double[size];
    boolean[] state = new boolean[size];
    for (int child = 0; child < children; child++) {
      int region = Draws.pick(random, FamilySimulator.REGION_WEIGHTS);
      int age = FamilySimulator.YOUNGEST_CHILD + random.nextInt(FamilySimulator.CHILD_AGES);
      boolean female = random.nextDouble() < FamilySimulator.FEMALE_SHARE;
      for (int node = 0; node < size; node++) {
        uniforms[node] = random.nextDouble();
      }
      for (int exposed = 0; exposed < 2; exposed++) {
        for (int node = 0; node < size; node++) {
          boolean family = CausalModel.nodes().get(node).level() == Level.FAMILY;
          double probability =
              node == focal
                  ? exposed
                  : CausalModel.probability(
                      node, state, region, family ? 0.0 : age - 11, !family && female);
          state[node] = uniforms[node] < probability;
          risks[exposed][node] += probability;
        }
      }
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (int problem : problems) {
      if (problem != focal) {
        ratios.put(CausalModel.nodes().get(problem).code(), risks[1][problem] / risks[0][problem]);
      }
    }
    return ratios;
  }
}
