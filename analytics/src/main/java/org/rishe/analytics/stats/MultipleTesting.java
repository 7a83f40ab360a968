package org.rishe.analytics.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Corrections of p-values for testing many hypotheses at once. */
public final class MultipleTesting {
  private MultipleTesting() {}

  /**
   * Benjamini–Hochberg adjusted p-values (q-values), in the input order: the same numbers as R's
   * {@code p.adjust(p, "BH")}. As in R, a NaN p-value stays NaN and is not counted among the
   * hypotheses tested.
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    requireNonNull(pValues, "pValues is null");
    for (double p : pValues) {
      if (!Double.isNaN(p) && (p < 0 || p > 1)) {
        throw new IllegalArgumentException("p-values must lie in [0, 1], got " + p);
      }
    }
    double[] adjusted = new double[pValues.length];
    Arrays.fill(adjusted, Double.NaN);
    Integer[] order =
        IntStream.range(0, pValues.length)
            .filter(i -> !Double.isNaN(pValues[i]))
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> pValues[i]).reversed())
            .toArray(Integer[]::new);
    int tested = order.length;
    // Walk from the largest p down, keeping the running minimum so the q-values stay monotone.
    double runningMinimum = 1;
    for (int position = 0; position < tested; position++) {
      int rank = tested - position;
      int index = order[position];
      runningMinimum = Math.min(runningMinimum, pValues[index] * tested / rank);
      adjusted[index] = runningMinimum;
    }
    return adjusted;
  }
}
