package org.rishe.common.contract;

import static org.rishe.common.contract.Field.optional;
import static org.rishe.common.contract.Field.optionalEnum;
import static org.rishe.common.contract.Field.required;
import static org.rishe.common.contract.Field.requiredEnum;
import static org.rishe.common.contract.FieldType.BOOLEAN;
import static org.rishe.common.contract.FieldType.CODE;
import static org.rishe.common.contract.FieldType.DATE;
import static org.rishe.common.contract.FieldType.DESIGNATION;
import static org.rishe.common.contract.FieldType.GEOMETRY;
import static org.rishe.common.contract.FieldType.IDENTIFIER;
import static org.rishe.common.contract.FieldType.INTEGER;
import static org.rishe.common.contract.FieldType.NUMBER;
import static org.rishe.common.contract.FieldType.SUBJECT;
import static org.rishe.common.contract.FieldType.TEXT;
import static org.rishe.common.contract.FieldType.TIMESTAMP;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The entity files of a batch (docs/data-contract.md, version 1), in the order they are loaded so
 * that every reference points at an entity loaded before it.
 */
public enum Entity {
  INDICATORS(
      List.of("code"),
      List.of(
          required("code", CODE),
          requiredEnum("kind", "problem", "factor", "outcome"),
          requiredEnum("value_type", "boolean", "number", "category"),
          optional("domain", TEXT),
          optional("label_en", TEXT),
          optional("label_fa", TEXT),
          optional("threshold", NUMBER),
          optionalEnum("direction", "below", "above").withDefault("below"),
          optional("causal_rank", INTEGER))),
  FAMILIES(
      List.of("family_id"),
      List.of(
          required("family_id", IDENTIFIER),
          required("region", TEXT),
          optional("household_size", INTEGER),
          optional("monthly_income", NUMBER),
          optionalEnum("housing", "owned", "rented", "informal", "homeless", "other"),
          required("registered_on", DATE))),
  PEOPLE(
      List.of("person_id"),
      List.of(
          required("person_id", IDENTIFIER),
          required("family_id", IDENTIFIER),
          optional("birth_date", DATE),
          optional("birth_year", INTEGER),
          optionalEnum("sex", "female", "male", "other", "unknown"),
          optionalEnum("relation", "child", "mother", "father", "guardian", "sibling", "other"),
          optionalEnum(
              "education_level",
              "none",
              "primary",
              "lower_secondary",
              "upper_secondary",
              "tertiary",
              "unknown"),
          required("registered_on", DATE),
          optional("consent_analytics", BOOLEAN).withDefault("true"))),
  PROGRAMS(
      List.of("program_id"),
      List.of(
          required("program_id", TEXT),
          required("name", TEXT),
          optionalEnum(
              "kind",
              "education_support",
              "vocational_training",
              "health",
              "psychosocial",
              "legal_aid",
              "food_aid",
              "cash_transfer",
              "housing",
              "other"),
          optional("target_problem", CODE),
          optional("started_on", DATE),
          optional("cost_per_participant", NUMBER),
          optional("follow_up_start_days", INTEGER),
          optional("follow_up_end_days", INTEGER))),
  CASES(
      List.of("case_id"),
      List.of(
          required("case_id", TEXT),
          required("person_id", IDENTIFIER),
          required("problem", CODE),
          required("opened_on", DATE),
          optional("closed_on", DATE),
          optionalEnum("status", "open", "resolved", "unresolved", "referred"),
          optionalEnum("severity", "low", "medium", "high", "critical"),
          optional("updated_at", TIMESTAMP))),
  OBSERVATIONS(
      List.of("subject_id", "indicator", "observed_on"),
      List.of(
          required("subject_id", IDENTIFIER),
          optionalEnum("subject_type", "person", "family").withDefault("person"),
          required("indicator", CODE),
          required("observed_on", DATE),
          required("value", TEXT))),
  ENROLLMENTS(
      List.of("enrollment_id"),
      List.of(
          required("enrollment_id", TEXT),
          required("person_id", IDENTIFIER),
          required("program_id", TEXT),
          required("enrolled_on", DATE),
          optional("exited_on", DATE),
          optionalEnum("exit_reason", "completed", "dropped", "transferred", "ongoing"))),
  NEEDS(
      List.of("need_id"),
      List.of(
          required("need_id", TEXT),
          required("subject", SUBJECT),
          requiredEnum(
              "kind",
              "school_fees",
              "school_supplies",
              "food",
              "medical",
              "rent",
              "utilities",
              "clothing",
              "other"),
          optional("amount", NUMBER),
          optional("currency", TEXT),
          optional("region", TEXT),
          optional("program_id", TEXT),
          required("opened_on", DATE),
          requiredEnum("status", "open", "pledged", "met", "withdrawn"),
          required("updated_at", TIMESTAMP))),
  DONATIONS(
      List.of("donation_id"),
      List.of(
          required("donation_id", TEXT),
          required("donor_id", IDENTIFIER),
          required("received_on", DATE),
          required("amount", NUMBER),
          required("currency", TEXT),
          optional("designation", DESIGNATION).withDefault("general"),
          optional("channel", TEXT))),
  AID_EVENTS(
      List.of("donation_id", "stage", "at"),
      List.of(
          required("donation_id", TEXT),
          requiredEnum(
              "stage",
              "pledged",
              "received",
              "allocated",
              "purchased",
              "dispatched",
              "delivered",
              "confirmed"),
          required("at", TIMESTAMP),
          optional("recipient_id", IDENTIFIER),
          optional("amount", NUMBER)),
      // free text that may name or locate a recipient: accepted, dropped as the file is read
      List.of("note")),
  VOLUNTEERS(
      List.of("volunteer_id"),
      List.of(
          required("volunteer_id", IDENTIFIER),
          optional("region", TEXT),
          optional("interests", TEXT),
          optional("joined_on", DATE))),
  /**
   * The regions catalogue: each region code that families, needs and volunteers use, with its place
   * name in both languages, the larger region it lies in and optionally its outline. Place names
   * are not personal data; the columns are {@code label_*} as in the indicator catalogue, since
   * {@code name_fa} is a personal identifier dropped from every file.
   */
  REGIONS(
      List.of("region"),
      List.of(
          required("region", TEXT),
          optional("label_en", TEXT),
          optional("label_fa", TEXT),
          optional("parent", TEXT),
          optional("geometry", GEOMETRY)));

