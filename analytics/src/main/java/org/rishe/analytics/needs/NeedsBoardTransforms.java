package org.rishe.analytics.needs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.rishe.analytics.cubes.CubeTransforms;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.analytics.scope.AnalyticScope;
import org.rishe.common.needs.NeedRefs;
import org.rishe.common.results.ResultTables;

/**
 * The needs board: one row per need that is open or pledged, with its public reference, and for a
 * consenting person's need the age band and sex the API may show, with the size of the group they
 * would single the person out in. Every join runs on the executors; nothing about people is
 * collected.
 *
 * <p>Region: the need's own, else the region of the family (of the family, or of the person's
 * family, whether or not the person consents: the region is the family's, and a need without one
 * would mark its person as one who did not). Age band: the researcher cubes' bands ({@code 0-5},
 * {@code 6-11}, {@code 12-14}, {@code 15-17}, {@code 18+}) in whole years on the day judged on,
 * null when unknown; sex null when unknown. A family's need, or the need of a person who did not
 * consent to analytics (or is no longer stored), has neither, and no group. {@code group_size}: the
 * distinct people with a need on the board in the same region, kind, programme, age band and sex
 * (nulls alike).
 */
public final class NeedsBoardTransforms {
  static final String OPEN = "open";
  static final String PLEDGED = "pledged";

  private static final String PERSON = "_person";
  private static final String FAMILY = "_family";

  private NeedsBoardTransforms() {}

  /**
   * The board. {@code people}: every stored person (the consenting ones give their age band and
   * sex; everyone their family); {@code asOf} is the day {@code days_open} and ages are counted to.
   */
  public static Dataset<Row> board(
      Dataset<Row> needs,
      Dataset<Row> people,
      Dataset<Row> families,
      LocalDate asOf,
      NeedRefs refs) {
    UserDefinedFunction ref = udf((UDF1<String, String>) refs::ref, DataTypes.StringType);
    Dataset<Row> open =
        needs
            .where(col("status").isin(OPEN, PLEDGED))
            .withColumn("_subject_type", substring_index(col("subject"), ":", 1))
            .withColumn("_subject_id", expr("substring(subject, instr(subject, ':') + 1)"));
    Dataset<Row> persons =
        CubeTransforms.personAttributes(AnalyticScope.consentingPeople(people), families)
            .select(col(PERSON), col(ResultTables.SEX).as("_sex"), col(CubeTransforms.BIRTH));
    Dataset<Row> members =
        people.select(col("person_id").as("_member"), col("family_id").as("_member_family"));
    Dataset<Row> familyRegions =
        families.select(col("family_id").as(FAMILY), col("region").as("_family_region"));
    Column isPerson = col("_subject_type").equalTo("person").and(col(PERSON).isNotNull());
    Column band = CubeTransforms.ageBand(col(CubeTransforms.BIRTH), lit(asOf));
    Column aboutPerson = col("_subject_type").equalTo("person");
    Dataset<Row> joined =
        open.join(persons, aboutPerson.and(col("_subject_id").equalTo(col(PERSON))), "left")
            .join(members, aboutPerson.and(col("_subject_id").equalTo(col("_member"))), "left")
            .join(
                familyRegions,
                when(aboutPerson, col("_member_family"))
                    .when(col("_subject_type").equalTo("family"), col("_subject_id"))
                    .equalTo(col(FAMILY)),
                "left")
            .select(
                col("need_id"),
                col("kind"),
                col("amount"),
                col("currency"),
                coalesce(col("region"), col("_family_region")).as(ResultTables.REGION),
                col("program_id"),
                col("opened_on"),
                datediff(lit(asOf), col("opened_on")).as(ResultTables.DAYS_OPEN),
                col("status"),
                when(isPerson, known(band)).as(ResultTables.AGE_BAND),
                when(isPerson, known(col("_sex"))).as(ResultTables.SEX),
                when(isPerson, col(PERSON)).as(PERSON));
    Column[] group = {
      col(ResultTables.REGION),
      col("kind"),
      col("program_id"),
      col(ResultTables.AGE_BAND),
      col(ResultTables.SEX)
    };
    Dataset<Row> groups =
        joined
            .where(col(PERSON).isNotNull())
            .groupBy(group)
            .agg(count_distinct(col(PERSON)).as(ResultTables.GROUP_SIZE))
            .toDF("_g_region", "_g_kind", "_g_program", "_g_age_band", "_g_sex", "_g_size");
    Column sameGroup =
        col(ResultTables.REGION)
            .eqNullSafe(col("_g_region"))
            .and(col("kind").eqNullSafe(col("_g_kind")))
            .and(col("program_id").eqNullSafe(col("_g_program")))
            .and(col(ResultTables.AGE_BAND).eqNullSafe(col("_g_age_band")))
            .and(col(ResultTables.SEX).eqNullSafe(col("_g_sex")));
    return ResultOrder.sorted(
        joined
            .join(groups, col(PERSON).isNotNull().and(sameGroup), "left")
            .select(
                ref.apply(col("need_id")).as(ResultTables.NEED_REF),
                col("need_id").as(ResultTables.NEED_ID),
                col("kind").as(ResultTables.KIND),
                col("amount").cast("double").as(ResultTables.AMOUNT),
                col("currency").as(ResultTables.CURRENCY),
                col(ResultTables.REGION),
                col("program_id").as(ResultTables.PROGRAM_ID),
                col("opened_on").as(ResultTables.OPENED_ON),
                col(ResultTables.DAYS_OPEN).cast("int").as(ResultTables.DAYS_OPEN),
                col("status").as(ResultTables.STATUS),
                col(ResultTables.AGE_BAND),
                col(ResultTables.SEX),
                col("_g_size").cast("int").as(ResultTables.GROUP_SIZE)),
        ResultTables.NEED_REF);
  }

  /**
   * The day the board is judged on: the latest of {@code latestActivity} (donor trust's day, the
   * latest donation or aid event) and the latest day a need was opened or updated, so that the ages
   * of needs never run past the data and re-running an old export gives the same board.
   */
  public static LocalDate asOf(Dataset<Row> needs, LocalDate latestActivity) {
    // days since 1970, as JourneyTransforms does: Delta answers a bare max(date) from statistics
    Row row =
        needs
            .agg(max(expr("unix_date(opened_on)")), max(expr("unix_date(to_date(updated_at))")))
            .first();
    long latest = latestActivity.toEpochDay();
    for (int i = 0; i < 2; i++) {
      if (!row.isNullAt(i)) {
        latest = Math.max(latest, ((Number) row.get(i)).longValue());
      }
    }
    return LocalDate.ofEpochDay(latest);
  }

  /** Null where the value is the cubes' {@code unknown} (or null). */
  private static Column known(Column value) {
    return when(value.notEqual(lit(ResultTables.UNKNOWN)), value);
  }
}
