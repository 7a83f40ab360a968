package org.rishe.analytics.impact.benchmark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rishe.analytics.impact.ImpactSample;
import org.rishe.common.csv.CsvWriter;

/**
 * Writes a LaLonde sample (as read by {@link BenchmarkSamples}) as a batch in the input data
 * contract, so the benchmark can run through ingest and the impact job like any charity's data: one
 * family and one person per unit, one programme (the NSW demonstration), one enrollment per treated
 * unit, and observations of schooling, marital status, degree, ethnicity and 1974, 1975 and 1978
 * earnings. The batch carries its own {@code indicators} file for these codes. Birth year is
 * approximated as 1975 minus the age recorded at baseline.
 */
public final class LalondeBatchWriter {
  static final String PROGRAM_ID = "nsw";
  static final String EARNINGS_1978 = "earnings_1978";

  private LalondeBatchWriter() {}

  public static void write(ImpactSample sample, String region, Path folder) {
    requireNonNull(sample, "sample is null");
    requireNonNull(region, "region is null");
    requireNonNull(folder, "folder is null");
    if (!sample.covariateNames().equals(BenchmarkSamples.DEHEJIA_WAHBA_COVARIATES)) {
      throw new IllegalArgumentException(
          "expected a sample with Dehejia-Wahba covariates, got " + sample.covariateNames());
    }
    try {
      Files.createDirectories(folder);
      writeIndicators(folder.resolve("indicators.csv"));
      try (CsvWriter programs = open(folder.resolve("programs.csv"))) {
        programs.write("program_id", "name", "kind", "started_on");
        programs.write(
            PROGRAM_ID,
            "National Supported Work Demonstration",
            "vocational_training",
            "1976-01-01");
      }
      try (CsvWriter families = open(folder.resolve("families.csv"));
          CsvWriter people = open(folder.resolve("people.csv"));
          CsvWriter enrollments = open(folder.resolve("enrollments.csv"));
          CsvWriter observations = open(folder.resolve("observations.csv"))) {
        families.write("family_id", "region", "household_size", "registered_on");
        people.write("person_id", "family_id", "birth_year", "sex", "relation", "registered_on");
        enrollments.write(
            "enrollment_id", "person_id", "program_id", "enrolled_on", "exited_on", "exit_reason");
        observations.write("subject_id", "subject_type", "indicator", "observed_on", "value");
        for (int unit = 0; unit < sample.size(); unit++) {
          String person = region + "-p" + unit;
          String family = region + "-f" + unit;
          families.write(family, region, 1, "1975-01-01");
          people.write(
              person,
              family,
              1975 - (long) sample.covariate(unit, 0),
              "male",
              "other",
              "1975-01-01");
          if (sample.isTreated(unit)) {
            enrollments.write(
                region + "-e" + unit, person, PROGRAM_ID, "1976-01-01", "1977-12-31", "completed");
          }
          writeObservations(observations, person, sample, unit);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write batch to " + folder, e);
    }
  }

  private static void writeObservations(
      CsvWriter observations, String person, ImpactSample sample, int unit) {
    List<String> names = sample.covariateNames();
    observations.write(
        person,
        "person",
        "years_of_schooling",
        "1975-12-31",
        number(sample.covariate(unit, names.indexOf("educ"))));
    observations.write(
        person,
        "person",
        "married",
        "1975-12-31",
        flag(sample.covariate(unit, names.indexOf("married"))));
    observations.write(
        person,
        "person",
        "no_degree",
        "1975-12-31",
        flag(sample.covariate(unit, names.indexOf("nodegree"))));
    observations.write(
        person,
        "person",
        "black",
        "1975-12-31",
        flag(sample.covariate(unit, names.indexOf("black"))));
    observations.write(
        person,
        "person",
        "hispanic",
        "1975-12-31",
        flag(sample.covariate(unit, names.indexOf("hisp"))));
    observations.write(
        person,
        "person",
        "earnings_1974",
        "1974-12-31",
        number(sample.covariate(unit, names.indexOf("re74"))));
    observations.write(
        person,
        "person",
        "earnings_1975",
        "1975-12-31",
        number(sample.covariate(unit, names.indexOf("re75"))));
    observations.write(person, "person", EARNINGS_1978, "1978-12-31", number(sample.outcome(unit)));
  }

  private static void writeIndicators(Path file) throws IOException {
    try (CsvWriter indicators = open(file)) {
      indicators.write("code", "kind", "value_type", "domain", "label_en");
      indicators.write("years_of_schooling", "factor", "number", "education", "Years of schooling");
      indicators.write("married", "factor", "boolean", "family", "Married");
      indicators.write("no_degree", "factor", "boolean", "education", "No high-school degree");
      indicators.write("black", "factor", "boolean", "demography", "Black");
      indicators.write("hispanic", "factor", "boolean", "demography", "Hispanic");
      indicators.write(
          "earnings_1974", "factor", "number", "economy", "Earnings in 1974 (1982 US$)");
      indicators.write(
          "earnings_1975", "factor", "number", "economy", "Earnings in 1975 (1982 US$)");
      indicators.write(
          EARNINGS_1978, "outcome", "number", "economy", "Earnings in 1978 (1982 US$)");
    }
  }

  private static CsvWriter open(Path file) throws IOException {
    Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CsvWriter(writer);
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String flag(double value) {
    return value == 1 ? "true" : "false";
  }
}
