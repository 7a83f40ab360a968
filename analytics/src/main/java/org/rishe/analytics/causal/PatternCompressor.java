package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Merges identical rows into distinct patterns with counts, so later counting scans each once. */
final class PatternCompressor {
  private final List<String> names;
  private final int[] cardinalities;
  private final Map<PackedRow, Integer> patternIds = new HashMap<>();
  private final List<int[]> patterns = new ArrayList<>();
  private long[] counts = new long[1024];

  PatternCompressor(List<String> names, int[] cardinalities) {
    this.names = List.copyOf(requireNonNull(names, "names is null"));
    this.cardinalities = requireNonNull(cardinalities, "cardinalities is null").clone();
    if (names.size() != cardinalities.length) {
      throw new IllegalArgumentException(
          "%d names but %d cardinalities: give one cardinality per variable"
              .formatted(names.size(), cardinalities.length));
    }
  }

  void add(int[] row, long count) {
    if (row.length != cardinalities.length) {
      throw new IllegalArgumentException(
          "row has %d values, expected %d".formatted(row.length, cardinalities.length));
    }
    for (int variable = 0; variable < row.length; variable++) {
      if (row[variable] < 0 || row[variable] >= cardinalities[variable]) {
        throw new IllegalArgumentException(
            "code %d of variable %s is outside 0..%d: recode values to 0-based codes"
                .formatted(row[variable], names.get(variable), cardinalities[variable] - 1));
      }
    }
    PackedRow key = new PackedRow(row);
    Integer id = patternIds.get(key);
    if (id == null) {
      id = patterns.size();
      // The caller may reuse its row buffer, so the stored key and pattern get their own copy.
      int[] copy = row.clone();
      patternIds.put(new PackedRow(copy), id);
      patterns.add(copy);
      if (id == counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
    }
    counts[id] += count;
  }

  DiscreteData toData() {
    return DiscreteData.fromPatternCounts(
        names,
        cardinalities,
        patterns.toArray(new int[0][]),
        Arrays.copyOf(counts, patterns.size()));
  }

  /** A row used as a hash key; the array is never modified after construction. */
  private static final class PackedRow {
    private final int[] values;
    private final int hash;

    PackedRow(int[] values) {
      this.values = values;
      this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PackedRow packed && Arrays.equals(values, packed.values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
