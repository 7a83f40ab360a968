package org.rishe.analytics.scope;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which stored records analytics may use. A person whose {@code consent_analytics} is false is left
 * out of every result together with their cases, observations and enrollments; a record whose
 * person was deleted is left out too, because it no longer joins.
 */
public final class AnalyticScope {
  private AnalyticScope() {}

  /** One row per person who consents (absent consent means consent, as the contract says). */
  public static Dataset<Row> consentingPeople(Dataset<Row> people) {
    return people.filter(coalesce(col("consent_analytics"), lit(true)));
  }

  /** The rows of a person-keyed table whose person is stored and consents. */
  public static Dataset<Row> ofConsentingPeople(
      Dataset<Row> rows, Dataset<Row> people, String personColumn) {
    Dataset<Row> consenting =
        consentingPeople(people).select(col("person_id").as("_consenting_person"));
    return rows.join(
        consenting,
        rows.col(personColumn).equalTo(consenting.col("_consenting_person")),
        "left_semi");
  }
}
