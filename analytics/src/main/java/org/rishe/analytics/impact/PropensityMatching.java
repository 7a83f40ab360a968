package org.rishe.analytics.impact;

import java.util.Arrays;

/**
 * Nearest-neighbour matching with replacement on the propensity logit, for the ATT: each treated
 * unit is compared with the mean outcome of its {@code neighbours} closest controls, counting only
 * controls within {@code caliper} standard deviations of the logit (over all units). A treated unit
 * with no control inside the caliper is left out and counted as unmatched. Controls tied with the
 * last neighbour's distance are all averaged in (as Abadie &amp; Imbens 2006 do): identical
 * covariates, common among CPS controls, give identical logits, and picking one of them would make
 * the estimate depend on the order of the rows. Dehejia &amp; Wahba's (1999) matching is the
 * special case of one neighbour and no caliper (an infinite one).
 */
final class PropensityMatching {
  private PropensityMatching() {}

  /**
   * The estimate and the matches behind it: {@code imputed[i]} the mean outcome of treated unit i's
   * matched controls (NaN for controls and unmatched treated units); {@code use[j]} the weight
   * control j carries, Σ over the treated units it matches of 1 / (their number of matches), so the
   * estimate is (Σ matched Y - Σ use · Y) / matched; {@code useSquares[j]} the same sum of squared
   * shares; {@code sortedControls} the controls in logit order with {@code sortedLogits}.
   */
  record Result(
      double estimate,
      int unmatchedTreated,
      int matchedTreated,
      double[] imputed,
      double[] use,
      double[] useSquares,
      int[] sortedControls,
      double[] sortedLogits) {}

  /** Same-group neighbours used to estimate a control's conditional variance (AI 2006). */
  static final int VARIANCE_NEIGHBOURS = 2;

  static Result estimate(
      ImpactSample sample, double[] propensities, double caliper, int neighbours) {
    double[] logits = Arrays.stream(propensities).map(AttEstimators::logit).toArray();
    double width = caliper * AttEstimators.standardDeviation(logits);
    AttEstimators.ByLogit sorted = AttEstimators.byLogit(sample, logits, false);
    int[] controls = sorted.units();
    double[] controlLogits = sorted.logits();
    // outcomeSums[i]: the outcomes of the i controls with the lowest logits, so that a run of tied
    // controls, however long, is summed in constant time
    double[] outcomeSums = new double[controls.length + 1];
    for (int i = 0; i < controls.length; i++) {
      outcomeSums[i + 1] = outcomeSums[i] + sample.outcome(controls[i]);
    }
    double differenceSum = 0;
    int matched = 0;
    int unmatched = 0;
    double[] imputed = new double[sample.size()];
    Arrays.fill(imputed, Double.NaN);
    // shares added over runs of sorted controls: +s at a run's start, -s just past its end
    double[] useSteps = new double[controls.length + 1];
    double[] squareSteps = new double[controls.length + 1];
    for (int unit = 0; unit < sample.size(); unit++) {
      if (!sample.isTreated(unit)) {
        continue;
      }
      double target = logits[unit];
      // [below, above) is what has been taken: whole runs of equal logits, nearest first
      int above = firstAtLeast(controlLogits, target);
      int below = above;
      double outcomeSum = 0;
      int taken = 0;
      while (taken < neighbours) {
        double belowDistance = below > 0 ? target - controlLogits[below - 1] : Double.MAX_VALUE;
        double aboveDistance =
            above < controlLogits.length ? controlLogits[above] - target : Double.MAX_VALUE;
        double distance = Math.min(belowDistance, aboveDistance);
        if (distance == Double.MAX_VALUE || distance > width) {
          break;
        }
        // every control at this distance, on either side: ties with the last neighbour count too
        int from =
            belowDistance == distance
                ? firstAtLeast(controlLogits, controlLogits[below - 1])
                : below;
        int to =
            aboveDistance == distance ? firstAbove(controlLogits, controlLogits[above]) : above;
        outcomeSum += outcomeSums[below] - outcomeSums[from] + outcomeSums[to] - outcomeSums[above];
        taken += (below - from) + (to - above);
        below = from;
        above = to;
      }
      if (taken == 0) {
        unmatched++;
        continue;
      }
      imputed[unit] = outcomeSum / taken;
      differenceSum += sample.outcome(unit) - imputed[unit];
      matched++;
      // the matches are the contiguous run [below, above) of the sorted controls
      double share = 1.0 / taken;
      useSteps[below] += share;
      useSteps[above] -= share;
      squareSteps[below] += share * share;
      squareSteps[above] -= share * share;
    }
    double[] use = new double[sample.size()];
    double[] useSquares = new double[sample.size()];
    double runningUse = 0;
    double runningSquares = 0;
    for (int i = 0; i < controls.length; i++) {
      runningUse += useSteps[i];
      runningSquares += squareSteps[i];
      use[controls[i]] = runningUse;
      useSquares[controls[i]] = runningSquares;
    }
    double estimate = matched == 0 ? Double.NaN : differenceSum / matched;
    return new Result(
        estimate, unmatched, matched, imputed, use, useSquares, controls, controlLogits);
  }