  /** Columns that exports often carry and that must never be stored, logged or served. */
  public static final Set<String> PERSONAL_IDENTIFIERS =
      Set.of(
          "full_name",
          "first_name",
          "last_name",
          "national_id",
          "phone",
          "address",
          "email",
          "name_fa",
          "mobile",
          "passport",
          "passport_number");

  /** The optional tombstone column any entity file may carry. */
  public static final String DELETED_AT = "deleted_at";

  /** Journey order of aid stages. */
  public static final List<String> AID_STAGES =
      List.of(
          "pledged", "received", "allocated", "purchased", "dispatched", "delivered", "confirmed");

  private final List<String> key;
  private final List<Field> fields;
  private final List<String> droppedColumns;

  Entity(List<String> key, List<Field> fields) {
    this(key, fields, List.of());
  }

  Entity(List<String> key, List<Field> fields, List<String> droppedColumns) {
    this.key = key;
    this.fields = fields;
    this.droppedColumns = droppedColumns;
  }

  /** The file name without extension, e.g. {@code aid_events}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<String> key() {
    return key;
  }

  public List<Field> fields() {
    return fields;
  }

  /**
   * Columns of this entity's contract that a batch may carry but that are never stored: free text
   * that may name or locate a person (the {@code note} of {@code aid_events}). Like the {@link
   * #PERSONAL_IDENTIFIERS} they are dropped as the file is read, before a value can reach a table,
   * a log or quarantine, and are not among the {@link #fields()}.
   */
  public List<String> droppedColumns() {
    return droppedColumns;
  }

  /**
   * Whether a column of this entity's files is dropped at ingest: a personal identifier or one of
   * the {@link #droppedColumns()}, matched case-insensitively after trimming.
   */
  public boolean dropsColumn(String column) {
    return isPersonalIdentifier(column)
        || droppedColumns.contains(column.trim().toLowerCase(Locale.ROOT));
  }

  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public static Optional<Entity> fromFileName(String baseName) {
    for (Entity entity : values()) {
      if (entity.fileName().equals(baseName)) {
        return Optional.of(entity);
      }
    }
    return Optional.empty();
  }

  /** Whether a column name is a direct personal identifier that must be dropped at ingest. */
  public static boolean isPersonalIdentifier(String column) {
    return PERSONAL_IDENTIFIERS.contains(column.trim().toLowerCase(Locale.ROOT));
  }
}
