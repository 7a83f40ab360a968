package org.rishe.analytics.causal;

import java.util.Arrays;

/**
 * A dense joint count table over a few variables (sorted by index, the first varying slowest).
 * Tests whose variables all lie inside it are answered by summing cells, far cheaper than scanning
 * the patterns again when the table has fewer cells than there are patterns.
 */
record JointTable(int[] variables, int[] cardinalities, double[] counts) {
  boolean covers(int x, int y, int[] conditioning) {
    if (Arrays.binarySearch(variables, x) < 0 || Arrays.binarySearch(variables, y) < 0) {
      return false;
    }
    for (int variable : conditioning) {
      if (Arrays.binarySearch(variables, variable) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The table of x and y within strata of the sorted conditioning set, by summing out the rest. */
  StratifiedTable marginal(int x, int y, int[] sortedConditioning) {
    int width = variables.length;
    int cardX = cardinalities[Arrays.binarySearch(variables, x)];
    int cardY = cardinalities[Arrays.binarySearch(variables, y)];
    int[] targetStride = new int[width];
    int stride = cardX * cardY;
    for (int position = sortedConditioning.length - 1; position >= 0; position--) {
      int index = Arrays.binarySearch(variables, sortedConditioning[position]);
      targetStride[index] = stride;
      stride *= cardinalities[index];
    }
    int strata = stride / (cardX * cardY);
    targetStride[Arrays.binarySearch(variables, x)] = cardY;
    targetStride[Arrays.binarySearch(variables, y)] = 1;
    double[] target = new double[stride];
    int[] digits = new int[width];
    int targetIndex = 0;
    for (double count : counts) {
      target[targetIndex] += count;
      // Odometer over the joint cells, moving the target index along with it.
      for (int position = width - 1; position >= 0; position--) {
        digits[position]++;
        targetIndex += targetStride[position];
        if (digits[position] < cardinalities[position]) {
          break;
        }
        targetIndex -= cardinalities[position] * targetStride[position];
        digits[position] = 0;
      }
    }
    return new StratifiedTable(cardX, cardY, strata, target);
  }
}
