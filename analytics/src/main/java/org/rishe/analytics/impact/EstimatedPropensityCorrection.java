package org.rishe.analytics.impact;

import java.util.Arrays;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Abadie &amp; Imbens's (2016) adjustment of the matching variance of the ATT for matching on an
 * <em>estimated</em> (logistic) propensity score: σ²_adj = σ² − c' I⁻¹ c + d' I⁻¹ d, per unit of n,
 * where I = E[f X X'] is the logistic information (f = e (1 - e)),
 *
 * <ul>
 *   <li>c = E[(cov(X, μ1 | e) + e / (1 - e) · cov(X, μ0 | e)) f] / E[e], with μw the mean outcome
 *       of group w at X; and
 *   <li>d = E[X f (μ1 − μ0 − τ)] / E[e], the derivative of the ATT in the propensity coefficients.
 * </ul>
 *
 * The first term may shrink the variance, the second always widens it, so ignoring both can err
 * either way for the ATT. Conditional covariances are estimated locally: for each unit, the sample
 * covariance of X and Y among its {@value #NEIGHBOURS} nearest units of group w on the logit. The
 * unit's effect μ1 − μ0 is Y minus its matched controls' mean for a treated unit, and the mean of
 * its nearest treated units minus Y for a control.
 */
final class EstimatedPropensityCorrection {
  /** Units of a group whose local covariance estimates cov(X, Y | e) at a unit. */
  static final int NEIGHBOURS = 8;

  private EstimatedPropensityCorrection() {}

  /**
   * The term to add to the variance of the matching estimate (already divided by n); NaN when it
   * cannot be estimated (too few units in a group). {@code matching} is the estimate of this sample
   * and these propensities: its controls in logit order are reused.
   */
  static double varianceTerm(
      ImpactSample sample,
      double[] propensities,
      PropensityMatching.Result matching,
      int matchingNeighbours) {
    int n = sample.size();
    double[] logits = Arrays.stream(propensities).map(AttEstimators::logit).toArray();
    AttEstimators.ByLogit treatedByLogit = AttEstimators.byLogit(sample, logits, true);
    // the controls in logit order, as matching sorted them
    int[][] groups = {matching.sortedControls(), treatedByLogit.units()};
    if (groups[0].length != sample.controlCount()) {
      throw new IllegalArgumentException("the matching result is not of this sample");
    }
    if (groups[0].length <= NEIGHBOURS || groups[1].length <= NEIGHBOURS) {
      return Double.NaN;
    }
    double[][] design = Standardised.designMatrix(sample);
    int columns = design[0].length;
    double p1 = (double) groups[1].length / n;
    double[] c = new double[columns];
    double[] d = new double[columns];
    double[] sortedTreatedLogits = treatedByLogit.logits();
    double[] sortedControlLogits = matching.sortedLogits();
    // c sums, over every unit, scaled local covariances of X and Y; each is a sum of the
    // neighbours' rows times a number, so the numbers are added up per neighbour first and the
    // rows read once at the end: k numbers a unit instead of k rows of X
    double[][] coefficients = {new double[groups[0].length], new double[groups[1].length]};
    for (int unit = 0; unit < n; unit++) {
      double e = propensities[unit];
      double f = e * (1 - e);
      // c's term of the unit: (cov(X, Y | e) among treated + odds × among controls) f / (n p1)
      double scale = f / (n * p1);
      addLocalCovariance(
          coefficients[1], sample, groups[1], sortedTreatedLogits, logits[unit], unit, scale);
      addLocalCovariance(
          coefficients[0],
          sample,
          groups[0],
          sortedControlLogits,
          logits[unit],
          unit,
          AttEstimators.odds(e) * scale);
      double effect;
      if (sample.isTreated(unit)) {
        double imputed = matching.imputed()[unit];
        if (Double.isNaN(imputed)) {
          continue;
        }
        effect = sample.outcome(unit) - imputed;
      } else {
        effect =
            nearestMean(sample, groups[1], sortedTreatedLogits, logits[unit], matchingNeighbours)
                - sample.outcome(unit);
      }
      AttInfluence.addScaled(d, design[unit], f * (effect - matching.estimate()) / (n * p1));
    }
    // column 0 (the intercept) has covariance 0 and is left alone
    for (int group = 0; group < 2; group++) {
      for (int position = 0; position < groups[group].length; position++) {
        double weight = coefficients[group][position];
        if (weight != 0) {
          double[] row = design[groups[group][position]];
          for (int column = 1; column < columns; column++) {
            c[column] += row[column] * weight;
          }
        }
      }
    }
    RealMatrix inverse = AttInfluence.pseudoInverse(AttInfluence.information(design, propensities));
    double correction =
        AttInfluence.dot(d, inverse.operate(d)) - AttInfluence.dot(c, inverse.operate(c));
    return correction / n;
  }

  /**
   * Adds {@code scale} × cov(X, Y) among the {@value #NEIGHBOURS} units of a group (sorted by
   * logit) nearest to {@code target}, leaving out {@code self}, as what each neighbour's row of X
   * is to be multiplied by: {@code coefficients}, by position in the group. The covariance is taken
   * as the sum of X (Y - mean Y) / (k - 1), equal to the centred form since the deviations of Y sum
   * to zero.
   */
  private static void addLocalCovariance(
      double[] coefficients,
      ImpactSample sample,
      int[] group,
      double[] sortedLogits,
      double target,
      int self,
      double scale) {
    int[] near = nearest(group, sortedLogits, target, NEIGHBOURS, self);
    double meanY = 0;
    for (int position : near) {
      meanY += sample.outcome(group[position]) / near.length;
    }
    for (int position : near) {
      coefficients[position] +=
          scale * (sample.outcome(group[position]) - meanY) / (near.length - 1);
    }
  }

  private static double nearestMean(
      ImpactSample sample, int[] group, double[] sortedLogits, double target, int count) {
    int[] near = nearest(group, sortedLogits, target, count, -1);
    double sum = 0;
    for (int position : near) {
      sum += sample.outcome(group[position]);
    }
    return sum / near.length;
  }

  /**
   * The positions in the sorted group of its {@code count} units nearest to {@code target}, never
   * {@code self}'s.
   */
  private static int[] nearest(
      int[] group, double[] sortedLogits, double target, int count, int self) {
    int above = Arrays.binarySearch(sortedLogits, target);
    if (above < 0) {
      above = -above - 1;
    }
    int below = above - 1;
    int[] chosen = new int[Math.min(count, group.length - (self >= 0 ? 1 : 0))];
    int taken = 0;
    while (taken < chosen.length) {
      boolean takeBelow =
          above >= group.length
              || (below >= 0 && target - sortedLogits[below] <= sortedLogits[above] - target);
      int position = takeBelow ? below-- : above++;
      if (group[position] != self) {
        chosen[taken++] = position;
      }
    }
    return chosen;
  }
}