  /**
   * Abadie &amp; Imbens's (2006) variance of the matching estimate of the ATT, conditional on the
   * covariates, clustered by family: [Σ_g (Σ_{matched treated i in g} (Y_i - Ŷ0_i - τ))² · G/(G-1)
   * + Σ_j (use_j² - useSquares_j) σ²_j] / N1², N1 the matched treated units. The first sum holds
   * each treated unit's own noise, the heterogeneity of the effect and the noise of its matched
   * controls counted once per match; the second adds what a control matched by several treated
   * units contributes beyond that (AI's K(K-1)/M² term, here with each match's own share). σ²_j is
   * estimated from the control's {@value #VARIANCE_NEIGHBOURS} nearest other controls on the logit:
   * J/(J+1) (Y_j - their mean)².
   */
  static double variance(ImpactSample sample, Result result, ClusteredVariance clusters) {
    if (result.matchedTreated() == 0) {
      return Double.NaN;
    }
    double[] treatedTerms = new double[sample.size()];
    for (int unit = 0; unit < sample.size(); unit++) {
      if (sample.isTreated(unit) && !Double.isNaN(result.imputed()[unit])) {
        treatedTerms[unit] = sample.outcome(unit) - result.imputed()[unit] - result.estimate();
      }
    }
    double sum = clusters.sumOfSquares(treatedTerms);
    int[] controls = result.sortedControls();
    double[] logits = result.sortedLogits();
    int neighbours = Math.min(VARIANCE_NEIGHBOURS, controls.length - 1);
    for (int position = 0; position < controls.length && neighbours > 0; position++) {
      int control = controls[position];
      double extra = result.use()[control] * result.use()[control] - result.useSquares()[control];
      if (extra <= 1e-12) {
        continue;
      }
      // the nearest other controls, outward from this one's position
      int low = position - 1;
      int high = position + 1;
      double neighbourSum = 0;
      for (int taken = 0; taken < neighbours; taken++) {
        boolean takeLow =
            high >= controls.length
                || (low >= 0 && logits[position] - logits[low] <= logits[high] - logits[position]);
        neighbourSum += sample.outcome(controls[takeLow ? low-- : high++]);
      }
      double deviation = sample.outcome(control) - neighbourSum / neighbours;
      sum += extra * deviation * deviation * neighbours / (neighbours + 1.0);
    }
    double matched = result.matchedTreated();
    return sum / (matched * matched);
  }

  /** The first index whose value is at least {@code value} ({@code sorted.length} if none). */
  private static int firstAtLeast(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The first index whose value is above {@code value} ({@code sorted.length} if none). */
  private static int firstAbove(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
