package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * A discrete data set of p variables, held as its distinct rows ("patterns") with a weight each.
 * Counting is done once per variable set and cached, so conditional-independence tests never
 * re-scan the rows; a bootstrap resample is the same patterns with new weights.
 */
public final class DiscreteData {
  // Dense tables above this many cells would waste memory on empty strata, so strata are compacted.
  private static final long DENSE_CELL_LIMIT = 1L << 22;
  // Rows whose cells are found together before their weights are added: the cells fit a core's
  // first-level cache.
  private static final int BLOCK_ROWS = 4096;
  // A table is completed from the rows off a variable's most common code when those are at most
  // this share (one in RARE_SHARE) of the patterns: gathering scattered rows costs about twice a
  // streamed row.
  private static final int RARE_SHARE = 3;

  private final List<String> names;
  private final int[] cardinalities;
  // Codes as bytes: counting is memory-bound, and a test on a variable with more than 127
  // categories would have too many degrees of freedom to detect anything anyway.
  private final byte[][] columns;
  private final double[] weights;
  // Per variable, the code that means "not observed" (-1: none). A test leaves out the rows
  // where any of its variables is unobserved (test-wise deletion).
  private final int[] missingCodes;
  private final double totalWeight;
  private final Map<TableKey, StratifiedTable> tableCache = new ConcurrentHashMap<>();
  private final Map<List<Integer>, double[]> jointCache = new ConcurrentHashMap<>();
  // Whether tables are completed from the rows off a common code (every weight a whole number, so
  // that sums are exact in any order; not for short-lived projections, whose rows are few and
  // whose variables' rare rows would be found for a few tables only), and per variable its most
  // common code's complement, found when first needed (see countJoint).
  private final boolean completeFromRare;
  private final AtomicReferenceArray<OffCommon> offCommon;
  private final AtomicLong tablesCounted = new AtomicLong();
  private final Map<Integer, Projection> preparedProjections = new ConcurrentHashMap<>();

  private DiscreteData(
      List<String> names, int[] cardinalities, byte[][] columns, double[] weights) {
    this(names, cardinalities, columns, weights, noMissingCodes(cardinalities.length));
  }

  private DiscreteData(
      List<String> names,
      int[] cardinalities,
      byte[][] columns,
      double[] weights,
      int[] missingCodes) {
    this(names, cardinalities, columns, weights, missingCodes, true);
  }

  private DiscreteData(
      List<String> names,
      int[] cardinalities,
      byte[][] columns,
      double[] weights,
      int[] missingCodes,
      boolean completeFromRare) {
    this.names = List.copyOf(names);
    this.cardinalities = cardinalities;
    this.columns = columns;
    this.weights = weights;
    this.missingCodes = missingCodes;
    this.totalWeight = Arrays.stream(weights).sum();
    this.completeFromRare =
        completeFromRare
            && Arrays.stream(weights)
                .allMatch(weight -> weight == Math.rint(weight) && weight < 1e15);
    this.offCommon = new AtomicReferenceArray<>(cardinalities.length);
  }

  /** Builds the data from raw rows of codes {@code 0..cardinality-1}; identical rows are merged. */
  public static DiscreteData fromRows(List<String> names, int[] cardinalities, int[][] rows) {
    requireNonNull(rows, "rows is null");
    PatternCompressor compressor = new PatternCompressor(names, cardinalities);
    for (int[] row : rows) {
      compressor.add(row, 1);
    }
    return compressor.toData();
  }

  /**
   * Builds the data from already aggregated distinct rows and their counts, as a Spark {@code
   * groupBy(...).count()} produces them. Patterns must be distinct.
   */
  public static DiscreteData fromPatternCounts(
      List<String> names, int[] cardinalities, int[][] patterns, long[] counts) {
    requireNonNull(cardinalities, "cardinalities is null");
    requireNonNull(patterns, "patterns is null");
    requireNonNull(counts, "counts is null");
    if (patterns.length != counts.length) {
      throw new IllegalArgumentException(
          "patterns and counts differ in length (%d vs %d): give one count per distinct row"
              .formatted(patterns.length, counts.length));
    }
    int variables = cardinalities.length;
    byte[][] columns = new byte[variables][patterns.length];
    for (int row = 0; row < patterns.length; row++) {
      int[] pattern = patterns[row];
      if (pattern.length != variables) {
        throw new IllegalArgumentException(
            "pattern %d has %d values, expected %d".formatted(row, pattern.length, variables));
      }
      for (int variable = 0; variable < variables; variable++) {
        // Out-of-range codes are kept out of range (a byte would wrap them) for fromColumns.
        int code = pattern[variable];
        columns[variable][row] = code < 0 || code > Byte.MAX_VALUE ? -1 : (byte) code;
      }
    }
    return fromColumns(names, cardinalities, columns, counts);
  }

