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
    double differenceSum = 0;
    int matched = 0;
    int unmatched = 0;
    for (int unit = 0; unit < sample.size(); unit++) {
      if (!sample.isTreated(unit)) {
        continue;
      }
      double target = logits[unit];
      int insertion = Arrays.binarySearch(controlLogits, target);
      int above = insertion >= 0 ? insertion : -insertion - 1;
      int below = above - 1;
      double outcomeSum = 0;
      int taken = 0;
      double lastDistance = Double.NaN;
      while (true) {
        double belowDistance = below >= 0 ? target - controlLogits[below] : Double.MAX_VALUE;
        double aboveDistance =
            above < controlLogits.length ? controlLogits[above] - target : Double.MAX_VALUE;
        boolean takeBelow = belowDistance <= aboveDistance;
        double distance = takeBelow ? belowDistance : aboveDistance;
        boolean tiedWithLast = distance == lastDistance;
        if (distance == Double.MAX_VALUE
            || distance > width
            || (taken >= neighbours && !tiedWithLast)) {
          break;
        }
        outcomeSum += sample.outcome(controls[takeBelow ? below-- : above++]);
        lastDistance = distance;
        taken++;
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
}
