package org.rishe.analytics.impact.benchmark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.rishe.analytics.impact.ImpactSample;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;

/**
 * Reads the public programme-evaluation benchmarks (see {@code benchmarks/README.md}) into {@link
 * ImpactSample}s: LaLonde's NSW data with Dehejia & Wahba's (1999) covariates, and Rossi's
 * randomised recidivism trial. The outcome is 1978 earnings for NSW and re-arrest (0/1) for Rossi.
 */
public final class BenchmarkSamples {
  /** Dehejia & Wahba's propensity covariates, in their order; {@code u74} = no 1974 earnings. */
  public static final List<String> DEHEJIA_WAHBA_COVARIATES =
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
          "u75");

  public static final List<String> ROSSI_COVARIATES =
      List.of("age", "race", "wexp", "mar", "paro", "prio");

  private BenchmarkSamples() {}

  /**
   * The benchmark folder: system property {@code rishe.benchmarks}, else {@code
   * ../shared/benchmarks}, else {@code /work/shared/benchmarks}.
   */
  public static Path directory() {
    String configured = System.getProperty("rishe.benchmarks");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path candidate :
        List.of(Path.of("../shared/benchmarks"), Path.of("/work/shared/benchmarks"))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "benchmark data not found: no folder at -Drishe.benchmarks ("
            + configured
            + "), ../shared/benchmarks or /work/shared/benchmarks; set rishe.benchmarks to it");
  }

  /** The NSW experiment: 185 treated and 260 randomised controls. */
  public static ImpactSample lalondeExperimental(Path directory) {
    return dehejiaWahba(read(directory.resolve("lalonde/nsw_dw.csv")));
  }

  /** NSW treated against a non-experimental comparison group ("psid" or "cps"). */
  public static ImpactSample lalondeObservational(Path directory, String comparison) {
    requireNonNull(comparison, "comparison is null");
    List<Map<String, String>> rows = new ArrayList<>();
    Predicate<Map<String, String>> treated = row -> number(row, "treat") == 1;
    read(directory.resolve("lalonde/nsw_dw.csv")).stream().filter(treated).forEach(rows::add);
    rows.addAll(read(directory.resolve("lalonde/" + comparison + "_controls.csv")));
    return dehejiaWahba(rows);
  }

  /** Rossi et al.'s trial: financial aid ({@code fin}) against re-arrest within a year. */
  public static ImpactSample rossi(Path directory) {
    List<Map<String, String>> rows = read(directory.resolve("social/rossi_recidivism.csv"));
    boolean[] treated = new boolean[rows.size()];
    double[][] covariates = new double[rows.size()][];
    double[] outcomes = new double[rows.size()];
    for (int unit = 0; unit < rows.size(); unit++) {
      Map<String, String> row = rows.get(unit);
      treated[unit] = number(row, "fin") == 1;
      covariates[unit] = ROSSI_COVARIATES.stream().mapToDouble(name -> number(row, name)).toArray();
      outcomes[unit] = number(row, "arrest");
    }
    return new ImpactSample(ROSSI_COVARIATES, treated, covariates, outcomes);
  }

  private static ImpactSample dehejiaWahba(List<Map<String, String>> rows) {
    boolean[] treated = new boolean[rows.size()];
    double[][] covariates = new double[rows.size()][];
    double[] outcomes = new double[rows.size()];
    for (int unit = 0; unit < rows.size(); unit++) {
      Map<String, String> row = rows.get(unit);
      double age = number(row, "age");
      double education = number(row, "educ");
      double earnings74 = number(row, "re74");
      double earnings75 = number(row, "re75");
      treated[unit] = number(row, "treat") == 1;
      covariates[unit] =
          new double[] {
            age,
            age * age,
            education,
            education * education,
            number(row, "married"),
            number(row, "nodegree"),
            number(row, "black"),
            number(row, "hisp"),
            earnings74,
            earnings75,
            earnings74 * earnings74,
            earnings75 * earnings75,
            earnings74 == 0 ? 1 : 0,
            earnings75 == 0 ? 1 : 0
          };
      outcomes[unit] = number(row, "re78");
    }
    return new ImpactSample(DEHEJIA_WAHBA_COVARIATES, treated, covariates, outcomes);
  }

  private static double number(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("benchmark row has no value for " + column + ": " + row);
    }
    return Double.parseDouble(value);
  }

  private static List<Map<String, String>> read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(reader)) {
      List<String> header =
          csv.next()
              .map(CsvRecord::cells)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "benchmark file "
                              + file
                              + " is empty: restore it from the benchmarks README"));
      List<Map<String, String>> rows = new ArrayList<>();
      for (Optional<CsvRecord> record = csv.next(); record.isPresent(); record = csv.next()) {
        Map<String, String> row = new HashMap<>();
        for (int column = 0; column < header.size() && column < record.get().size(); column++) {
          row.put(header.get(column), record.get().cells().get(column));
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read benchmark file " + file, e);
    }
  }
}
