package org.rishe.analytics.impact;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

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

  record Result(double estimate, int unmatchedTreated) {}

  static Result estimate(
      ImpactSample sample, double[] propensities, double caliper, int neighbours) {
    double[] logits = Arrays.stream(propensities).map(AttEstimators::logit).toArray();
    double width = caliper * AttEstimators.standardDeviation(logits);
    int[] controls =
        IntStream.range(0, sample.size())
            .filter(unit -> !sample.isTreated(unit))
            .boxed()
            .sorted(Comparator.comparingDouble((Integer unit) -> logits[unit]))
            .mapToInt(Integer::intValue)
            .toArray();
    double[] controlLogits = Arrays.stream(controls).mapToDouble(unit -> logits[unit]).toArray();
    // outcomeSums[i]: the outcomes of the i controls with the lowest logits, so that a run of tied
    // controls, however long, is summed in constant time
    double[] outcomeSums = new double[controls.length + 1];
    for (int i = 0; i < controls.length; i++) {
      outcomeSums[i + 1] = outcomeSums[i] + sample.outcome(controls[i]);
    }
    double differenceSum = 0;
    int matched = 0;
    int unmatched = 0;
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
      differenceSum += sample.outcome(unit) - outcomeSum / taken;
      matched++;
    }
    double estimate = matched == 0 ? Double.NaN : differenceSum / matched;
    return new Result(estimate, unmatched);
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
