package org.rishe.common.contract;

/** How a field of the data contract is written in a batch and stored once typed. */
public enum FieldType {
  /** Free text, stored as given. */
  TEXT,
  /** A person, family or donor identifier: stored only as its keyed pseudonym. */
  IDENTIFIER,
  /** An indicator code ({@code [a-z][a-z0-9_]*}). */
  CODE,
  /** A calendar date, stored as a Gregorian date. */
  DATE,
  /** An ISO-8601 instant with offset, or a date alone meaning midnight UTC. */
  TIMESTAMP,
  /** A whole number. */
  INTEGER,
  /** A decimal number. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** One of a fixed set of lower-case values. */
  ENUM,
  /**
   * A donation designation: {@code general}, {@code program:<id>}, {@code family:<id>}, {@code
   * person:<id>} or {@code need:<id>}; family and person identifiers inside it are pseudonymised.
   */
  DESIGNATION,
  /**
   * Whom a need is for: {@code family:<id>} or {@code person:<id>}, stored in the same form with
   * the identifier pseudonymised.
   */
  SUBJECT,
  /**
   * A region's outline: a GeoJSON geometry object ({@code Polygon} or {@code MultiPolygon},
   * longitude and latitude in degrees), stored as its compact JSON text.
   */
  GEOMETRY
}
