package org.rishe.analytics.impact.benchmark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;
import org.rishe.common.csv.CsvWriter;

/**
 * Writes Rossi, Berk &amp; Lenihan's recidivism trial ({@code social/rossi_recidivism.csv}) as a
 * batch in the input data contract: one family and one person per released prisoner, one programme
 * (the financial aid), one enrollment per prisoner given aid ({@code fin = 1}), baseline
 * observations (race, work experience, marriage, parole, prior convictions) and the outcome {@code
 * rearrested} (arrest within the 52 weeks). The file has no dates, so every prisoner registers on
 * 1970-12-01, is released (index date) on 1971-01-01, and is observed for re-arrest 364 days later;
 * birth year is 1970 minus the age at release, read by analytics as a 1 July birthday.
 */
public final class RossiBatchWriter {
  static final String PROGRAM_ID = "financial_aid";
  static final String REARRESTED = "rearrested";
  private static final String BASELINE = "1970-12-31";

  private RossiBatchWriter() {}

  public static void write(Path benchmarks, Path folder) {
    requireNonNull(benchmarks, "benchmarks is null");
    requireNonNull(folder, "folder is null");
    Path source = benchmarks.resolve("social/rossi_recidivism.csv");
    try (Reader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(reader)) {
      List<String> header =
          csv.next()
              .map(CsvRecord::cells)
              .orElseThrow(
                  () -> new IllegalArgumentException("benchmark file is empty: " + source));
      Files.createDirectories(folder);
      writeIndicators(folder.resolve("indicators.csv"));
      try (CsvWriter programs = open(folder.resolve("programs.csv"))) {
        programs.write("program_id", "name", "kind", "started_on");
        programs.write(
            PROGRAM_ID, "Financial aid on release (TARP)", "cash_transfer", "1971-01-01");
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
        int unit = 0;
        for (Optional<CsvRecord> record = csv.next(); record.isPresent(); record = csv.next()) {
          List<String> cells = record.get().cells();
          String person = "rossi-p" + unit;
          String family = "rossi-f" + unit;
          families.write(family, "rossi", 1, "1970-12-01");
          people.write(
              person,
              family,
              1970 - Long.parseLong(cell(header, cells, "age")),
              "male",
              "other",
              "1970-12-01");
          if (cell(header, cells, "fin").equals("1")) {
            enrollments.write(
                "rossi-e" + unit, person, PROGRAM_ID, "1971-01-01", "1971-12-31", "completed");
          }
          observations.write(person, "person", "black", BASELINE, flag(header, cells, "race"));
          observations.write(
              person, "person", "work_experience", BASELINE, flag(header, cells, "wexp"));
          observations.write(person, "person", "married", BASELINE, flag(header, cells, "mar"));
          observations.write(person, "person", "parole", BASELINE, flag(header, cells, "paro"));
          observations.write(
              person, "person", "prior_convictions", BASELINE, cell(header, cells, "prio"));
          observations.write(
              person, "person", REARRESTED, "1971-12-31", flag(header, cells, "arrest"));
          unit++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot convert " + source + " into a batch at " + folder, e);
    }
  }

  private static void writeIndicators(Path file) throws IOException {
    try (CsvWriter indicators = open(file)) {
      indicators.write("code", "kind", "value_type", "domain", "label_en");
      indicators.write("black", "factor", "boolean", "demography", "Black");
      indicators.write("work_experience", "factor", "boolean", "economy", "Full-time work before");
      indicators.write("married", "factor", "boolean", "family", "Married");
      indicators.write("parole", "factor", "boolean", "legal", "Released on parole");
      indicators.write("prior_convictions", "factor", "number", "legal", "Prior convictions");
      indicators.write(REARRESTED, "outcome", "boolean", "legal", "Re-arrested");
    }
  }

  private static String cell(List<String> header, List<String> cells, String column) {
    int position = header.indexOf(column);
    if (position < 0 || position >= cells.size() || cells.get(position).isBlank()) {
      throw new IllegalArgumentException("Rossi row has no value for " + column + ": " + cells);
    }
    return cells.get(position).trim();
  }

  private static String flag(List<String> header, List<String> cells, String column) {
    return cell(header, cells, column).equals("1") ? "true" : "false";
  }

  private static CsvWriter open(Path file) throws IOException {
    Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CsvWriter(writer);
  }
}
