package org.rishe.analytics.rootcause;

import java.util.stream.IntStream;

/**
 * The interventional effects of a chain's root A on its problem Y through the path's mediators M
 * jointly (VanderWeele, Vansteelandt &amp; Robins 2014; Vansteelandt &amp; Daniel 2017), on the
 * risk-difference scale, by the mediational g-formula on the counted patterns:
 *
 * <pre>
 * ψ(a, a') = E_C[ Σ_m P(Y=1 | A=a, M=m, C) P(M=m | A=a', C) ]
 * total TE = ψ(1,1) − ψ(0,0), direct IDE = ψ(1,0) − ψ(0,0), indirect IIE = ψ(1,1) − ψ(1,0)
 * </pre>
 *
 * so TE = IDE + IIE exactly. C are the demographics and the root's confounders (never a mediator).
 * The estimator needs no model of the joint mediators: ψ(a, a') is the mean of the outcome model's
 * prediction Q(a, M_i, C_i) over the people with A = a', each weighted by 1/P(A=a' | C_i) and the
 * weights normalised (Hájek); without mediators, plain standardisation (see {@link #of}). Weighting
 * those people by the inverse propensity stands their mediators and confounders in for the whole
 * population's C with mediators drawn as under A = a', which is the inner sum of ψ. Q is the
 * logistic model of Y on A, C and M with the root's interactions with the mediators' codes, P(A |
 * C) the logistic model of A on C ({@link ChainModels}). Both Q and P are functions of a person's
 * pattern only, so the whole estimate is a sum over the model's groups of patterns (exact, and
 * cheap). Assumptions: no unmeasured confounding of A–Y, A–M or M–Y given C (and, for M–Y, no
 * confounder affected by A), positivity, and both logistic models correctly specified. A missing
 * mediator or confounder code enters as a level of its own. Positivity is made to hold by leaving
 * out the people whose code of a confounder has only one exposure ({@link
 * ChainModels#overlapping}): the effects are those of the people in that overlap.
 *
 * <p>Each person's influence value comes from the stacked estimating equations (the scores of both
 * models and the weighted means; Stefanski &amp; Boos 2002), and like the estimate it is a function
 * of the person's pattern only:
 *
 * <pre>
 * φ_i(a, a') = [ 1{A_i=a'} w_i (Q_i(a) − ψ) + D_β' I_β⁻¹ Z_i (Y_i − Q_i) + D_γ' I_γ⁻¹ X_i (A_i − π_i) ] / W
 * </pre>
 *
 * with w_i = 1/P(A=a' | C_i), W = Σ 1{A_i=a'} w_i, Z_i and X_i the person's rows of the two
 * designs, Q_i and π_i the fitted outcome and propensity, I the models' informations, D_β = Σ
 * 1{A_i=a'} w_i Q_i(a)(1 − Q_i(a)) Z_i(a) and D_γ = ∓ Σ 1{A_i=a'} (Q_i(a) − ψ)(w_i − 1) X_i (minus
 * for a' = 1, plus for a' = 0) the derivatives of the weighted sum in the coefficients. The
 * influence of an effect is the difference of its two ψs'. {@link FamilyClustering} sums these
 * values by family for the intervals.
 *
 * @param riskExposed ψ(1,1), the risk with everybody exposed
 * @param riskMediatorsUnexposed ψ(1,0), exposed but with the mediators drawn as if unexposed
 * @param riskUnexposed ψ(0,0), the risk with nobody exposed
 * @param people the people the models were fitted on (root known, in the overlap)
 * @param influence each person's influence on the total, direct and indirect effects
 */
