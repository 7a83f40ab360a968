package org.rishe.analytics.causal;

import java.util.ArrayList;
import java.util.List;

/** Subsets of a fixed size, in lexicographic order of positions (as Python's combinations). */
final class Combinations {
  private Combinations() {}

  static List<int[]> of(int[] items, int size) {
    List<int[]> subsets = new ArrayList<>();
    if (size > items.length) {
      return subsets;
    }
    int[] positions = new int[size];
    for (int index = 0; index < size; index++) {
      positions[index] = index;
    }
    while (true) {
      int[] subset = new int[size];
      for (int index = 0; index < size; index++) {
        subset[index] = items[positions[index]];
      }
      subsets.add(subset);
      int index = size - 1;
      while (index >= 0 && positions[index] == items.length - size + index) {
        index--;
      }
      if (index < 0) {
        return subsets;
      }
      positions[index]++;
      for (int later = index + 1; later < size; later++) {
        positions[later] = positions[later - 1] + 1;
      }
    }
  }
}
