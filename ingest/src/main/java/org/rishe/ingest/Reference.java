package org.rishe.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.rishe.common.contract.Entity;

/**
 * A reference from a field of one entity to the key of stored records: the expression giving the
 * referenced key (null where the row refers to nothing) and the entities whose keys it may name.
 */
public record Reference(String field, Column key, List<Entity> targets) {
  public Reference {
    requireNonNull(field, "field is null");
    requireNonNull(key, "key is null");
    targets = List.copyOf(targets);
  }

  /** Every reference the contract declares for an entity, checked against stored keys. */
  public static List<Reference> of(Entity entity) {
    return switch (entity) {
      case PEOPLE ->
          List.of(new Reference("family_id", col("family_id"), List.of(Entity.FAMILIES)));
      case CASES -> List.of(new Reference("person_id", col("person_id"), List.of(Entity.PEOPLE)));
      case OBSERVATIONS ->
          List.of(
              new Reference(
                  "subject_id",
                  when(col("subject_type").equalTo("person"), col("subject_id")),
                  List.of(Entity.PEOPLE)),
              new Reference(
                  "subject_id",
                  when(col("subject_type").equalTo("family"), col("subject_id")),
                  List.of(Entity.FAMILIES)));
      case ENROLLMENTS ->
          List.of(
              new Reference("person_id", col("person_id"), List.of(Entity.PEOPLE)),
              new Reference("program_id", col("program_id"), List.of(Entity.PROGRAMS)));
      case NEEDS ->
          List.of(
              new Reference("subject", targeted("subject", "family"), List.of(Entity.FAMILIES)),
              new Reference("subject", targeted("subject", "person"), List.of(Entity.PEOPLE)),
              new Reference("program_id", col("program_id"), List.of(Entity.PROGRAMS)));
      case DONATIONS ->
          List.of(
              new Reference("designation", designated("program"), List.of(Entity.PROGRAMS)),
              new Reference("designation", designated("family"), List.of(Entity.FAMILIES)),
              new Reference("designation", designated("person"), List.of(Entity.PEOPLE)),
              new Reference("designation", designated("need"), List.of(Entity.NEEDS)));
      case AID_EVENTS ->
          List.of(
              new Reference("donation_id", col("donation_id"), List.of(Entity.DONATIONS)),
              new Reference(
                  "recipient_id", col("recipient_id"), List.of(Entity.FAMILIES, Entity.PEOPLE)));
      case INDICATORS, FAMILIES, PROGRAMS, VOLUNTEERS -> List.of();
      // a region's parent is another region, of this batch or stored (IngestTransforms.check)
      case REGIONS -> List.of(new Reference("parent", col("parent"), List.of(Entity.REGIONS)));
    };
  }

  private static Column designated(String kind) {
    return targeted("designation", kind);
  }

  /** The id after {@code kind:} in a {@code kind:<id>} column, null for another kind. */
  private static Column targeted(String column, String kind) {
    String prefix = kind + ":";
    return when(
        col(column).startsWith(prefix),
        expr("substring(" + column + ", " + (prefix.length() + 1) + ")"));
  }
}
