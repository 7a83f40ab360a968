package org.rishe.analytics.impact.benchmark;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Which functions of the LaLonde baseline variables enter the propensity model. The specification
 * belongs to the sample, not the estimator: Dehejia &amp; Wahba chose a different one for each
 * comparison group (by their balancing procedure), and publishing it next to the data keeps the
 * estimators free of benchmark-specific tuning. Terms are named after the CSV columns; {@code u74}
 * and {@code u75} flag zero earnings, {@code educ_re74} is the product of schooling and 1974
 * earnings.
 */
public record LalondeSpecification(String name, List<String> terms) {
  // Declared before the specifications below: their constructors validate against it.
  private static final Map<String, ToDoubleFunction<Map<String, String>>> TERMS =
      Map.ofEntries(
          Map.entry("age", row -> number(row, "age")),
          Map.entry("age_squared", row -> Math.pow(number(row, "age"), 2)),
          Map.entry("age_cubed", row -> Math.pow(number(row, "age"), 3)),
          Map.entry("educ", row -> number(row, "educ")),
          Map.entry("educ_squared", row -> Math.pow(number(row, "educ"), 2)),
          Map.entry("married", row -> number(row, "married")),
          Map.entry("nodegree", row -> number(row, "nodegree")),
          Map.entry("black", row -> number(row, "black")),
          Map.entry("hisp", row -> number(row, "hisp")),
          Map.entry("re74", row -> number(row, "re74")),
          Map.entry("re75", row -> number(row, "re75")),
          Map.entry("re74_squared", row -> Math.pow(number(row, "re74"), 2)),
          Map.entry("re75_squared", row -> Math.pow(number(row, "re75"), 2)),
          Map.entry("u74", row -> number(row, "re74") == 0 ? 1 : 0),
          Map.entry("u75", row -> number(row, "re75") == 0 ? 1 : 0),
          Map.entry("educ_re74", row -> number(row, "educ") * number(row, "re74")));

  /** The covariates listed in {@code benchmarks/README.md}, shared by both comparison groups. */
  public static final LalondeSpecification README =
      new LalondeSpecification(
          "readme",
          List.of(
              "age",
              "age_squared",
              "educ",
              "educ_squared",
              "married",
              "nodegree",
              "black",
              "hisp",
              "re74",
              "re75",
              "re74_squared",
              "re75_squared",
              "u74",
              "u75"));

  /**
   * Dehejia &amp; Wahba's published PSID propensity model (1999, Table 2 notes; 2002, Table 2):
   * adds the cube of age and the schooling-by-1974-earnings interaction to the README terms.
   */
  public static final LalondeSpecification DEHEJIA_WAHBA_PSID =
      new LalondeSpecification(
          "dehejia-wahba-psid",
          List.of(
              "age",
              "age_squared",
              "age_cubed",
              "educ",
              "educ_squared",
              "married",
              "nodegree",
              "black",
              "hisp",
              "re74",
              "re75",
              "re74_squared",
              "re75_squared",
              "u74",
              "u75",
              "educ_re74"));

  /** Dehejia &amp; Wahba's published CPS propensity model: as for PSID without squared earnings. */
  public static final LalondeSpecification DEHEJIA_WAHBA_CPS =
      new LalondeSpecification(
          "dehejia-wahba-cps",
          List.of(
              "age",
              "age_squared",
              "age_cubed",
              "educ",
              "educ_squared",
              "married",
              "nodegree",
              "black",
              "hisp",
              "re74",
              "re75",
              "u74",
              "u75",
              "educ_re74"));

  public LalondeSpecification {
    requireNonNull(name, "name is null");
    terms = List.copyOf(requireNonNull(terms, "terms is null"));
    for (String term : terms) {
      if (!TERMS.containsKey(term)) {
        throw new IllegalArgumentException(
            "unknown LaLonde covariate term '"
                + term
                + "' in specification "
                + name
                + ": use one of "
                + TERMS.keySet().stream().sorted().toList());
      }
    }
  }

  /** The term values of one CSV row, in {@link #terms()} order. */
  double[] values(Map<String, String> row) {
    return terms.stream().mapToDouble(term -> TERMS.get(term).applyAsDouble(row)).toArray();
  }

  static double number(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("benchmark row has no value for " + column + ": " + row);
    }
    return Double.parseDouble(value);
  }
}
