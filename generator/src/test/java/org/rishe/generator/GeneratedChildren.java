package org.rishe.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The children of a generated batch as a researcher would first see them: per child, the first
 * observed value of each indicator (own or family's), the cases and the programme enrolments. Built
 * straight from the CSV files, with nothing taken from the generator's internals.
 */
final class GeneratedChildren {
  final Map<String, String> familyOf = new HashMap<>();
  final Set<String> children = new HashSet<>();

  /** subject id -> indicator -> [first date, value at that date]. */
  private final Map<String, Map<String, String[]>> first = new HashMap<>();

  /** person id -> problem -> first opening date. */
  final Map<String, Map<String, LocalDate>> cases = new HashMap<>();

  /** program id -> enrolled person ids. */
  final Map<String, Set<String>> enrolled = new HashMap<>();

  GeneratedChildren(Path batch) {
    Table people = Table.read(batch.resolve("people.csv"));
    for (List<String> row : people.rows()) {
      String person = people.value(row, "person_id");
      familyOf.put(person, people.value(row, "family_id"));
      if (people.value(row, "relation").equals("child")) {
        children.add(person);
      }
    }
    Table observations = Table.read(batch.resolve("observations.csv"));
    for (List<String> row : observations.rows()) {
      String[] dated = {observations.value(row, "observed_on"), observations.value(row, "value")};
      first
          .computeIfAbsent(observations.value(row, "subject_id"), key -> new HashMap<>())
          .merge(
              observations.value(row, "indicator"),
              dated,
              (old, candidate) -> candidate[0].compareTo(old[0]) < 0 ? candidate : old);
    }
    Table caseTable = Table.read(batch.resolve("cases.csv"));
    for (List<String> row : caseTable.rows()) {
      cases
          .computeIfAbsent(caseTable.value(row, "person_id"), key -> new HashMap<>())
          .merge(
              caseTable.value(row, "problem"),
              LocalDate.parse(caseTable.value(row, "opened_on")),
              (a, b) -> a.isBefore(b) ? a : b);
    }
    Table enrollments = Table.read(batch.resolve("enrollments.csv"));
    for (List<String> row : enrollments.rows()) {
      enrolled
          .computeIfAbsent(enrollments.value(row, "program_id"), key -> new HashSet<>())
          .add(enrollments.value(row, "person_id"));
    }
  }

  /** The first observation of an indicator for a child, its own or else its family's; or null. */
  String[] firstObservation(String child, String indicator) {
    String[] own = first.getOrDefault(child, Map.of()).get(indicator);
    return own != null ? own : first.getOrDefault(familyOf.get(child), Map.of()).get(indicator);
  }

  /** The first observed exposure (true/false), or null when missing or never observed. */
  Boolean exposure(String child, String indicator) {
    String[] observed = firstObservation(child, indicator);
    if (observed == null) {
      return null;
    }
    return switch (observed[1]) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        if (indicator.equals("household_income") && Character.isDigit(observed[1].charAt(0))) {
          yield Double.parseDouble(observed[1]) < 300.0;
        }
        if (indicator.equals("school_absence_days") && Character.isDigit(observed[1].charAt(0))) {
          yield Double.parseDouble(observed[1]) > 20.0;
        }
        yield null;
      }
    };
  }

  /** The child's own outcome value, or null when missing or never observed. */
  Double number(String child, String indicator) {
    String[] observed = first.getOrDefault(child, Map.of()).get(indicator);
    if (observed == null) {
      return null;
    }
    return switch (observed[1]) {
      case "true" -> 1.0;
      case "false" -> 0.0;
      case "unknown", "refused", "not_collected" -> null;
      default -> Double.parseDouble(observed[1]);
    };
  }
}