record InterventionalEffects(
    double riskExposed,
    double riskMediatorsUnexposed,
    double riskUnexposed,
    long people,
    ChainInfluence influence) {
  /** The contrasts (a, a') of ψ in the order of the fields: (1,1), (1,0), (0,0). */
  static final int[][] CONTRASTS = {{1, 1}, {1, 0}, {0, 0}};

  double total() {
    return riskExposed - riskUnexposed;
  }

  double direct() {
    return riskMediatorsUnexposed - riskUnexposed;
  }

  double indirect() {
    return riskExposed - riskMediatorsUnexposed;
  }

  /**
   * The effects of the root {@code focal} from its outcome model {@code outcome} (of {@link
   * ChainModels#fit}, the root as design column 1, adjusted for the confounders and the path's
   * mediators) and its propensity model {@code propensity} (of {@link ChainModels#fitPropensity},
   * on the confounders). The outcome model's groups must split the propensity model's. {@code
   * mediated} false (a path straight from the root to the problem, M empty): ψ(a, a′) = E_C[P(Y=1 |
   * A=a, C)] whatever a′, estimated by plain standardisation (every person's Q(a, C_i), unweighted;
   * the propensity model then only fixes the overlap), so the indirect effect is 0 exactly rather
   * than the difference of two weightings of the same mean.
   */
  static InterventionalEffects of(
      int focal, ChainModels.Model outcome, ChainModels.Model propensity, boolean mediated) {
    PatternGroups rows = outcome.groups();
    if (!rows.refines(propensity.groups())) {
      throw new IllegalArgumentException(
          "the outcome and propensity models must be fitted on the same people, the outcome model"
              + " reading every variable the propensity model reads");
    }
    ChainModels.Design design = outcome.design();
    if (design.variable(1) != focal || design.level(1) != 1) {
      throw new IllegalArgumentException("the outcome model's column 1 must be the root");
    }
    int size = rows.size();
    double[] weights = rows.weights();
    byte[] exposure = rows.codes(focal);
    double[] coefficients = outcome.fit().coefficients();
    // The columns that move with the root (its own and its interactions with mediator codes), and
    // each one over the rows as it would be with the root exposed: their sum weighted by the
    // coefficients is what exposing a row adds to its linear predictor.
    int[] rootColumns = IntStream.range(1, design.width()).filter(design::withRoot).toArray();
    byte[][] rootColumnIfExposed = new byte[rootColumns.length][];
    for (int k = 0; k < rootColumns.length; k++) {
      rootColumnIfExposed[k] = design.ifRootExposed(rows, rootColumns[k]);
    }
    ChainModels.Rows z = outcome.rows(rows);
    ChainModels.Rows x = propensity.rows(rows);
    double[] observedPredictor = outcome.linearPredictors(z);
    double[] propensityPredictor = propensity.linearPredictors(x);
    double[][] risk = new double[2][size];
    double[] exposedPropensity = new double[size];
    for (int row = 0; row < size; row++) {
      double rootEffect = 0;
      for (int k = 0; k < rootColumns.length; k++) {
        rootEffect += rootColumnIfExposed[k][row] * coefficients[rootColumns[k]];
      }
      double withoutRoot = observedPredictor[row] - (exposure[row] == 1 ? rootEffect : 0);
      risk[0][row] = logistic(withoutRoot);
      risk[1][row] = logistic(withoutRoot + rootEffect);
      exposedPropensity[row] = logistic(propensityPredictor[row]);
    }
    double[] psi = new double[CONTRASTS.length];
    double[] totalWeights = new double[CONTRASTS.length];
    double[][] outcomeProjections = new double[CONTRASTS.length][];
    double[][] propensityProjections = new double[CONTRASTS.length][];
    for (int contrast = 0; contrast < CONTRASTS.length; contrast++) {
      int a = CONTRASTS[contrast][0];
      int drawn = CONTRASTS[contrast][1];
      double[] q = risk[a];
      double[] weight = new double[size];
      double total = 0;
      double weighted = 0;
      for (int row = 0; row < size; row++) {
        if (!mediated) {
          weight[row] = 1;
        } else if (exposure[row] == drawn) {
          weight[row] = 1 / (drawn == 1 ? exposedPropensity[row] : 1 - exposedPropensity[row]);
        }
        total += weights[row] * weight[row];
        weighted += weights[row] * weight[row] * q[row];
      }
      double estimate = weighted / total;
      double[] outcomeDerivative = new double[design.width()];
      double[] propensityDerivative = new double[propensity.design().width()];
      double sign = drawn == 1 ? -1 : 1;
      for (int row = 0; row < size; row++) {
        if (weight[row] > 0) {
          double slope = weights[row] * weight[row] * q[row] * (1 - q[row]);
          z.addRow(row, slope, outcomeDerivative);
          // The root's columns of Z_i(a) are a (times the interaction's mediator code), whatever
          // the person's own exposure.
          for (int k = 0; k < rootColumns.length; k++) {
            outcomeDerivative[rootColumns[k]] +=
                slope * (a - exposure[row]) * rootColumnIfExposed[k][row];
          }
          if (mediated) {
            x.addRow(
                row,
                sign * weights[row] * (q[row] - estimate) * (weight[row] - 1),
                propensityDerivative);
          }
        }
      }
      psi[contrast] = estimate;
      totalWeights[contrast] = total;
      outcomeProjections[contrast] = times(outcome.fit().covariance(), outcomeDerivative);
      propensityProjections[contrast] = times(propensity.fit().covariance(), propensityDerivative);
    }
    ChainInfluence influence =
        new ChainInfluence(
            focal,
            design.outcome(),
            ChainInfluence.Linear.of(outcome),
            ChainInfluence.Linear.of(propensity),
            overlap(propensity.groups(), focal),
            mediated,
            psi,
            totalWeights,
            outcomeProjections,
            propensityProjections);
    return new InterventionalEffects(psi[0], psi[1], psi[2], outcome.people(), influence);
  }

  /**
   * Per variable of the graph, the codes of the people the propensity model was fitted on for the
   * variables it reads besides the root (null for the others): a person with another code is
   * outside the root's overlap ({@link ChainModels#overlapping}).
   */
  private static boolean[][] overlap(PatternGroups groups, int focal) {
    boolean[][] overlap = new boolean[groups.data().variableCount()][];
    for (int variable : groups.variables()) {
      if (variable == focal) {
        continue;
      }
      overlap[variable] = new boolean[groups.data().cardinality(variable)];
      for (byte code : groups.codes(variable)) {
        overlap[variable][code] = true;
      }
    }
    return overlap;
  }

  private static double[] times(double[][] matrix, double[] vector) {
    double[] product = new double[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      double sum = 0;
      for (int j = 0; j < vector.length; j++) {
        sum += matrix[i][j] * vector[j];
      }
      product[i] = sum;
    }
    return product;
  }

  private static double logistic(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }
}
