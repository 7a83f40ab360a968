package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A discrete data set of p variables, held as its distinct rows ("patterns") with a weight each.
 * Counting is done once per variable set and cached, so conditional-independence tests never
 * re-scan the rows; a bootstrap resample is the same patterns with new weights.
 */
public final class DiscreteData {
  // Dense tables above this many cells would waste memory on empty strata, so strata are compacted.
  private static final long DENSE_CELL_LIMIT = 1L << 22;

  private final List<String> names;
  private final int[] cardinalities;
  private final int[][] columns;
  private final double[] weights;
  private final double totalWeight;
  private final Map<TableKey, StratifiedTable> tableCache = new ConcurrentHashMap<>();

  private DiscreteData(List<String> names, int[] cardinalities, int[][] columns, double[] weights) {
    this.names = List.copyOf(names);
    this.cardinalities = cardinalities;
    this.columns = columns;
    this.weights = weights;
    this.totalWeight = Arrays.stream(weights).sum();
  }

  /** Builds the data from raw rows of codes {@code 0..cardinality-1}; identical rows are merged. */
  public static DiscreteData fromRows(List<String> names, int[] cardinalities, int[][] rows) {
    requireNonNull(rows, "rows is null");
    PatternCompressor compressor = new PatternCompressor(cardinalities);
    for (int[] row : rows) {
      compressor.add(row, 1);
    }
    return compressor.toData(names);
  }

  /**
   * Builds the data from already aggregated distinct rows and their counts, as a Spark {@code
   * groupBy(...).count()} produces them. Patterns must be distinct.
   */
  public static DiscreteData fromPatternCounts(
      List<String> names, int[] cardinalities, int[][] patterns, long[] counts) {
    requireNonNull(names, "names is null");
    requireNonNull(cardinalities, "cardinalities is null");
    requireNonNull(patterns, "patterns is null");
    requireNonNull(counts, "counts is null");
    if (patterns.length != counts.length) {
      throw new IllegalArgumentException(
          "patterns and counts differ in length (%d vs %d): give one count per distinct row"
              .formatted(patterns.length, counts.length));
    }
    if (names.size() != cardinalities.length) {
      throw new IllegalArgumentException(
          "%d names but %d cardinalities: give one cardinality per variable"
              .formatted(names.size(), cardinalities.length));
    }
    int variables = cardinalities.length;
    int[][] columns = new int[variables][patterns.length];
    double[] weights = new double[patterns.length];
    for (int row = 0; row < patterns.length; row++) {
      int[] pattern = patterns[row];
      if (pattern.length != variables) {
        throw new IllegalArgumentException(
            "pattern %d has %d values, expected %d".formatted(row, pattern.length, variables));
      }
      for (int variable = 0; variable < variables; variable++) {
        int code = pattern[variable];
        if (code < 0 || code >= cardinalities[variable]) {
          throw new IllegalArgumentException(
              "code %d of variable %s is outside 0..%d: recode values to 0-based codes"
                  .formatted(code, names.get(variable), cardinalities[variable] - 1));
        }
        columns[variable][row] = code;
      }
      weights[row] = counts[row];
    }
    return new DiscreteData(names, cardinalities.clone(), columns, weights);
  }

  /** The same patterns with new weights, e.g. bootstrap multiplicities; the cache starts empty. */
  public DiscreteData withWeights(double[] newWeights) {
    requireNonNull(newWeights, "newWeights is null");
    if (newWeights.length != weights.length) {
      throw new IllegalArgumentException(
          "%d weights given for %d patterns".formatted(newWeights.length, weights.length));
    }
    return new DiscreteData(names, cardinalities, columns, newWeights.clone());
  }

  public List<String> names() {
    return names;
  }

  public int variableCount() {
    return cardinalities.length;
  }

  public int cardinality(int variable) {
    return cardinalities[variable];
  }

  public int patternCount() {
    return weights.length;
  }

  public double weight(int pattern) {
    return weights[pattern];
  }

  public double totalWeight() {
    return totalWeight;
  }

  /** The code of one variable in one pattern. */
  public int code(int pattern, int variable) {
    return columns[variable][pattern];
  }

  /**
   * Counts of x and y within each non-empty stratum of the conditioning variables, cached per
   * unordered pair and conditioning set so that the test of x given y shares the table with y given
   * x.
   */
  public StratifiedTable stratifiedTable(int x, int y, int[] conditioning) {
    int first = Math.min(x, y);
    int second = Math.max(x, y);
    int[] sorted = conditioning.clone();
    Arrays.sort(sorted);
    return tableCache.computeIfAbsent(
        new TableKey(first, second, List.copyOf(Arrays.stream(sorted).boxed().toList())),
        key -> countTable(first, second, sorted));
  }

  private StratifiedTable countTable(int x, int y, int[] conditioning) {
    int cardX = cardinalities[x];
    int cardY = cardinalities[y];
    int patterns = weights.length;
    long strataProduct = 1;
    for (int variable : conditioning) {
      strataProduct *= cardinalities[variable];
      if (strataProduct > Long.MAX_VALUE / 64) {
        strataProduct = Long.MAX_VALUE / 64;
      }
    }
    // Column at a time keeps the inner loops over contiguous arrays.
    long[] strataIndex = new long[patterns];
    for (int variable : conditioning) {
      int[] column = columns[variable];
      int card = cardinalities[variable];
      for (int row = 0; row < patterns; row++) {
        strataIndex[row] = strataIndex[row] * card + column[row];
      }
    }
    int[] compactStratum = new int[patterns];
    int strata;
    if (strataProduct * cardX * cardY <= DENSE_CELL_LIMIT) {
      strata = (int) strataProduct;
      for (int row = 0; row < patterns; row++) {
        compactStratum[row] = (int) strataIndex[row];
      }
    } else {
      Map<Long, Integer> ids = new HashMap<>();
      for (int row = 0; row < patterns; row++) {
        if (weights[row] == 0) {
          continue;
        }
        Integer id = ids.computeIfAbsent(strataIndex[row], key -> ids.size());
        compactStratum[row] = id;
      }
      strata = ids.size();
    }
    double[] counts = new double[strata * cardX * cardY];
    int[] columnX = columns[x];
    int[] columnY = columns[y];
    int cells = cardX * cardY;
    for (int row = 0; row < patterns; row++) {
      double weight = weights[row];
      if (weight != 0) {
        counts[compactStratum[row] * cells + columnX[row] * cardY + columnY[row]] += weight;
      }
    }
    return new StratifiedTable(cardX, cardY, strata, counts);
  }

  private record TableKey(int first, int second, List<Integer> conditioning) {}
}
