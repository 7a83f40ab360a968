package org.rishe.generator;

import java.util.List;

/**
 * The entity files the generator writes, with their header and the columns that the dirty-row
 * injector may break. A column index of -1 means the file has no such column.
 */
enum EntityFile {
  FAMILIES(
      "families",
      true,
      5,
      -1,
      -1,
      "family_id",
      "region",
      "household_size",
      "monthly_income",
      "housing",
      "registered_on"),
  PEOPLE(
      "people",
      true,
      8,
      -1,
      1,
      "person_id",
      "family_id",
      "full_name",
      "national_id",
      "birth_date",
      "sex",
      "relation",
      "education_level",
      "registered_on",
      "consent_analytics"),
  CASES(
      "cases",
      true,
      3,
      2,
      1,
      "case_id",
      "person_id",
      "problem",
      "opened_on",
      "closed_on",
      "status",
      "severity",
      "updated_at"),
  OBSERVATIONS(
      "observations",
      false,
      3,
      2,
      0,
      "subject_id",
      "subject_type",
      "indicator",
      "observed_on",
      "value"),
  PROGRAMS(
      "programs",
      true,
      4,
      3,
      -1,
      "program_id",
      "name",
      "kind",
      "target_problem",
      "started_on",
      "cost_per_participant"),
  ENROLLMENTS(
      "enrollments",
      true,
      3,
      -1,
      1,
      "enrollment_id",
      "person_id",
      "program_id",
      "enrolled_on",
      "exited_on",
      "exit_reason"),
  NEEDS(
      "needs",
      true,
      7,
      -1,
      -1,
      "need_id",
      "subject",
      "kind",
      "amount",
      "currency",
      "region",
      "program_id",
      "opened_on",
      "status",
      "updated_at"),
  DONATIONS(
      "donations",
      true,
      2,
      -1,
      -1,
      "donation_id",
      "donor_id",
      "received_on",
      "amount",
      "currency",
      "designation",
      "channel"),
  AID_EVENTS(
      "aid_events",
      false,
      2,
      -1,
      0,
      "donation_id",
      "stage",
      "at",
      "recipient_id",
      "amount",
      "note"),
  VOLUNTEERS("volunteers", true, 3, -1, -1, "volunteer_id", "region", "interests", "joined_on");

  private final String fileName;
  private final boolean singleKey;
  private final int dateColumn;
  private final int indicatorColumn;
  private final int referenceColumn;
  private final List<String> header;

  EntityFile(
      String name,
      boolean singleKey,
      int dateColumn,
      int indicatorColumn,
      int referenceColumn,
      String... header) {
    this.fileName = name + ".csv";
    this.singleKey = singleKey;
    this.dateColumn = dateColumn;
    this.indicatorColumn = indicatorColumn;
    this.referenceColumn = referenceColumn;
    this.header = List.of(header);
  }

  String fileName() {
    return fileName;
  }

  /** True when the first column alone is the key; false for composite keys. */
  boolean singleKey() {
    return singleKey;
  }

  int dateColumn() {
    return dateColumn;
  }

  int indicatorColumn() {
    return indicatorColumn;
  }

  int referenceColumn() {
    return referenceColumn;
  }

  List<String> header() {
    return header;
  }
}
