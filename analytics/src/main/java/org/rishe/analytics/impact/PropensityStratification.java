package org.rishe.analytics.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Dehejia &amp; Wahba's (1999, 2002) propensity-score stratification estimator of the ATT.
 *
 * <p>Rule, fixed in advance and applied identically to every sample and bootstrap resample:
 *
 * <ol>
 *   <li>Discard the controls whose propensity lies below the lowest treated propensity (DW keep
 *       controls above the highest treated one; they fall in the top stratum).
 *   <li>Start from {@value #INITIAL_STRATA} strata of equal propensity width on [0, 1] (DW 2002,
 *       appendix: "0–0.2, …, 0.8–1"). A stratum holding treated units but no control is merged with
 *       its lower neighbour (the upper one for the lowest), since it cannot be compared.
 *   <li>Within each stratum, test whether the mean propensity of treated and controls differ (Welch
 *       two-sample t-test, two-sided, 5%). If it does, split the stratum at the midpoint of its
 *       interval and test each half again (Becker &amp; Ichino's 2002 refinement of DW's
 *       procedure). A split is not made if a half would hold treated units but no control, nor
 *       beyond {@value #MAXIMUM_HALVINGS} halvings of a starting stratum: such a stratum stays as
 *       it is. A group of fewer than two units cannot be tested and counts as balanced.
 *   <li>Estimate the treated-minus-control difference in mean outcomes within each stratum and
 *       average them weighted by the number of treated units in the stratum (ATT).
 * </ol>
 *
 * <p>DW's last step, re-specifying the logit when a covariate stays unbalanced, is a modelling
 * decision left to the analyst: the specification travels with the sample, so the estimator stays
 * free of tuning.
 */
final class PropensityStratification {
  static final int INITIAL_STRATA = 5;
  static final int MAXIMUM_HALVINGS = 6;
  private static final double SIGNIFICANCE = 0.05;

  private PropensityStratification() {}

  /** The ATT and the strata behind it; {@code discardedControls} fell below the treated range. */
  record Result(double estimate, List<Stratum> strata, int discardedControls) {
    Result {
      strata = List.copyOf(strata);
    }
  }

  /** A propensity interval [low, high) (the last one closed) and the units in it. */
  record Stratum(double low, double high, int treated, int controls, double difference) {}

  static Result estimate(ImpactSample sample, double[] propensities) {
    Units units = keptUnits(sample, propensities);
    List<double[]> intervals = mergeUncomparable(units, initialIntervals());
    List<Stratum> strata = new ArrayList<>();
    for (double[] interval : intervals) {
      refine(units, interval[0], interval[1], 0, strata);
    }
    double weighted = 0;
    int treated = 0;
    for (Stratum stratum : strata) {
      if (stratum.treated() > 0 && stratum.controls() > 0) {
        weighted += stratum.treated() * stratum.difference();
        treated += stratum.treated();
      }
    }
    double estimate = treated == 0 ? Double.NaN : weighted / treated;
    return new Result(estimate, strata, sample.size() - units.kept().length);
  }

  /**
   * DW's balancing check: every stratum and covariate whose treated and control means differ (Welch
   * t-test, 5%). Expect about one in twenty by chance; many more mean the propensity specification
   * should be revisited (DW add interactions or higher-order terms).
   */
  static List<StratumImbalance> imbalances(
      ImpactSample sample, double[] propensities, Result result) {
    Units units = keptUnits(sample, propensities);
    List<Stratum> strata = result.strata();
    int covariates = sample.covariateCount();
    // One pass over the units, each added to its stratum's sums (in the units' order, as
    // Units.moments adds them): not a pass per stratum, covariate and group, which took half of
    // an estimate's time (200,000 units, 21 strata, 40 covariates).
    double[][] counts = new double[strata.size()][2];
    double[][][] sums = new double[strata.size()][2][covariates];
    double[][][] squares = new double[strata.size()][2][covariates];
    for (int unit : units.kept()) {
      int stratum = units.stratumOf(unit, strata);
      if (stratum < 0) {
        continue;
      }
      int group = sample.isTreated(unit) ? 1 : 0;
      counts[stratum][group]++;
      double[] sum = sums[stratum][group];
      double[] square = squares[stratum][group];
      for (int covariate = 0; covariate < covariates; covariate++) {
        double observed = sample.covariate(unit, covariate);
        sum[covariate] += observed;
        square[covariate] += observed * observed;
      }
    }
    List<StratumImbalance> imbalances = new ArrayList<>();
    for (int index = 0; index < strata.size(); index++) {
      Stratum stratum = strata.get(index);
      for (int covariate = 0; covariate < covariates; covariate++) {
        double[] treated =
            moments(counts[index][1], sums[index][1][covariate], squares[index][1][covariate]);
        double[] controls =
            moments(counts[index][0], sums[index][0][covariate], squares[index][0][covariate]);
        if (differs(treated, controls)) {
          imbalances.add(
              new StratumImbalance(
                  stratum.low(),
                  stratum.high(),
                  sample.covariateNames().get(covariate),
                  treated[1] - controls[1]));
        }
      }
    }
    return imbalances;
  }

  /**
   * Each unit's stratum, as an index into {@code result.strata()}: -1 for the controls discarded
   * below the lowest treated propensity.
   */
  static int[] strataOf(ImpactSample sample, double[] propensities, Result result) {
    Units units = keptUnits(sample, propensities);
    int[] strata = new int[sample.size()];
    java.util.Arrays.fill(strata, -1);
    for (int unit : units.kept()) {
      strata[unit] = units.stratumOf(unit, result.strata());
    }
    return strata;
  }

  /** Count, mean and sample variance of a group from its count, sum and sum of squares. */
  private static double[] moments(double count, double sum, double sumOfSquares) {
    double mean = count > 0 ? sum / count : Double.NaN;
    double variance = count > 1 ? (sumOfSquares - count * mean * mean) / (count - 1) : 0;
    return new double[] {count, mean, Math.max(0, variance)};
  }

  /** All treated units, and the controls at or above the lowest treated propensity. */
  private static Units keptUnits(ImpactSample sample, double[] propensities) {
    double lowestTreated = Double.POSITIVE_INFINITY;
    for (int unit = 0; unit < sample.size(); unit++) {
      if (sample.isTreated(unit)) {
        lowestTreated = Math.min(lowestTreated, propensities[unit]);
      }
    }
    double lowest = lowestTreated;
    int[] kept =
        java.util.stream.IntStream.range(0, sample.size())
            .filter(unit -> sample.isTreated(unit) || propensities[unit] >= lowest)
            .toArray();
    return new Units(sample, propensities, kept);
  }

  private static List<double[]> initialIntervals() {
    List<double[]> intervals = new ArrayList<>();
    for (int block = 0; block < INITIAL_STRATA; block++) {
      intervals.add(
          new double[] {(double) block / INITIAL_STRATA, (double) (block + 1) / INITIAL_STRATA});
    }
    return intervals;
  }

  /** Merges every interval with treated units but no control into a neighbour, until none is. */
  private static List<double[]> mergeUncomparable(Units units, List<double[]> intervals) {
    List<double[]> merged = new ArrayList<>(intervals);
    boolean changed = true;
    while (changed && merged.size() > 1) {
      changed = false;
      for (int index = 0; index < merged.size(); index++) {
        Counts counts = units.counts(merged.get(index)[0], merged.get(index)[1]);
        if (counts.treated() > 0 && counts.controls() == 0) {
          int neighbour = index > 0 ? index - 1 : index + 1;
          int first = Math.min(index, neighbour);
          double[] joined = {merged.get(first)[0], merged.get(first + 1)[1]};
          merged.remove(first + 1);
          merged.set(first, joined);
          changed = true;
          break;
        }
      }
    }
    return merged;
  }

  private static void refine(
      Units units, double low, double high, int halvings, List<Stratum> strata) {
    double middle = (low + high) / 2;
    if (halvings < MAXIMUM_HALVINGS
        && propensityDiffers(units, low, high)
        && comparable(units.counts(low, middle))
        && comparable(units.counts(middle, high))) {
      refine(units, low, middle, halvings + 1, strata);
      refine(units, middle, high, halvings + 1, strata);
      return;
    }
    Counts counts = units.counts(low, high);
    if (counts.treated() + counts.controls() > 0) {
      strata.add(
          new Stratum(low, high, counts.treated(), counts.controls(), units.difference(low, high)));
    }
  }

  /** A stratum is usable unless it has treated units and no control to compare them with. */
  private static boolean comparable(Counts counts) {
    return counts.treated() == 0 || counts.controls() > 0;
  }

  private static boolean propensityDiffers(Units units, double low, double high) {
    double[] treated = units.moments(low, high, true, unit -> units.propensities()[unit]);
    double[] controls = units.moments(low, high, false, unit -> units.propensities()[unit]);
    return differs(treated, controls);
  }

  /** Welch two-sided t-test at 5% on (count, mean, variance) of each group. */
  private static boolean differs(double[] treated, double[] controls) {
    if (treated[0] < 2 || controls[0] < 2) {
      return false;
    }
    double treatedVariance = treated[2] / treated[0];
    double controlVariance = controls[2] / controls[0];
    double standardError = Math.sqrt(treatedVariance + controlVariance);
    if (!(standardError > 0)) {
      return treated[1] != controls[1];
    }
    double statistic = Math.abs(treated[1] - controls[1]) / standardError;
    // Welch–Satterthwaite degrees of freedom.
    double freedom =
        Math.pow(treatedVariance + controlVariance, 2)
            / (Math.pow(treatedVariance, 2) / (treated[0] - 1)
                + Math.pow(controlVariance, 2) / (controls[0] - 1));
    double pValue = 2 * (1 - new TDistribution(null, freedom).cumulativeProbability(statistic));
    return pValue < SIGNIFICANCE;
  }

  private record Counts(int treated, int controls) {}

  /** The kept units with their propensities, queried by propensity interval. */
  private record Units(ImpactSample sample, double[] propensities, int[] kept) {
    /**
     * The index of the stratum holding the unit, -1 if none does. The strata are disjoint (the
     * starting intervals, merged and halved), so the first that holds it is the only one.
     */
    int stratumOf(int unit, List<Stratum> strata) {
      for (int index = 0; index < strata.size(); index++) {
        Stratum stratum = strata.get(index);
        if (contains(unit, stratum.low(), stratum.high())) {
          return index;
        }
      }
      return -1;
    }

    boolean contains(int unit, double low, double high) {
      double score = propensities[unit];
      return score >= low && (score < high || (high >= 1 && score <= high));
    }

    Counts counts(double low, double high) {
      int treated = 0;
      int controls = 0;
      for (int unit : kept) {
        if (contains(unit, low, high)) {
          treated += sample.isTreated(unit) ? 1 : 0;
          controls += sample.isTreated(unit) ? 0 : 1;
        }
      }
      return new Counts(treated, controls);
    }

    double difference(double low, double high) {
      double[] treated = moments(low, high, true, sample::outcome);
      double[] controls = moments(low, high, false, sample::outcome);
      return treated[1] - controls[1];
    }

    /** Count, mean and sample variance of {@code value} over one group of the interval. */
    double[] moments(double low, double high, boolean treatedGroup, IntToDoubleFunction value) {
      double count = 0;
      double sum = 0;
      double sumOfSquares = 0;
      for (int unit : kept) {
        if (sample.isTreated(unit) == treatedGroup && contains(unit, low, high)) {
          double observed = value.applyAsDouble(unit);
          count++;
          sum += observed;
          sumOfSquares += observed * observed;
        }
      }
      return PropensityStratification.moments(count, sum, sumOfSquares);
    }
  }
}
