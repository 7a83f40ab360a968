package org.rishe.analytics.impact;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The ATT estimators written as M-estimators, each with its influence values: per unit, the
 * first-order effect of that unit on the estimate, so that {@code estimate - truth ≈ mean of the
 * influence values}. The propensity model's own estimation is part of each stack (the logistic
 * score equations), so its uncertainty is in the influence values too. {@link ClusteredVariance}
 * sums them by family to give the interval. The formulas, with references, are in {@code
 * docs/methods.md} ("Programme impact", "Intervals").
 *
 * <p>Notation in the comments: n units, D treated or not, p1 = share treated, e the fitted
 * propensity, w = e/(1-e) the odds weight of a control, k = 1 for the units kept by the trimming
 * rule, X the propensity model's design row (with intercept), S = X (D - e) the logistic score and
 * I = mean of e (1-e) X X' its information.
 */
final class AttInfluence {
  private AttInfluence() {}

  /** An estimate with its influence values, one per unit of the full sample. */
  record Fitted(double estimate, double[] influence) {}

  /** Treated mean minus control mean: IF = D (Y - m1) / p1 - (1 - D) (Y - m0) / p0. */
  static Fitted naive(ImpactSample sample) {
    int n = sample.size();
    double[] sums = new double[2];
    int treated = 0;
    for (int unit = 0; unit < n; unit++) {
      boolean isTreated = sample.isTreated(unit);
      sums[isTreated ? 1 : 0] += sample.outcome(unit);
      treated += isTreated ? 1 : 0;
    }
    double p1 = (double) treated / n;
    double m1 = sums[1] / treated;
    double m0 = sums[0] / (n - treated);
    double[] influence = new double[n];
    for (int unit = 0; unit < n; unit++) {
      double y = sample.outcome(unit);
      influence[unit] = sample.isTreated(unit) ? (y - m1) / p1 : -(y - m0) / (1 - p1);
    }
    return new Fitted(m1 - m0, influence);
  }

  /**
   * Odds weighting (normalised, Hajek) on the kept units, stacked with the logistic propensity fit:
   * IF = D (Y - m1) / p1 - [(1 - D) k w (Y - m0) + H' I⁻¹ S] / W0, with W0 = mean of (1 - D) k w
   * and H = mean of (1 - D) k w (Y - m0) X (the derivative of the control equation in the
   * propensity coefficients, since dw/dγ = w X). {@code information} is I, {@link #information} of
   * the design at the propensities (the caller computes it once for this and the doubly robust
   * stack).
   */
  static Fitted weighting(
      ImpactSample sample,
      double[][] design,
      double[] propensities,
      double[][] information,
      boolean[] kept) {
    double[] outcomes = new double[sample.size()];
    for (int unit = 0; unit < outcomes.length; unit++) {
      outcomes[unit] = sample.outcome(unit);
    }
    return weightedDifference(sample, design, propensities, information, kept, outcomes, null);
  }

  /**
   * ATT-AIPW: the weighting estimator on residuals R = Y - X'β of a least-squares outcome model
   * fitted on the kept controls, stacked with that fit and the propensity fit. The outcome model's
   * term is (G0 / W0 - G1 / p1)' Q⁻¹ (1 - D) k X R, with Q = mean of (1 - D) k X X', G1 = mean of D
   * X and G0 = mean of (1 - D) k w X: it vanishes when the weights balance X. {@code information}
   * as for {@link #weighting}.
   */
  static Fitted doublyRobust(
      ImpactSample sample,
      double[][] design,
      double[] propensities,
      double[][] information,
      boolean[] kept) {
    int n = sample.size();
    double[] controlWeights = new double[n];
    double[] outcomes = new double[n];
    for (int unit = 0; unit < n; unit++) {
      controlWeights[unit] = !sample.isTreated(unit) && kept[unit] ? 1 : 0;
      outcomes[unit] = sample.outcome(unit);
    }
    double[] coefficients = LeastSquares.solve(design, controlWeights, outcomes);
    double[] residuals = new double[n];
    for (int unit = 0; unit < n; unit++) {
      residuals[unit] = outcomes[unit] - Standardised.linearPredictor(design[unit], coefficients);
    }
    return weightedDifference(
        sample, design, propensities, information, kept, residuals, controlWeights);
  }

