package org.rishe.analytics.rootcause;

import org.rishe.analytics.stats.Estimate;

/**
 * The total, direct and indirect effects of a chain with 95% intervals. The two models are fitted
 * on the same people, so their root coefficients are estimated jointly as one M-estimator (the two
 * models' score equations stacked): the robust (sandwich) variance of each coefficient and of their
 * difference is the weighted sum of squares of the people's influences. People are treated as
 * independent (children of one family are not clustered). The sums run over the direct model's
 * groups, which split the total model's: within one of them every person has the same influence in
 * both models, so summing weight times squared influence per group is exact.
 */
record ChainEffects(Estimate total, Estimate direct, Estimate indirect) {
  private static final double Z = 1.959963984540054;

  static ChainEffects of(ChainModels.Model total, ChainModels.Model direct) {
    PatternGroups rows = direct.groups();
    if (!rows.refines(total.groups())) {
      throw new IllegalArgumentException(
          "the total and direct models must be fitted on the same people, the direct model"
              + " reading every variable the total one reads");
    }
    double[] totalInfluence = total.influence(rows);
    double[] directInfluence = direct.influence(rows);
    double[] weights = rows.weights();
    double totalVariance = 0;
    double directVariance = 0;
    double differenceVariance = 0;
    for (int row = 0; row < weights.length; row++) {
      double weight = weights[row];
      totalVariance += weight * totalInfluence[row] * totalInfluence[row];
      directVariance += weight * directInfluence[row] * directInfluence[row];
      double difference = totalInfluence[row] - directInfluence[row];
      differenceVariance += weight * difference * difference;
    }
    double totalEffect = total.rootCoefficient();
    double directEffect = direct.rootCoefficient();
    return new ChainEffects(
        interval(totalEffect, totalVariance),
        interval(directEffect, directVariance),
        interval(totalEffect - directEffect, differenceVariance));
  }

  private static Estimate interval(double estimate, double variance) {
    double half = Z * Math.sqrt(variance);
    return new Estimate(estimate, estimate - half, estimate + half);
  }
}
