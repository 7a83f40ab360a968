package org.rishe.analytics.rootcause;

import java.io.Serializable;
import java.util.Map;

/**
 * Each person's influence values on a chain's total, direct and indirect effects ({@link
 * InterventionalEffects}), looked up by the person's codes of the variables the chain's models
 * read. Small (one entry per group of patterns) and serialisable, so that it can be broadcast to
 * the executors, which sum the values by family over the people ({@link FamilyClustering}).
 */
final class ChainInfluence implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int root;
  private final int[] variables;
  private final Map<String, double[]> byKey;

  /**
   * {@code root} and {@code variables} index the causal graph's variables; {@code byKey} maps the
   * codes of {@code variables} (one char per code, in their order) to the influences on the total,
   * direct and indirect effects of a person with those codes.
   */
  ChainInfluence(int root, int[] variables, Map<String, double[]> byKey) {
    this.root = root;
    this.variables = variables.clone();
    this.byKey = Map.copyOf(byKey);
  }

  /**
   * The influences (total, direct, indirect) of a person with the codes {@code codes} (one per
   * variable of the graph), or null when the person is not one the models were fitted on (the root
   * missing).
   */
  double[] of(byte[] codes) {
    if (codes[root] > 1) {
      return null;
    }
    char[] key = new char[variables.length];
    for (int position = 0; position < variables.length; position++) {
      key[position] = (char) codes[variables[position]];
    }
    double[] influence = byKey.get(new String(key));
    if (influence == null) {
      throw new IllegalStateException(
          "a person with the root known has a pattern the chain's models were not fitted on");
    }
    return influence;
  }
}