  /**
   * The weighted difference of {@code values} between the treated and the kept, odds-weighted
   * controls, with its influence values; {@code outcomeModelWeights} non-null when the values are
   * residuals of a least-squares fit with those weights (the doubly robust estimator).
   */
  private static Fitted weightedDifference(
      ImpactSample sample,
      double[][] design,
      double[] propensities,
      double[][] information,
      boolean[] kept,
      double[] values,
      double[] outcomeModelWeights) {
    int n = sample.size();
    int columns = design[0].length;
    double treatedCount = 0;
    double treatedSum = 0;
    double weightSum = 0;
    double weightedSum = 0;
    double[] weights = new double[n];
    for (int unit = 0; unit < n; unit++) {
      if (sample.isTreated(unit)) {
        treatedCount++;
        treatedSum += values[unit];
      } else if (kept[unit]) {
        weights[unit] = AttEstimators.odds(propensities[unit]);
        weightSum += weights[unit];
        weightedSum += weights[unit] * values[unit];
      }
    }
    double m1 = treatedSum / treatedCount;
    double m0 = weightedSum / weightSum;
    double p1 = treatedCount / n;
    double w0 = weightSum / n;
    // H: derivative of the control equation in the propensity coefficients
    double[] h = new double[columns];
    for (int unit = 0; unit < n; unit++) {
      if (weights[unit] > 0) {
        addScaled(h, design[unit], weights[unit] * (values[unit] - m0) / n);
      }
    }
    double[] a = LeastSquares.solveSymmetric(information, h);
    double[] b = null;
    if (outcomeModelWeights != null) {
      double[] g = new double[columns];
      LeastSquares.CrossProduct q = new LeastSquares.CrossProduct(columns);
      for (int unit = 0; unit < n; unit++) {
        if (sample.isTreated(unit)) {
          addScaled(g, design[unit], -1.0 / (n * p1));
        } else if (weights[unit] > 0) {
          addScaled(g, design[unit], weights[unit] / (n * w0));
        }
        if (outcomeModelWeights[unit] > 0) {
          q.add(design[unit], outcomeModelWeights[unit] / n);
        }
      }
      b = LeastSquares.solveSymmetric(q.symmetric(), g);
    }
    double[] influence = new double[n];
    for (int unit = 0; unit < n; unit++) {
      double[] x = design[unit];
      double label = sample.isTreated(unit) ? 1 : 0;
      double score = label - propensities[unit];
      double value =
          label * (values[unit] - m1) / p1
              - (weights[unit] * (values[unit] - m0) + dot(a, x) * score) / w0;
      if (b != null && outcomeModelWeights[unit] > 0) {
        value += dot(b, x) * outcomeModelWeights[unit] * values[unit];
      }
      influence[unit] = value;
    }
    return new Fitted(m1 - m0, influence);
  }

  /**
   * Dehejia–Wahba stratification, conditional on its strata: the estimate is the treated mean of Y
   * - (control mean of the unit's stratum), so IF = [D (Y - c_s - τ) - (1 - D) (n1_s / n0_s) (Y -
   * c_s)] / p1 over the units of strata that hold both groups (p1 their treated share of n), zero
   * elsewhere. The strata, found by testing on the estimated propensity, are taken as given, as in
   * Imbens &amp; Rubin's (2015, ch. 17) blocking variance.
   */
  static Fitted stratification(
      ImpactSample sample, double[] propensities, PropensityStratification.Result result) {
    int n = sample.size();
    int[] stratum = PropensityStratification.strataOf(sample, propensities, result);
    int strata = result.strata().size();
    double[] treatedCount = new double[strata];
    double[] controlCount = new double[strata];
    double[] controlSum = new double[strata];
    for (int unit = 0; unit < n; unit++) {
      int s = stratum[unit];
      if (s < 0) {
        continue;
      }
      if (sample.isTreated(unit)) {
        treatedCount[s]++;
      } else {
        controlCount[s]++;
        controlSum[s] += sample.outcome(unit);
      }
    }
    double usedTreated = 0;
    for (int s = 0; s < strata; s++) {
      if (treatedCount[s] > 0 && controlCount[s] > 0) {
        usedTreated += treatedCount[s];
      }
    }
    double estimate = result.estimate();
    double p1 = usedTreated / n;
    double[] influence = new double[n];
    for (int unit = 0; unit < n; unit++) {
      int s = stratum[unit];
      if (s < 0 || treatedCount[s] == 0 || controlCount[s] == 0) {
        continue;
      }
      double controlMean = controlSum[s] / controlCount[s];
      double y = sample.outcome(unit);
      influence[unit] =
          sample.isTreated(unit)
              ? (y - controlMean - estimate) / p1
              : -(treatedCount[s] / controlCount[s]) * (y - controlMean) / p1;
    }
    return new Fitted(estimate, influence);
  }

