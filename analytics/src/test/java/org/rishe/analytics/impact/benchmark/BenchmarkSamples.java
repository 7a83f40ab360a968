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
  /** The README covariates (Dehejia & Wahba's common set); {@code u74} = no 1974 earnings. */
  public static final List<String> DEHEJIA_WAHBA_COVARIATES = LalondeSpecification.README.terms();

  public static final List<String> ROSSI_COVARIATES =
      List.of("age", "race", "wexp", "mar", "paro", "prio");

  private BenchmarkSamples() {}

  /**
   * The benchmark folder: system property {@code rishe.benchmarks} when set (not blank), else the
   * {@code benchmarks} folder of the repository, looked for in the working directory and its
   * parents (so it is found from the repository root and from a module folder alike).
   */
  public static Path directory() {
    String configured = System.getProperty("rishe.benchmarks");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isDirectory(path.resolve("lalonde"))) {
        throw new IllegalStateException(
            "no benchmark data at -Drishe.benchmarks="
                + configured
                + ": point it at the repository's benchmarks folder");
      }
      return path;
    }
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path candidate = folder.resolve("benchmarks");
      if (Files.isDirectory(candidate.resolve("lalonde"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "benchmark data not found: no benchmarks folder in "
            + Path.of("").toAbsolutePath()
            + " or its parents; run from the repository or set -Drishe.benchmarks");
  }

  /** The NSW experiment: 185 treated and 260 randomised controls, README covariates. */
  public static ImpactSample lalondeExperimental(Path directory) {
    return lalonde(read(directory.resolve("lalonde/nsw_dw.csv")), LalondeSpecification.README);
  }

  /** NSW treated against a comparison group ("psid" or "cps"), README covariates. */
  public static ImpactSample lalondeObservational(Path directory, String comparison) {
    return lalondeObservational(directory, comparison, LalondeSpecification.README);
  }

  /**
   * NSW treated against a non-experimental comparison group ("psid" or "cps"), with the propensity
   * covariates of {@code specification} (e.g. {@link LalondeSpecification#DEHEJIA_WAHBA_PSID}).
   */
  public static ImpactSample lalondeObservational(
      Path directory, String comparison, LalondeSpecification specification) {
    requireNonNull(comparison, "comparison is null");
    requireNonNull(specification, "specification is null");
    List<Map<String, String>> rows = new ArrayList<>();
    Predicate<Map<String, String>> treated = row -> number(row, "treat") == 1;
    read(directory.resolve("lalonde/nsw_dw.csv")).stream().filter(treated).forEach(rows::add);
    rows.addAll(read(directory.resolve("lalonde/" + comparison + "_controls.csv")));
    return lalonde(rows, specification);
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

  private static ImpactSample lalonde(
      List<Map<String, String>> rows, LalondeSpecification specification) {
    boolean[] treated = new boolean[rows.size()];
    double[][] covariates = new double[rows.size()][];
    double[] outcomes = new double[rows.size()];
    for (int unit = 0; unit < rows.size(); unit++) {
      Map<String, String> row = rows.get(unit);
      treated[unit] = number(row, "treat") == 1;
      covariates[unit] = specification.values(row);
      outcomes[unit] = number(row, "re78");
    }
    return new ImpactSample(specification.terms(), treated, covariates, outcomes);
  }

  private static double number(Map<String, String> row, String column) {
    return LalondeSpecification.number(row, column);
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
