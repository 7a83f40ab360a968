package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tuning of the causal-graph step.
 *
 * @param alpha PC significance level; 0.01 rather than the textbook 0.05 because with tens of
 *     thousands of people a G-test finds tiny dependences (residual confounding through coarse age
 *     bands, say) that are not edges
 * @param maxDepth largest conditioning set PC tries; the generator's nodes have at most three code
 *     parents plus demographics, and deeper sets multiply the cells of every table (and the memory
 *     of the table cache) by the cardinality of each added variable
 * @param resamples bootstrap resamples for edge stability
 * @param seed seed of the resamples
 * @param includeRegion whether region is a variable of the graph (ten levels: more adjustment, less
 *     power)
 * @param chains limits of the chain search
 */
public record CausalGraphSettings(
    double alpha,
    int maxDepth,
    int resamples,
    long seed,
    boolean includeRegion,
    RootCauseChains.Settings chains) {
  public CausalGraphSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be 1 or more, got " + maxDepth);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be 1 or more, got " + resamples);
    }
    requireNonNull(chains, "chains is null");
  }

  public static CausalGraphSettings defaults() {
    return new CausalGraphSettings(
        0.01, 4, 30, 20_260_101L, true, RootCauseChains.Settings.defaults());
  }

  public CausalGraphSettings withResamples(int newResamples) {
    return new CausalGraphSettings(alpha, maxDepth, newResamples, seed, includeRegion, chains);
  }

  public CausalGraphSettings withMaxDepth(int newMaxDepth) {
    return new CausalGraphSettings(alpha, newMaxDepth, resamples, seed, includeRegion, chains);
  }

  public CausalGraphSettings withoutRegion() {
    return new CausalGraphSettings(alpha, maxDepth, resamples, seed, false, chains);
  }

  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("causalGraphAlpha", alpha);
    map.put("causalGraphMaxDepth", maxDepth);
    map.put("causalGraphResamples", resamples);
    map.put("causalGraphSeed", seed);
    map.put("causalGraphRegion", includeRegion);
    map.put("chainMaximumEdges", chains.maximumEdges());
    return map;
  }
}