  /**
   * Entropy balancing (Hainmueller 2012): control weights q ∝ exp(λ'X) of least Kullback–Leibler
   * divergence from uniform whose weighted means of every covariate equal the treated means m1. The
   * dual, log Σ exp(λ'(X - m1)) over the controls, is convex; Newton steps with backtracking
   * minimise it. Influence values from the stack (m1, λ, μ1, μ0): IF = D (Y - μ1 - c'(X - m1)) / p1
   * - (1 - D) n q (Y - μ0 - c'(X - m1)), c the q-weighted least-squares coefficients of Y on X
   * among the controls. NaN when no such weights exist (a treated mean outside the controls'
   * range).
   */
  static Fitted entropyBalancing(ImpactSample sample, double[][] design) {
    int n = sample.size();
    int columns = design[0].length - 1;
    double[] targets = new double[columns];
    int treated = 0;
    for (int unit = 0; unit < n; unit++) {
      if (sample.isTreated(unit)) {
        treated++;
        for (int c = 0; c < columns; c++) {
          targets[c] += design[unit][c + 1];
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      targets[c] /= treated;
    }
    int[] controls = new int[n - treated];
    int next = 0;
    for (int unit = 0; unit < n; unit++) {
      if (!sample.isTreated(unit)) {
        controls[next++] = unit;
      }
    }
    CentredRows centred = new CentredRows(design, controls, targets);
    double[] q = EntropyBalance.weights(centred);
    double[] influence = new double[n];
    if (q == null) {
      java.util.Arrays.fill(influence, Double.NaN);
      return new Fitted(Double.NaN, influence);
    }
    double m1 = 0;
    double m0 = 0;
    for (int unit = 0; unit < n; unit++) {
      if (sample.isTreated(unit)) {
        m1 += sample.outcome(unit) / treated;
      }
    }
    for (int i = 0; i < controls.length; i++) {
      m0 += q[i] * sample.outcome(controls[i]);
    }
    // c: q-weighted regression of Y - μ0 on X - m1 among the controls (no intercept: the weighted
    // means of X - m1 are zero)
    LeastSquares.CrossProduct cross = new LeastSquares.CrossProduct(columns);
    double[] right = new double[columns];
    double[] row = new double[columns];
    for (int i = 0; i < controls.length; i++) {
      centred.row(i, row);
      cross.add(row, q[i]);
      addScaled(right, row, q[i] * (sample.outcome(controls[i]) - m0));
    }
    double[] c = LeastSquares.solveSymmetric(cross.symmetric(), right);
    double p1 = (double) treated / n;
    for (int unit = 0; unit < n; unit++) {
      if (sample.isTreated(unit)) {
        double projection = 0;
        for (int column = 0; column < columns; column++) {
          projection += c[column] * (design[unit][column + 1] - targets[column]);
        }
        influence[unit] = (sample.outcome(unit) - m1 - projection) / p1;
      }
    }
    for (int i = 0; i < controls.length; i++) {
      influence[controls[i]] = -n * q[i] * (sample.outcome(controls[i]) - m0 - centred.dot(i, c));
    }
    return new Fitted(m1 - m0, influence);
  }

  /** I = mean of e (1 - e) X X', the logistic model's information per unit. */
  static double[][] information(double[][] design, double[] propensities) {
    int columns = design[0].length;
    LeastSquares.CrossProduct information = new LeastSquares.CrossProduct(columns);
    for (int unit = 0; unit < design.length; unit++) {
      double e = propensities[unit];
      information.add(design[unit], e * (1 - e) / design.length);
    }
    return information.symmetric();
  }

  /** The Moore–Penrose inverse, so a column constant in the sample (all zeros) is ignored. */
  static RealMatrix pseudoInverse(double[][] matrix) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(matrix, false))
        .getSolver()
        .getInverse();
  }

  static void addScaled(double[] sum, double[] x, double scale) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += scale * x[i];
    }
  }

  static double dot(double[] left, double[] right) {
    double sum = 0;
    for (int i = 0; i < left.length; i++) {
      sum += left[i] * right[i];
    }
    return sum;
  }
}