  /**
   * Builds the data from distinct patterns held column by column ({@code
   * columns[variable][pattern]} a code {@code 0..cardinality-1}) and their counts: a fifth of the
   * memory of one array per pattern, for pattern tables read from a Spark aggregation. The columns
   * are used as given.
   */
  public static DiscreteData fromColumns(
      List<String> names, int[] cardinalities, byte[][] columns, long[] counts) {
    requireNonNull(names, "names is null");
    requireNonNull(cardinalities, "cardinalities is null");
    requireNonNull(columns, "columns is null");
    requireNonNull(counts, "counts is null");
    if (names.size() != cardinalities.length || columns.length != cardinalities.length) {
      throw new IllegalArgumentException(
          "%d names, %d cardinalities and %d columns: give one of each per variable"
              .formatted(names.size(), cardinalities.length, columns.length));
    }
    for (int variable = 0; variable < columns.length; variable++) {
      if (cardinalities[variable] < 1 || cardinalities[variable] > Byte.MAX_VALUE) {
        throw new IllegalArgumentException(
            "cardinality %d is outside 1..%d: merge rare categories first"
                .formatted(cardinalities[variable], (int) Byte.MAX_VALUE));
      }
      if (columns[variable].length != counts.length) {
        throw new IllegalArgumentException(
            "column %s has %d codes for %d counts"
                .formatted(names.get(variable), columns[variable].length, counts.length));
      }
      for (byte code : columns[variable]) {
        if (code < 0 || code >= cardinalities[variable]) {
          throw new IllegalArgumentException(
              "code %d of variable %s is outside 0..%d: recode values to 0-based codes"
                  .formatted(code, names.get(variable), cardinalities[variable] - 1));
        }
      }
    }
    double[] weights = new double[counts.length];
    for (int pattern = 0; pattern < counts.length; pattern++) {
      weights[pattern] = counts[pattern];
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
    return new DiscreteData(names, cardinalities, columns, newWeights.clone(), missingCodes);
  }

  /**
   * The patterns of positive weight only, in the same order: every count is the same, and counting
   * skips the patterns a bootstrap resample did not draw (about a third when most patterns are
   * single people). Pattern numbers change; the cache starts empty.
   */
  public DiscreteData withoutEmptyPatterns() {
    int kept = 0;
    for (double weight : weights) {
      kept += weight > 0 ? 1 : 0;
    }
    if (kept == weights.length) {
      return new DiscreteData(names, cardinalities, columns, weights, missingCodes);
    }
    byte[][] keptColumns = new byte[columns.length][kept];
    double[] keptWeights = new double[kept];
    int next = 0;
    for (int pattern = 0; pattern < weights.length; pattern++) {
      if (weights[pattern] > 0) {
        for (int variable = 0; variable < columns.length; variable++) {
          keptColumns[variable][next] = columns[variable][pattern];
        }
        keptWeights[next++] = weights[pattern];
      }
    }
    return new DiscreteData(names, cardinalities, keptColumns, keptWeights, missingCodes);
  }

  /**
   * The same patterns where {@code code} of each of the given variables means "not observed": every
   * test then leaves out the rows where one of its own variables is unobserved (test-wise
   * deletion), instead of treating unobserved as a category. A category "missing" does not block a
   * path: conditioning on a variable whose missing level still mixes its values leaves its causes
   * and effects dependent, so with thousands of rows true independences are rejected. Test-wise
   * deletion is sound when whether a value is missing does not depend on the variables tested
   * (missing completely at random); the cache starts empty.
   */
  public DiscreteData withMissingCode(List<String> variables, int code) {
    int[] codes = missingCodes.clone();
    for (String variable : variables) {
      int index = names.indexOf(variable);
      if (index < 0 || code < 0 || code >= cardinalities[index]) {
        throw new IllegalArgumentException(
            "cannot mark code %d of %s as missing: no such variable or code"
                .formatted(code, variable));
      }
      codes[index] = code;
    }
    return new DiscreteData(names, cardinalities, columns, weights, codes);
  }

  private static int[] noMissingCodes(int variables) {
    int[] codes = new int[variables];
    Arrays.fill(codes, -1);
    return codes;
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
   * Counts of x and y within each non-empty stratum of the conditioning variables. Tables of up to
   * {@value #DENSE_CELL_LIMIT} cells are arranged from the joint counts of all their variables,
   * counted once per variable set and cached: the test of x and y given z shares its counting with
   * y given x and z, x and z given y, and every other test on the same variables (PC at depth d
   * tests each set of d + 2 variables up to (d + 2)(d + 1)/2 ways). Larger tables are counted
   * sparsely and cached per unordered pair and conditioning set.
   */
  public StratifiedTable stratifiedTable(int x, int y, int[] conditioning) {
    int first = Math.min(x, y);
    int second = Math.max(x, y);
    int[] sorted = conditioning.clone();
    Arrays.sort(sorted);
    int[] variables =
        IntStream.concat(IntStream.of(first, second), Arrays.stream(sorted))
            .sorted()
            .distinct()
            .toArray();
    if (variables.length != sorted.length + 2) {
      throw new IllegalArgumentException(
          "a test needs two distinct variables and a conditioning set without them, got %d, %d given %s"
              .formatted(x, y, Arrays.toString(conditioning)));
    }
    long cells = 1;
    for (int variable : variables) {
      cells = Math.min(cells * cardinalities[variable], Long.MAX_VALUE / 128);
    }
    if (cells > DENSE_CELL_LIMIT) {
      return tableCache.computeIfAbsent(
          new TableKey(first, second, Arrays.stream(sorted).boxed().toList()),
          key -> withoutMissing(first, second, fromPreparedOrCount(first, second, sorted)));
    }
    return arrange(jointCounts(variables, (int) cells), variables, first, second);
  }

  /**
   * The counts of every combination of the sorted variables (the first varying slowest), unobserved
   * codes included, cached per variable set; from a prepared projection covering them when there is
   * one. The cache is filled outside the map's own computation since counting may recurse.
   */
  private double[] jointCounts(int[] variables, int cells) {
    List<Integer> key = Arrays.stream(variables).boxed().toList();
    double[] cached = jointCache.get(key);
    if (cached != null) {
      return cached;
    }
    double[] counts = null;
    for (Projection projection : preparedProjections.values()) {
      if (projection.covers(variables)) {
        counts = projection.data().jointCounts(variables, cells);
        break;
      }
    }
    if (counts == null) {
      counts = countJoint(variables, cells);
    }
    double[] raced = jointCache.putIfAbsent(key, counts);
    return raced == null ? counts : raced;
  }

  /**
   * Counts the joint table of the sorted variables. With whole-number weights (counts, bootstrap
   * multiplicities) every sum is exact in any order, so the table can be completed from fewer rows
   * (as an AD-tree leaves out each variable's most common value, Moore &amp; Lee 1998): of the
   * set's variables, take the one with the fewest rows off its most common code; count only those
   * rows, and fill the cells of the common code as the table of the other variables (cached, or
   * counted the same way) minus the other codes' cells. A code held by most people (a factor or
   * problem most people do not have) so leaves most rows unread. Fractional weights (per-family
   * weights) are counted over every row.
   */
  private double[] countJoint(int[] variables, int cells) {
    if (!completeFromRare) {
      return count(variables, cells, null);
    }
    int position = 0;
    OffCommon fewest = offCommon(variables[0]);
    for (int candidate = 1; candidate < variables.length; candidate++) {
      OffCommon off = offCommon(variables[candidate]);
      if (off.rows().length < fewest.rows().length) {
        fewest = off;
        position = candidate;
      }
    }
    if (fewest.rows().length > weights.length / RARE_SHARE) {
      return count(variables, cells, null);
    }
    int cardinality = cardinalities[variables[position]];
    int[] others = new int[variables.length - 1];
    for (int other = 0, next = 0; other < variables.length; other++) {
      if (other != position) {
        others[next++] = variables[other];
      }
    }
    double[] margin =
        others.length == 0 ? new double[] {totalWeight} : jointCounts(others, cells / cardinality);
    double[] joint = count(variables, cells, fewest.rows());
    int after = 1;
    for (int later = position + 1; later < variables.length; later++) {
      after *= cardinalities[variables[later]];
    }
    int before = cells / (cardinality * after);
    for (int high = 0; high < before; high++) {
      for (int low = 0; low < after; low++) {
        int first = high * cardinality * after + low;
        double rest = margin[high * after + low];
        for (int code = 0; code < cardinality; code++) {
          if (code != fewest.code()) {
            rest -= joint[first + code * after];
          }
        }
        joint[first + fewest.code() * after] = rest;
      }
    }
    return joint;
  }

  /** A variable's most common code (by patterns) and the patterns with another code, ascending. */
  private record OffCommon(int code, int[] rows) {}

  private OffCommon offCommon(int variable) {
    OffCommon off = offCommon.get(variable);
    if (off != null) {
      return off;
    }
    byte[] column = columns[variable];
    int[] patterns = new int[cardinalities[variable]];
    for (byte code : column) {
      patterns[code]++;
    }
    int common = 0;
    for (int code = 1; code < patterns.length; code++) {
      if (patterns[code] > patterns[common]) {
        common = code;
      }
    }
    int[] rows = new int[column.length - patterns[common]];
    for (int row = 0, next = 0; row < column.length; row++) {
      if (column[row] != common) {
        rows[next++] = row;
      }
    }
    offCommon.compareAndSet(variable, null, new OffCommon(common, rows));
    return offCommon.get(variable);
  }

  /**
   * The joint counts of the sorted variables laid out as x and y within the strata of the other
   * variables (in their sorted order, the first varying slowest), the cells where one of them is
   * unobserved emptied: a visit of each cell.
   */
  private StratifiedTable arrange(double[] joint, int[] variables, int x, int y) {
    int cardX = cardinalities[x];
    int cardY = cardinalities[y];
    int[] stride = new int[variables.length];
    int stratumStride = cardX * cardY;
    for (int position = variables.length - 1; position >= 0; position--) {
      int variable = variables[position];
      if (variable == x) {
        stride[position] = cardY;
      } else if (variable == y) {
        stride[position] = 1;
      } else {
        stride[position] = stratumStride;
        stratumStride *= cardinalities[variable];
      }
    }
    boolean withMissing =
        Arrays.stream(variables).anyMatch(variable -> missingCodes[variable] >= 0);
    double[] counts = new double[joint.length];
    int[] codes = new int[variables.length];
    int target = 0;
    for (int cell = 0; cell < joint.length; cell++) {
      counts[target] = withMissing && unobserved(codes, variables) ? 0 : joint[cell];
      for (int position = variables.length - 1; position >= 0; position--) {
        target += stride[position];
        if (++codes[position] < cardinalities[variables[position]]) {
          break;
        }
        target -= stride[position] * codes[position];
        codes[position] = 0;
      }
    }
    return new StratifiedTable(cardX, cardY, stratumStride / (cardX * cardY), counts);
  }

  private boolean unobserved(int[] codes, int[] variables) {
    for (int position = 0; position < variables.length; position++) {
      if (codes[position] == missingCodes[variables[position]]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Empties the cells of a sparse table ({@link #countSparse}) where x or y is unobserved; its
   * strata never hold an unobserved conditioning variable ({@link #countSparse} skips those rows).
   */
  private StratifiedTable withoutMissing(int x, int y, StratifiedTable table) {
    if (missingCodes[x] < 0 && missingCodes[y] < 0) {
      return table;
    }
    double[] counts = table.counts().clone();
    int cells = table.cardX() * table.cardY();
    for (int stratum = 0; stratum < table.strata(); stratum++) {
      for (int cellX = 0; cellX < table.cardX(); cellX++) {
        for (int cellY = 0; cellY < table.cardY(); cellY++) {
          if (cellX == missingCodes[x] || cellY == missingCodes[y]) {
            counts[stratum * cells + cellX * table.cardY() + cellY] = 0;
          }
        }
      }
    }
    return new StratifiedTable(table.cardX(), table.cardY(), table.strata(), counts);
  }

  /**
   * Hint that many tests of {@code anchor} against variables within {@code variables} follow (PC's
   * tests of one node within its neighbourhood), kept until {@link #release} or the next hint for
   * the same anchor. When the patterns projected on those variables (their distinct combinations,
   * weights summed) are at most three quarters as many, the projection is built once and later
   * tables within it are counted from it: a neighbourhood of twenty codes has far fewer distinct
   * combinations than sixty codes over a million people. (A dense joint table summed out per test
   * costs a visit of every cell, empty or not, each time; the projection holds only the
   * combinations that occur.) Data with whole-number weights ignores the hint: its tables are
   * completed from their rarest rows ({@link #countJoint}), cheaper than building projections.
   */
  public void prepareJoint(int anchor, int[] variables) {
    int[] sorted = Arrays.stream(variables).distinct().sorted().toArray();
    if (Arrays.binarySearch(sorted, anchor) < 0) {
      throw new IllegalArgumentException("anchor %d is not among the variables".formatted(anchor));
    }
    release(anchor);
    if (completeFromRare) {
      // Tables are counted from each set's rarest rows already: building the projection would
      // cost more than it saves.
      return;
    }
    Projection projection = project(sorted);
    if (projection != null) {
      preparedProjections.put(anchor, projection);
    }
  }

  /** Drops what {@link #prepareJoint} kept for {@code anchor}; tables already counted stay. */
  public void release(int anchor) {
    preparedProjections.remove(anchor);
  }

  private StratifiedTable fromPreparedOrCount(int x, int y, int[] sortedConditioning) {
    for (int anchor : new int[] {x, y}) {
      Projection projection = preparedProjections.get(anchor);
      if (projection != null && projection.covers(x, y, sortedConditioning)) {
        return projection.data().countSparse(x, y, sortedConditioning);
      }
    }
    return countSparse(x, y, sortedConditioning);
  }

  /**
   * The distinct combinations of the sorted variables with their summed weights, as data whose
   * other variables are absent, or null when that would not save three patterns in four, or when
   * the combinations do not fit a 63-bit key.
   */
  private Projection project(int[] sorted) {
    long combinations = 1;
    for (int variable : sorted) {
      if (combinations > Long.MAX_VALUE / cardinalities[variable]) {
        return null;
      }
      combinations *= cardinalities[variable];
    }
    int patterns = weights.length;
    long[] keys = new long[patterns];
    // Column by column: each pass streams one column, where a row at a time reads every column.
    for (int variable : sorted) {
      byte[] column = columns[variable];
      int radix = cardinalities[variable];
      for (int row = 0; row < patterns; row++) {
        keys[row] = keys[row] * radix + column[row];
      }
    }
    int[] ids = new int[patterns];
    int distinct = KeyNumbering.number(keys, ids);
    if (distinct > patterns / 4 * 3) {
      return null;
    }
    // Ids are numbered in the order of first occurrence: a new id is the next one.
    int[] first = new int[distinct];
    double[] summed = new double[distinct];
    int seen = 0;
    for (int row = 0; row < patterns; row++) {
      if (ids[row] == seen) {
        first[seen++] = row;
      }
      summed[ids[row]] += weights[row];
    }
    byte[][] projected = new byte[columns.length][];
    for (int variable : sorted) {
      projected[variable] = new byte[distinct];
      for (int id = 0; id < distinct; id++) {
        projected[variable][id] = columns[variable][first[id]];
      }
    }
    return new Projection(
        sorted, new DiscreteData(names, cardinalities, projected, summed, missingCodes, false));
  }

  /** Data projected on a few variables; only their columns exist. */
  private record Projection(int[] variables, DiscreteData data) {
    boolean covers(int x, int y, int[] sortedConditioning) {
      return covers(x, y) && covers(sortedConditioning);
    }

    boolean covers(int... tested) {
      return Arrays.stream(tested)
          .allMatch(variable -> Arrays.binarySearch(variables, variable) >= 0);
    }
  }

  /** How many tables were counted from the patterns so far; cache hits are not counted. */
  public long tablesCounted() {
    return tablesCounted.get();
  }

  /**
   * Counts over the variables in the given order, the first varying slowest, of the patterns {@code
   * rows} (ascending), or of every pattern when {@code rows} is null.
   */
  private double[] count(int[] order, int cells, int[] rows) {
    tablesCounted.incrementAndGet();
    int width = order.length;
    byte[][] used = new byte[width][];
    int[] radix = new int[width];
    for (int position = 0; position < width; position++) {
      used[position] = columns[order[position]];
      radix[position] = cardinalities[order[position]];
    }
    double[] counts = new double[cells];
    int size = rows == null ? weights.length : rows.length;
    // PC spends most of its time on two to four variables: unrolled, these loops run several
    // times faster than the general one. (The JIT compiles each loop twice, for every pattern and
    // for given ones, as rows is null or not throughout.)
    switch (width) {
      case 2 -> {
        byte[] first = used[0];
        byte[] second = used[1];
        int radixSecond = radix[1];
        for (int i = 0; i < size; i++) {
          int row = rows == null ? i : rows[i];
          counts[first[row] * radixSecond + second[row]] += weights[row];
        }
      }
      case 3 -> {
        byte[] first = used[0];
        byte[] second = used[1];
        byte[] third = used[2];
        int radixSecond = radix[1];
        int radixThird = radix[2];
        for (int i = 0; i < size; i++) {
          int row = rows == null ? i : rows[i];
          counts[(first[row] * radixSecond + second[row]) * radixThird + third[row]] +=
              weights[row];
        }
      }
      case 4 -> {
        byte[] first = used[0];
        byte[] second = used[1];
        byte[] third = used[2];
        byte[] fourth = used[3];
        int radixSecond = radix[1];
        int radixThird = radix[2];
        int radixFourth = radix[3];
        for (int i = 0; i < size; i++) {
          int row = rows == null ? i : rows[i];
          int index = ((first[row] * radixSecond + second[row]) * radixThird + third[row]);
          counts[index * radixFourth + fourth[row]] += weights[row];
        }
      }
      default -> {
        // The cells of a block of rows column by column (each pass reads one column), then their
        // weights added in row order.
        int[] cell = new int[Math.min(size, BLOCK_ROWS)];
        for (int start = 0; start < size; start += BLOCK_ROWS) {
          int end = Math.min(size, start + BLOCK_ROWS);
          Arrays.fill(cell, 0);
          for (int position = 0; position < width; position++) {
            byte[] column = used[position];
            int base = radix[position];
            for (int i = start; i < end; i++) {
              cell[i - start] = cell[i - start] * base + column[rows == null ? i : rows[i]];
            }
          }
          for (int i = start; i < end; i++) {
            counts[cell[i - start]] += weights[rows == null ? i : rows[i]];
          }
        }
      }
    }
    return counts;
  }

  // Too many possible strata for a dense array: number only the strata that occur.
  private StratifiedTable countSparse(int x, int y, int[] conditioning) {
    tablesCounted.incrementAndGet();
    int cardX = cardinalities[x];
    int cardY = cardinalities[y];
    int patterns = weights.length;
    Map<Long, Integer> ids = new HashMap<>();
    int[] stratumOf = new int[patterns];
    for (int row = 0; row < patterns; row++) {
      long key = 0;
      boolean missing = false;
      for (int variable : conditioning) {
        key = key * cardinalities[variable] + columns[variable][row];
        missing |= columns[variable][row] == missingCodes[variable];
      }
      if (missing) {
        stratumOf[row] = -1;
        continue;
      }
      Integer id = ids.get(key);
      if (id == null) {
        id = ids.size();
        ids.put(key, id);
      }
      stratumOf[row] = id;
    }
    int cells = cardX * cardY;
    double[] counts = new double[ids.size() * cells];
    byte[] columnX = columns[x];
    byte[] columnY = columns[y];
    for (int row = 0; row < patterns; row++) {
      if (stratumOf[row] >= 0) {
        counts[stratumOf[row] * cells + columnX[row] * cardY + columnY[row]] += weights[row];
      }
    }
    return new StratifiedTable(cardX, cardY, ids.size(), counts);
  }

  private record TableKey(int first, int second, List<Integer> conditioning) {}
}
