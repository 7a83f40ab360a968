package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.common.catalogue.Indicator;

/**
 * The person-level inputs of the root-cause analysis: who is in scope, and when each person was
 * first seen exposed and first seen unexposed to each factor. Problems enter as factors too,
 * through the onset of their first case.
 */
public final class ExposureTransforms {
  public static final String PERSON = "person_id";
  public static final String FAMILY = "family_id";
  public static final String REGION = "region";
  public static final String AGE = "age";
  public static final String SEX = "sex";
  public static final String REGISTERED_ON = "registered_on";
  public static final String FACTOR = "factor";
  public static final String FIRST_EXPOSED_ON = "first_exposed_on";
  public static final String FIRST_UNEXPOSED_ON = "first_unexposed_on";
  public static final String FAMILY_LEVEL = "family_level";
  public static final String PROBLEM = "problem";
  public static final String ONSET = "onset";

  private ExposureTransforms() {}

  /**
   * One row per consenting person whose age at registration lies in {@code [minimumAge,
   * maximumAge]}: person, family, region, age, sex, registration date. Age comes from the birth
   * date, else from the birth year (taken as 1 July); a person with neither is left out, since we
   * cannot tell whether they are in the age range.
   */
  public static Dataset<Row> peopleInScope(
      Dataset<Row> consentingPeople, Dataset<Row> families, int minimumAge, int maximumAge) {
    Column birth =
        coalesce(
            col("birth_date"),
            make_date(col("birth_year").cast("int"), lit(7), lit(1)).cast("date"));
    Column age = floor(months_between(col(REGISTERED_ON), birth).divide(12)).cast("int");
    Dataset<Row> people =
        consentingPeople.select(
            col(PERSON), col(FAMILY), age.as(AGE), col(SEX), col(REGISTERED_ON));
    Dataset<Row> regions = families.select(col(FAMILY).as("_family"), col(REGION));
    return people
        .join(regions, people.col(FAMILY).equalTo(regions.col("_family")), "inner")
        .filter(col(AGE).between(minimumAge, maximumAge))
        .select(col(PERSON), col(FAMILY), col(REGION), col(AGE), col(SEX), col(REGISTERED_ON));
  }

  /**
   * Reads an observed value as exposure, exactly as {@link Indicator#exposure(String)} does: true
   * exposed, false unexposed, null for a missing answer ({@code unknown}, {@code refused}, {@code
   * not_collected}, empty) or a value that cannot be read. Expects the indicator's {@code
   * value_type}, {@code threshold} and {@code direction} columns beside {@code value}.
   */
  public static Column exposureOf(Column value) {
    Column text = lower(trim(value));
    Column number = text.cast("double");
    Column missing =
        value.isNull().or(text.equalTo(lit(""))).or(text.isin(Indicator.MISSING_ANSWERS.toArray()));
    Column aboveThreshold = lower(coalesce(col("direction"), lit("below"))).equalTo(lit("above"));
    Column numberExposure =
        when(
            number.isNotNull().and(col("threshold").isNotNull()),
            when(aboveThreshold, number.gt(col("threshold")))
                .otherwise(number.lt(col("threshold"))));
    Column booleanExposure =
        when(text.equalTo(lit("true")), lit(true)).when(text.equalTo(lit("false")), lit(false));
    return when(missing, lit(null).cast("boolean"))
        .when(col("value_type").equalTo(lit("boolean")), booleanExposure)
        .when(col("value_type").equalTo(lit("number")), numberExposure)
        .otherwise(lit(null).cast("boolean"));
  }

  /**
   * One row per person in scope and factor they were ever observed on with a readable answer: the
   * first day seen exposed, the first day seen unexposed (each null if never), and whether the
   * factor is recorded on families. A family observation counts for every member of the family.
   * Missing answers leave no trace here, so a person with only missing answers has no row and their
   * exposure stays missing. One pass over the observations.
   */
  public static Dataset<Row> factorObservations(
      Dataset<Row> scope, Dataset<Row> observations, Dataset<Row> indicators) {
    Dataset<Row> factors =
        indicators
            .filter(col("kind").equalTo(lit("factor")))
            .select(col("code"), col("value_type"), col("threshold"), col("direction"));
    Dataset<Row> read =
        observations
            .join(
                org.apache.spark.sql.functions.broadcast(factors),
                observations.col("indicator").equalTo(factors.col("code")),
                "inner")
            .select(
                col("subject_id"),
                coalesce(col("subject_type"), lit("person")).equalTo(lit("family")).as("_family"),
                col("indicator").as(FACTOR),
                col("observed_on"),
                exposureOf(col("value")).as("_exposed"))
            .filter(col("_exposed").isNotNull());
    // A family observation reaches each member; a person observation only its person. Two
    // equi-joins rather than one join on a conditional key, which Spark could only run as a
    // nested loop over observations × people.
    Dataset<Row> members = scope.select(col(PERSON).as("_person"), col(FAMILY).as("_member_of"));
    Dataset<Row> familyRows = read.filter(col("_family"));
    Dataset<Row> personRows = read.filter(not(col("_family")));
    Dataset<Row> perPerson =
        familyRows
            .join(members, familyRows.col("subject_id").equalTo(members.col("_member_of")), "inner")
            .drop("_member_of")
            .unionByName(
                personRows.join(
                    members.drop("_member_of"),
                    personRows.col("subject_id").equalTo(col("_person")),
                    "inner"));
    return perPerson
        .groupBy(col("_person").as(PERSON), col(FACTOR))
        .agg(
            min(when(col("_exposed"), col("observed_on"))).as(FIRST_EXPOSED_ON),
            min(when(col("_exposed").equalTo(lit(false)), col("observed_on")))
                .as(FIRST_UNEXPOSED_ON),
            max(col("_family")).as(FAMILY_LEVEL));
  }

  /** One row per person in scope and problem they have a case of: the first case's opening day. */
  public static Dataset<Row> onsets(Dataset<Row> scope, Dataset<Row> cases) {
    Dataset<Row> inScope = scope.select(col(PERSON).as("_person"));
    return cases
        .join(inScope, cases.col(PERSON).equalTo(inScope.col("_person")), "left_semi")
        .groupBy(col(PERSON), col(PROBLEM))
        .agg(min(col("opened_on")).as(ONSET));
  }
}
