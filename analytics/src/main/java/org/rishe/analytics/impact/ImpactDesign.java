package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

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
   * observed) and the outcome.
   */
  public record Unit(
      boolean treated,
      int age,
      String sex,
      String region,
      Map<String, Double> factors,
      double outcome) {
    public Unit {
      requireNonNull(sex, "sex is null");
      requireNonNull(region, "region is null");
      factors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    }
  }

  /** The sample of the given units, with factor columns in {@code factorCodes} order. */
  public static ImpactSample sample(List<Unit> units, List<String> factorCodes) {
    requireNonNull(units, "units is null");
    requireNonNull(factorCodes, "factorCodes is null");
    Map<String, double[]> columns = new LinkedHashMap<>();
    addContinuous(columns, "age", units.stream().map(unit -> (double) unit.age()).toList());
    columns.put("female", indicator(units, unit -> unit.sex().equals("female")));
    columns.put(
        "sex_other_or_unknown",
        indicator(units, unit -> !unit.sex().equals("female") && !unit.sex().equals("male")));
    String reference = mostCommonRegion(units);
    for (String region : new TreeMap<>(regionCounts(units)).keySet()) {
      if (!region.equals(reference)) {
        columns.put("region_" + region, indicator(units, unit -> unit.region().equals(region)));
      }
    }
    for (String code : factorCodes) {
      List<Double> values = units.stream().map(unit -> unit.factors().get(code)).toList();
      boolean binary = values.stream().allMatch(v -> v == null || v == 0 || v == 1);
      if (binary) {
        columns.put(code, values.stream().mapToDouble(v -> v == null ? 0 : v).toArray());
      } else {
        addContinuous(columns, code, values);
      }
      if (values.stream().anyMatch(v -> v == null)) {
        columns.put(
            code + "_missing", values.stream().mapToDouble(v -> v == null ? 1 : 0).toArray());
      }
    }
    addSkipPatterns(columns, units, factorCodes);
    columns.values().removeIf(ImpactDesign::constant);
    List<String> names = List.copyOf(columns.keySet());
    boolean[] treated = new boolean[units.size()];
    double[][] covariates = new double[units.size()][names.size()];
    double[] outcomes = new double[units.size()];
    for (int unit = 0; unit < units.size(); unit++) {
      treated[unit] = units.get(unit).treated();
      outcomes[unit] = units.get(unit).outcome();
      for (int column = 0; column < names.size(); column++) {
        covariates[unit][column] = columns.get(names.get(column))[unit];
      }
    }
    return new ImpactSample(names, treated, covariates, outcomes);
  }

  /** Adds {@code A_and_B_missing} for every skip pattern "B not asked when A is exposed". */
  private static void addSkipPatterns(
      Map<String, double[]> columns, List<Unit> units, List<String> factorCodes) {
    for (String skipper : factorCodes) {
      for (String skipped : factorCodes) {
        if (!skipper.equals(skipped) && isSkippedWhenExposed(units, skipper, skipped)) {
          columns.put(
              skipper + "_and_" + skipped + "_missing",
              indicator(
                  units,
                  unit ->
                      unit.factors().get(skipper) == null && unit.factors().get(skipped) == null));
        }
      }
    }
  }

  private static boolean isSkippedWhenExposed(List<Unit> units, String skipper, String skipped) {
    long exposed = 0;
    long exposedSkipped = 0;
    long unexposed = 0;
    long unexposedSkipped = 0;
    for (Unit unit : units) {
      Double value = unit.factors().get(skipper);
      boolean missing = unit.factors().get(skipped) == null;
      if (value == null) {
        continue;
      }
      if (value != 0 && value != 1) {
        return false;
      }
      if (value == 1) {
        exposed++;
        exposedSkipped += missing ? 1 : 0;
      } else {
        unexposed++;
        unexposedSkipped += missing ? 1 : 0;
      }
    }
    return exposed >= SKIP_MINIMUM
        && exposedSkipped >= SKIP_SHARE * exposed
        && unexposedSkipped < 0.5 * unexposed;
  }

  private static void addContinuous(Map<String, double[]> columns, String name, List<Double> raw) {
    double[] values = raw.stream().mapToDouble(v -> v == null ? 0 : v).toArray();
    columns.put(name, values);
    double[] squares = new double[values.length];
    long observed = raw.stream().filter(v -> v != null).count();
    long zeros = raw.stream().filter(v -> v != null && v == 0).count();
    boolean nonNegative = raw.stream().allMatch(v -> v == null || v >= 0);
    for (int unit = 0; unit < values.length; unit++) {
      squares[unit] = values[unit] * values[unit];
    }
    columns.put(name + "_squared", squares);
    if (nonNegative && observed > 0 && zeros >= ZERO_MASS_SHARE * observed) {
      double[] zero = new double[values.length];
      for (int unit = 0; unit < values.length; unit++) {
        zero[unit] = raw.get(unit) != null && raw.get(unit) == 0 ? 1 : 0;
      }
      columns.put(name + "_zero", zero);
    }
  }

  private static double[] indicator(List<Unit> units, java.util.function.Predicate<Unit> test) {
    return units.stream().mapToDouble(unit -> test.test(unit) ? 1 : 0).toArray();
  }

  private static Map<String, Long> regionCounts(List<Unit> units) {
    Map<String, Long> counts = new TreeMap<>();
    units.forEach(unit -> counts.merge(unit.region(), 1L, Long::sum));
    return counts;
  }

  /** The most common region (ties: the first by name), the reference level of the dummies. */
  private static String mostCommonRegion(List<Unit> units) {
    return regionCounts(units).entrySet().stream()
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
