package org.rishe.analytics.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Estimators of the average effect of treatment on the treated (ATT) from a sample and its fitted
 * propensities. Controls are reweighted to resemble the treated; the treated are never reweighted.
 */
final class AttEstimators {
  /** Keeps logits finite when a fitted propensity rounds to 0 or 1. */
  private static final double PROPENSITY_FLOOR = 1e-12;

  private AttEstimators() {}

  /** A sample restricted to the common support and the propensities of the units kept. */
  record Trimmed(ImpactSample sample, double[] propensities, int droppedControls) {}

  /**
   * Drops the controls whose propensity lies outside the range of the treated propensities: for
   * them no treated unit is comparable, and their odds weights would only add variance.
   */
  static Trimmed trimToTreatedRange(ImpactSample sample, double[] propensities) {
    boolean[] mask = keptMask(sample, propensities);
    int[] kept = IntStream.range(0, sample.size()).filter(unit -> mask[unit]).toArray();
    double[] keptPropensities =
        Arrays.stream(kept).mapToDouble(unit -> propensities[unit]).toArray();
    return new Trimmed(sample.select(kept), keptPropensities, sample.size() - kept.length);
  }

  /** Whether each unit is kept by {@link #trimToTreatedRange}: treated, or inside their range. */
  static boolean[] keptMask(ImpactSample sample, double[] propensities) {
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int unit = 0; unit < sample.size(); unit++) {
      if (sample.isTreated(unit)) {
        lowest = Math.min(lowest, propensities[unit]);
        highest = Math.max(highest, propensities[unit]);
      }
    }
    boolean[] kept = new boolean[sample.size()];
    for (int unit = 0; unit < kept.length; unit++) {
      kept[unit] =
          sample.isTreated(unit) || (propensities[unit] >= lowest && propensities[unit] <= highest);
    }
    return kept;
  }

  static double naiveDifference(ImpactSample sample) {
    double treatedSum = 0;
    double controlSum = 0;
    int treated = 0;
    for (int unit = 0; unit < sample.size(); unit++) {
      if (sample.isTreated(unit)) {
        treatedSum += sample.outcome(unit);
        treated++;
      } else {
        controlSum += sample.outcome(unit);
      }
    }
    return treatedSum / treated - controlSum / (sample.size() - treated);
  }

  /** Treated mean minus the control mean weighted by the normalised odds e/(1-e). */
  static double inverseProbabilityWeighting(ImpactSample sample, double[] propensities) {
    double[] zero = new double[sample.size()];
    return weightedResidualDifference(sample, propensities, zero);
  }

  /**
   * ATT-AIPW: the weighting estimator applied to residuals from an outcome regression fitted on the
   * controls (linear; a linear probability model for 0/1 outcomes). Consistent if either the
   * propensity or the outcome model is right.
   */
  static double doublyRobust(ImpactSample sample, double[] propensities) {
    double[][] design = Standardised.designMatrix(sample);
    double[] controlOnly = new double[sample.size()];
    double[] outcomes = new double[sample.size()];
    for (int unit = 0; unit < sample.size(); unit++) {
      controlOnly[unit] = sample.isTreated(unit) ? 0 : 1;
      outcomes[unit] = sample.outcome(unit);
    }
    double[] coefficients = LeastSquares.solve(design, controlOnly, outcomes);
    double[] predicted = new double[sample.size()];
    for (int unit = 0; unit < sample.size(); unit++) {
      predicted[unit] = Standardised.linearPredictor(design[unit], coefficients);
    }
    return weightedResidualDifference(sample, propensities, predicted);
  }

  private static double weightedResidualDifference(
      ImpactSample sample, double[] propensities, double[] predicted) {
    double treatedSum = 0;
    int treated = 0;
    double weightedControlSum = 0;
    double weightSum = 0;
    for (int unit = 0; unit < sample.size(); unit++) {
      double residual = sample.outcome(unit) - predicted[unit];
      if (sample.isTreated(unit)) {
        treatedSum += residual;
        treated++;
      } else {
        double weight = odds(propensities[unit]);
        weightedControlSum += weight * residual;
        weightSum += weight;
      }
    }
    return treatedSum / treated - weightedControlSum / weightSum;
  }

  /** Standardised mean differences before (full sample) and after (trimmed, odds-weighted). */
  static List<BalanceRow> balance(ImpactSample full, Trimmed trimmed) {
    List<BalanceRow> rows = new ArrayList<>();
    double[] unitWeights = new double[full.size()];
    Arrays.fill(unitWeights, 1);
    double[] oddsWeights = Arrays.stream(trimmed.propensities()).map(AttEstimators::odds).toArray();
    for (int covariate = 0; covariate < full.covariateCount(); covariate++) {
      double[] before = groupMoments(full, unitWeights, covariate);
      double[] after = groupMoments(trimmed.sample(), oddsWeights, covariate);
      double pooled = Math.sqrt((before[1] + before[3]) / 2);
      rows.add(
          new BalanceRow(
              full.covariateNames().get(covariate),
              (before[0] - before[2]) / pooled,
              (after[0] - after[2]) / pooled,
              indicator(full, covariate)));
    }
    return rows;
  }

  /** Whether the covariate takes only the values 0 and 1 in the sample. */
  private static boolean indicator(ImpactSample sample, int column) {
    for (int unit = 0; unit < sample.size(); unit++) {
      double value = sample.covariate(unit, column);
      if (value != 0 && value != 1) {
        return false;
      }
    }
    return true;
  }

  /** Treated mean and variance (unweighted), then control mean and variance (weighted). */
  private static double[] groupMoments(ImpactSample sample, double[] controlWeights, int column) {
    double[] treatedMoments = new double[3];
    double[] controlMoments = new double[3];
    for (int unit = 0; unit < sample.size(); unit++) {
      double value = sample.covariate(unit, column);
      double weight = sample.isTreated(unit) ? 1 : controlWeights[unit];
      double[] moments = sample.isTreated(unit) ? treatedMoments : controlMoments;
      moments[0] += weight;
      moments[1] += weight * value;
      moments[2] += weight * value * value;
    }
    return new double[] {
      treatedMoments[1] / treatedMoments[0],
      variance(treatedMoments),
      controlMoments[1] / controlMoments[0],
      variance(controlMoments)
    };
  }

  private static double variance(double[] moments) {
    double mean = moments[1] / moments[0];
    return Math.max(0, moments[2] / moments[0] - mean * mean);
  }

  static double odds(double propensity) {
    double bounded = Math.min(Math.max(propensity, PROPENSITY_FLOOR), 1 - PROPENSITY_FLOOR);
    return bounded / (1 - bounded);
  }

  static double logit(double propensity) {
    return Math.log(odds(propensity));
  }

  /** A group's units in ascending order of their logits, with the logits in that order. */
  record ByLogit(int[] units, double[] logits) {}

  /**
   * The treated ({@code treated}) or the controls of {@code sample} in ascending order of {@code
   * logits}, ties in unit order: a stable merge sort of the units and their logits side by side,
   * not of boxed units through a comparator, which cost a million-unit estimate a second.
   */
  static ByLogit byLogit(ImpactSample sample, double[] logits, boolean treated) {
    int[] units =
        IntStream.range(0, sample.size())
            .filter(unit -> sample.isTreated(unit) == treated)
            .toArray();
    double[] keys = new double[units.length];
    for (int i = 0; i < units.length; i++) {
      keys[i] = logits[units[i]];
    }
    int[] otherUnits = new int[units.length];
    double[] otherKeys = new double[units.length];
    for (int width = 1; width < units.length; width *= 2) {
      for (int start = 0; start < units.length; start += 2 * width) {
        int middle = Math.min(start + width, units.length);
        int end = Math.min(start + 2 * width, units.length);
        int left = start;
        int right = middle;
        for (int out = start; out < end; out++) {
          boolean fromRight =
              left >= middle || (right < end && Double.compare(keys[right], keys[left]) < 0);
          int from = fromRight ? right++ : left++;
          otherUnits[out] = units[from];
          otherKeys[out] = keys[from];
        }
      }
      int[] swapUnits = units;
      units = otherUnits;
      otherUnits = swapUnits;
      double[] swapKeys = keys;
      keys = otherKeys;
      otherKeys = swapKeys;
    }
    return new ByLogit(units, keys);
  }

  static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return Math.sqrt(sum / Math.max(1, values.length - 1));
  }
}
