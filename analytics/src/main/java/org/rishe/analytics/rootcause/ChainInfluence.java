package org.rishe.analytics.rootcause;

import java.io.Serializable;

/**
 * What it takes to compute any person's influence values on a chain's total, direct and indirect
 * effects ({@link InterventionalEffects}) from the person's codes alone: the two models'
 * coefficients and designs, the three weighted means ψ with their total weights, and the
 * projections of the means' derivatives through the models' inverse informations. A few vectors as
 * wide as the models, whatever the number of people or patterns, so the executors can be sent every
 * chain's at once and sum the values by family ({@link ChainFamilyVariance}).
 */
final class ChainInfluence implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int root;
  private final int problem;
  private final Linear outcome;
  private final Linear propensity;
  private final boolean[][] overlap;
  private final boolean mediated;
  private final double[] psi;
  private final double[] totalWeights;
  private final double[][] outcomeProjections;
  private final double[][] propensityProjections;

  /**
   * A model's linear predictor: intercept {@code coefficients[0]}, then {@code coefficients[j + 1]}
   * where variable {@code variables[j]} has the code {@code levels[j]} and, where {@code
   * byRoot[j]}, the root ({@code root}) is exposed too (the columns of {@link ChainModels.Design}).
   */
  record Linear(int root, int[] variables, int[] levels, boolean[] byRoot, double[] coefficients)
      implements Serializable {
    static Linear of(ChainModels.Model model) {
      ChainModels.Design design = model.design();
      return new Linear(
          design.root(),
          design.variables().clone(),
          design.levels().clone(),
          design.byRoot().clone(),
          model.fit().coefficients());
    }

    /**
     * The design columns (not the intercept) that are 1 for a person with {@code codes}, as indices
     * {@code j + 1} into the coefficients, in ascending order, in {@code into}; returns how many.
     */
    int ones(byte[] codes, int[] into) {
      int count = 0;
      for (int j = 0; j < variables.length; j++) {
        if (codes[variables[j]] == levels[j] && (!byRoot[j] || codes[root] == 1)) {
          into[count++] = j + 1;
        }
      }
      return count;
    }

    /** The linear predictor of a person whose design columns that are 1 are {@code ones}. */
    double predictor(int[] ones, int count) {
      return coefficients[0] + sum(coefficients, ones, count);
    }

    /** The sum of {@code vector}'s entries at the given columns. */
    static double sum(double[] vector, int[] ones, int count) {
      double sum = 0;
      for (int one = 0; one < count; one++) {
        sum += vector[ones[one]];
      }
      return sum;
    }

    /**
     * What exposing the root adds to the linear predictor of a person with {@code codes}: the
     * root's coefficient (column 1) and those of its interactions with the codes the person has.
     */
    double rootEffect(byte[] codes) {
      double sum = coefficients[1];
      for (int j = 0; j < variables.length; j++) {
        if (byRoot[j] && codes[variables[j]] == levels[j]) {
          sum += coefficients[j + 1];
        }
      }
      return sum;
    }
  }

  /**
   * {@code overlap[v]}, for each variable the propensity model reads (null for the others), the
   * codes of people in the models (those outside the root's overlap have some code missing here);
   * {@code mediated} false for plain standardisation (no mediators: every person weighted 1, the
   * propensity projections zero); per contrast of {@link InterventionalEffects} ((1,1), (1,0),
   * (0,0)): ψ, the total weight W and the projections D′ I⁻¹ of the outcome and propensity models
   * (intercept first).
   */
  ChainInfluence(
      int root,
      int problem,
      Linear outcome,
      Linear propensity,
      boolean[][] overlap,
      boolean mediated,
      double[] psi,
      double[] totalWeights,
      double[][] outcomeProjections,
      double[][] propensityProjections) {
    this.root = root;
    this.problem = problem;
    this.outcome = outcome;
    this.propensity = propensity;
    this.overlap = overlap;
    this.mediated = mediated;
    this.psi = psi.clone();
    this.totalWeights = totalWeights.clone();
    this.outcomeProjections = outcomeProjections;
    this.propensityProjections = propensityProjections;
  }

  /**
   * The influences (total, direct, indirect) of a person with the codes {@code codes} (indexed by
   * the graph's variables), or null when the person is not one the models were fitted on (the root
   * missing, or outside the overlap).
   */
  double[] of(byte[] codes) {
    int exposure = codes[root];
    if (exposure > 1) {
      return null;
    }
    for (int variable = 0; variable < overlap.length; variable++) {
      if (overlap[variable] != null && !overlap[variable][codes[variable]]) {
        return null;
      }
    }
    // Each model's columns that are 1 for this person, found once for its predictor and the three
    // contrasts' projections.
    int[] outcomeOnes = new int[outcome.variables().length];
    int outcomeCount = outcome.ones(codes, outcomeOnes);
    int[] propensityOnes = new int[propensity.variables().length];
    int propensityCount = propensity.ones(codes, propensityOnes);
    double rootEffect = outcome.rootEffect(codes);
    double withoutRoot =
        outcome.predictor(outcomeOnes, outcomeCount) - (exposure == 1 ? rootEffect : 0);
    double[] risk = {logistic(withoutRoot), logistic(withoutRoot + rootEffect)};
    double exposed = logistic(propensity.predictor(propensityOnes, propensityCount));
    double outcomeScore = (codes[problem] == 1 ? 1 : 0) - risk[exposure];
    double propensityScore = exposure - exposed;
    double[] phi = new double[InterventionalEffects.CONTRASTS.length];
    for (int contrast = 0; contrast < phi.length; contrast++) {
      int a = InterventionalEffects.CONTRASTS[contrast][0];
      int drawn = InterventionalEffects.CONTRASTS[contrast][1];
      double own;
      if (!mediated) {
        own = risk[a] - psi[contrast];
      } else if (exposure == drawn) {
        own = (risk[a] - psi[contrast]) / (drawn == 1 ? exposed : 1 - exposed);
      } else {
        own = 0;
      }
      double[] outcomeProjection = outcomeProjections[contrast];
      double[] propensityProjection = propensityProjections[contrast];
      phi[contrast] =
          (own
                  + (outcomeProjection[0]
                          + Linear.sum(outcomeProjection, outcomeOnes, outcomeCount))
                      * outcomeScore
                  + (propensityProjection[0]
                          + Linear.sum(propensityProjection, propensityOnes, propensityCount))
                      * propensityScore)
              / totalWeights[contrast];
    }
    return new double[] {phi[0] - phi[2], phi[1] - phi[2], phi[0] - phi[1]};
  }

  private static double logistic(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }
}
