package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the rows of one analysis frame (one programme and outcome) into an {@link ImpactSample}:
 * the covariate coding every programme evaluation shares, so the propensity model is chosen by rule
 * rather than by hand per programme.
 *
 * <ul>
 *   <li>Age enters with its square; sex as indicators for female and for other/unknown; region as
 *       indicators for every region but the most common one.
 *   <li>A factor whose observed values are all 0 or 1 (booleans and thresholded numbers) enters as
 *       that indicator. Any other number enters with its square, and with an indicator of zero when
 *       at least 5% of the values are exactly zero: a point mass such as "no earnings" is a
 *       different state, not just a small amount (Dehejia &amp; Wahba's u74 and u75).
 *   <li>A factor not observed before the index date is set to 0 and flagged by a {@code _missing}
 *       indicator (the missing-indicator method), so nobody is dropped for an unasked question.
 *   <li>A question skipped because of another answer (skip logic: school absence is not asked of
 *       children out of school) makes "both unknown" a state of its own. Where a factor B is
 *       missing for at least 95% of the units exposed to a 0/1 factor A (and for under half of
 *       those unexposed), {@code A_and_B_missing} flags the units missing both: among them B's
 *       absence hints that A is exposed, which the two separate indicators, added up, cannot say.
 *       Without it a confounder known only through the skip pattern stays confounded.
 *   <li>Columns that do not vary are left out: they carry no information and their balance is
 *       undefined.
 * </ul>
 *
 * On the LaLonde batch this rule yields exactly Dehejia &amp; Wahba's covariates.
 */
public final class ImpactDesign {
  static final double ZERO_MASS_SHARE = 0.05;
  static final double SKIP_SHARE = 0.95;
  static final int SKIP_MINIMUM = 20;

  private ImpactDesign() {}

  /**
   * One unit of the frame: treated or not, demographics, the factor values by code (null when not
   * observed), the outcome and the family (the cluster of its variance; null: a family of its own).
   */
  public record Unit(
      boolean treated,
      int age,
      String sex,
      String region,
      Map<String, Double> factors,
      double outcome,
      String family) {
    public Unit {
      requireNonNull(sex, "sex is null");
      requireNonNull(region, "region is null");
      factors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    }

    /** A unit that is a family of its own. */
    public Unit(
        boolean treated,
        int age,
        String sex,
        String region,
        Map<String, Double> factors,
        double outcome) {
      this(treated, age, sex, region, factors, outcome, null);
    }
  }

  /**
   * The units of one sample held column by column: a unit costs its primitive values (about 8 bytes
   * per factor), not a record with a map, so a programme of a million children fits an executor's
   * memory. Factor values are NaN where not observed; a null family is a family of its own; sex and
   * region strings are shared between units.
   */
  public static final class Columns {
    private final int factorCount;
    private final Map<String, String> shared = new java.util.HashMap<>();
    private boolean[] treated;
    private int[] ages;
    private String[] sexes;
    private String[] regions;
    private double[][] factors;
    private double[] outcomes;
    private String[] families;
    private int size;

    public Columns(int factorCount) {
      this(factorCount, 16);
    }

    private Columns(int factorCount, int capacity) {
      this.factorCount = factorCount;
      this.factors = new double[factorCount][capacity];
      this.treated = new boolean[capacity];
      this.ages = new int[capacity];
      this.sexes = new String[capacity];
      this.regions = new String[capacity];
      this.outcomes = new double[capacity];
      this.families = new String[capacity];
    }

    /** Adds a unit; {@code factorValues[i]} is factor i's value, NaN when not observed. */
    public void add(
        boolean isTreated,
        int age,
        String sex,
        String region,
        double[] factorValues,
        double outcome,
        String family) {
      requireNonNull(sex, "sex is null");
      requireNonNull(region, "region is null");
      if (size == outcomes.length) {
        int grown = size * 2;
        treated = Arrays.copyOf(treated, grown);
        ages = Arrays.copyOf(ages, grown);
        sexes = Arrays.copyOf(sexes, grown);
        regions = Arrays.copyOf(regions, grown);
        outcomes = Arrays.copyOf(outcomes, grown);
        families = Arrays.copyOf(families, grown);
        for (int factor = 0; factor < factorCount; factor++) {
          factors[factor] = Arrays.copyOf(factors[factor], grown);
        }
      }
      treated[size] = isTreated;
      ages[size] = age;
      sexes[size] = shared.computeIfAbsent(sex, key -> key);
      regions[size] = shared.computeIfAbsent(region, key -> key);
      for (int factor = 0; factor < factorCount; factor++) {
        factors[factor][size] = factorValues[factor];
      }
      outcomes[size] = outcome;
      families[size] = family;
      size++;
    }

    public int size() {
      return size;
    }

    /**
     * The same units in the given order ({@code order[i]} is the unit to put at i), in arrays of
     * exactly that size: a group of a million units is copied once, column by column, not grown.
     */
    public Columns reordered(int[] order) {
      Columns sorted = new Columns(factorCount, Math.max(1, order.length));
      for (int i = 0; i < order.length; i++) {
        int unit = order[i];
        sorted.treated[i] = treated[unit];
        sorted.ages[i] = ages[unit];
        sorted.sexes[i] = sexes[unit];
        sorted.regions[i] = regions[unit];
        sorted.outcomes[i] = outcomes[unit];
        sorted.families[i] = families[unit];
      }
      for (int factor = 0; factor < factorCount; factor++) {
        double[] from = factors[factor];
        double[] to = sorted.factors[factor];
        for (int i = 0; i < order.length; i++) {
          to[i] = from[order[i]];
        }
      }
      sorted.size = order.length;
      sorted.shared.putAll(shared);
      return sorted;
    }
  }

  /** The sample of the given units, with factor columns in {@code factorCodes} order. */
  public static ImpactSample sample(List<Unit> units, List<String> factorCodes) {
    requireNonNull(units, "units is null");
    requireNonNull(factorCodes, "factorCodes is null");
    Columns columns = new Columns(factorCodes.size());
    double[] values = new double[factorCodes.size()];
    for (Unit unit : units) {
      for (int factor = 0; factor < values.length; factor++) {
        Double value = unit.factors().get(factorCodes.get(factor));
        values[factor] = value == null ? Double.NaN : value;
      }
      columns.add(
          unit.treated(),
          unit.age(),
          unit.sex(),
          unit.region(),
          values,
          unit.outcome(),
          unit.family());
    }
    return sample(columns, factorCodes);
  }

  /** The sample of units given column by column ({@link Columns}), factors in that order. */
  public static ImpactSample sample(Columns units, List<String> factorCodes) {
    requireNonNull(units, "units is null");
    requireNonNull(factorCodes, "factorCodes is null");
    if (factorCodes.size() != units.factorCount) {
      throw new IllegalArgumentException(
          "%d factor codes for units with %d factors"
              .formatted(factorCodes.size(), units.factorCount));
    }
    int size = units.size;
    Map<String, double[]> columns = new LinkedHashMap<>();
    double[] ages = new double[size];
    double[] female = new double[size];
    double[] otherSex = new double[size];
    for (int unit = 0; unit < size; unit++) {
      ages[unit] = units.ages[unit];
      String sex = units.sexes[unit];
      female[unit] = sex.equals("female") ? 1 : 0;
      otherSex[unit] = !sex.equals("female") && !sex.equals("male") ? 1 : 0;
    }
    addContinuous(columns, "age", ages);
    columns.put("female", female);
    columns.put("sex_other_or_unknown", otherSex);
    Map<String, Long> regionCounts = new TreeMap<>();
    for (int unit = 0; unit < size; unit++) {
      regionCounts.merge(units.regions[unit], 1L, Long::sum);
    }
    String reference = mostCommonRegion(regionCounts);
    for (String region : regionCounts.keySet()) {
      if (!region.equals(reference)) {
        double[] indicator = new double[size];
        for (int unit = 0; unit < size; unit++) {
          indicator[unit] = units.regions[unit].equals(region) ? 1 : 0;
        }
        columns.put("region_" + region, indicator);
      }
    }
    // Each factor's values as one array, NaN where not observed, so the checks below (some over
    // every pair of factors) cost array passes.
    double[][] factors = new double[factorCodes.size()][];
    boolean[] binary = new boolean[factorCodes.size()];
    for (int factor = 0; factor < factorCodes.size(); factor++) {
      String code = factorCodes.get(factor);
      double[] values = Arrays.copyOf(units.factors[factor], size);
      factors[factor] = values;
      binary[factor] = Arrays.stream(values).allMatch(v -> Double.isNaN(v) || v == 0 || v == 1);
      if (binary[factor]) {
        columns.put(code, Arrays.stream(values).map(v -> Double.isNaN(v) ? 0 : v).toArray());
      } else {
        addContinuous(columns, code, values);
      }
      if (Arrays.stream(values).anyMatch(Double::isNaN)) {
        columns.put(
            code + "_missing", Arrays.stream(values).map(v -> Double.isNaN(v) ? 1 : 0).toArray());
      }
    }
    addSkipPatterns(columns, factorCodes, factors, binary);
    columns.values().removeIf(ImpactDesign::constant);
    List<String> names = List.copyOf(columns.keySet());
    boolean[] treated = Arrays.copyOf(units.treated, size);
    double[] outcomes = Arrays.copyOf(units.outcomes, size);
    int[] clusters = new int[size];
    Map<String, Integer> families = new java.util.HashMap<>();
    for (int unit = 0; unit < size; unit++) {
      String family = units.families[unit];
      // a unit without a family is a cluster of its own: numbered past every family's number
      clusters[unit] =
          family == null ? size + unit : families.computeIfAbsent(family, key -> families.size());
    }
    return ImpactSample.ofColumns(
        names,
        treated,
        names.stream().map(columns::get).toArray(double[][]::new),
        outcomes,
        clusters);
  }

  /**
   * Adds {@code A_and_B_missing} for every skip pattern "B not asked when A is exposed". {@code
   * factors} holds each factor's values (NaN when not observed), {@code binary} whether they are
   * all 0 or 1. Every ordered pair of factors is checked; the counts are taken over bit sets (a
   * word holds 64 units), so the pairs cost a pass over words rather than over units.
   */
  private static void addSkipPatterns(
      Map<String, double[]> columns,
      List<String> factorCodes,
      double[][] factors,
      boolean[] binary) {
    int size = factors.length == 0 ? 0 : factors[0].length;
    long[][] missing = new long[factors.length][];
    for (int factor = 0; factor < factors.length; factor++) {
      missing[factor] = bits(factors[factor], size, Double::isNaN);
    }
    for (int skipper = 0; skipper < factors.length; skipper++) {
      if (!binary[skipper]) {
        continue;
      }
      long[] exposed = bits(factors[skipper], size, value -> value == 1);
      long[] unexposed = bits(factors[skipper], size, value -> value == 0);
      long exposedCount = cardinality(exposed);
      long unexposedCount = cardinality(unexposed);
      for (int skipped = 0; skipped < factors.length; skipped++) {
        if (skipper != skipped
            && isSkippedWhenExposed(
                exposedCount,
                overlap(exposed, missing[skipped]),
                unexposedCount,
                overlap(unexposed, missing[skipped]))) {
          double[] first = factors[skipper];
          double[] second = factors[skipped];
          double[] both = new double[first.length];
          for (int unit = 0; unit < both.length; unit++) {
            both[unit] = Double.isNaN(first[unit]) && Double.isNaN(second[unit]) ? 1 : 0;
          }
          columns.put(
              factorCodes.get(skipper) + "_and_" + factorCodes.get(skipped) + "_missing", both);
        }
      }
    }
  }

  /**
   * Whether B is missing for most units exposed to the 0/1 factor A: at least {@link #SKIP_MINIMUM}
   * exposed, B missing for at least {@link #SKIP_SHARE} of them and for under half of the
   * unexposed. Units with A not observed count in neither group.
   */
  private static boolean isSkippedWhenExposed(
      long exposed, long exposedSkipped, long unexposed, long unexposedSkipped) {
    return exposed >= SKIP_MINIMUM
        && exposedSkipped >= SKIP_SHARE * exposed
        && unexposedSkipped < 0.5 * unexposed;
  }

  /** The units whose value passes {@code test}, as a bit set of {@code size} bits. */
  private static long[] bits(double[] values, int size, java.util.function.DoublePredicate test) {
    long[] words = new long[(size + 63) >>> 6];
    for (int unit = 0; unit < size; unit++) {
      if (test.test(values[unit])) {
        words[unit >>> 6] |= 1L << unit;
      }
    }
    return words;
  }

  private static long cardinality(long[] words) {
    long count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return count;
  }

  private static long overlap(long[] left, long[] right) {
    long count = 0;
    for (int word = 0; word < left.length; word++) {
      count += Long.bitCount(left[word] & right[word]);
    }
    return count;
  }

  /** A number with its square and, for a point mass at zero, a zero indicator; NaN is missing. */
  private static void addContinuous(Map<String, double[]> columns, String name, double[] raw) {
    double[] values = Arrays.stream(raw).map(v -> Double.isNaN(v) ? 0 : v).toArray();
    columns.put(name, values);
    double[] squares = new double[values.length];
    long observed = Arrays.stream(raw).filter(v -> !Double.isNaN(v)).count();
    long zeros = Arrays.stream(raw).filter(v -> v == 0).count();
    boolean nonNegative = Arrays.stream(raw).allMatch(v -> Double.isNaN(v) || v >= 0);
    for (int unit = 0; unit < values.length; unit++) {
      squares[unit] = values[unit] * values[unit];
    }
    columns.put(name + "_squared", squares);
    if (nonNegative && observed > 0 && zeros >= ZERO_MASS_SHARE * observed) {
      columns.put(name + "_zero", Arrays.stream(raw).map(v -> v == 0 ? 1 : 0).toArray());
    }
  }

  /** The most common region (ties: the first by name), the reference level of the dummies. */
  private static String mostCommonRegion(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .max(
            Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey)
        .orElse("");
  }

  private static boolean constant(double[] values) {
    for (double value : values) {
      if (value != values[0]) {
        return false;
      }
    }
    return true;
  }
}
