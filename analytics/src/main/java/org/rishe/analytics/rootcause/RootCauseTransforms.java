package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.rishe.analytics.rootcause.ExposureTransforms.AGE;
import static org.rishe.analytics.rootcause.ExposureTransforms.FACTOR;
import static org.rishe.analytics.rootcause.ExposureTransforms.FACTOR_KIND;
import static org.rishe.analytics.rootcause.ExposureTransforms.FIRST_EXPOSED_ON;
import static org.rishe.analytics.rootcause.ExposureTransforms.FIRST_UNEXPOSED_ON;
import static org.rishe.analytics.rootcause.ExposureTransforms.ONSET;
import static org.rishe.analytics.rootcause.ExposureTransforms.PERSON;
import static org.rishe.analytics.rootcause.ExposureTransforms.PROBLEM;
import static org.rishe.analytics.rootcause.ExposureTransforms.REGION;
import static org.rishe.analytics.rootcause.ExposureTransforms.REGISTERED_ON;
import static org.rishe.analytics.rootcause.ExposureTransforms.SEX;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.common.results.ResultTables;

/**
 * The Spark side of the root-cause analysis: exposure status of every person for every problem and
 * factor, decided against an index date, and the 2×2 counts of all problem × factor × region tables
 * in one aggregation.
 *
 * <p>The exposure rule. Each person in scope gets, per problem, an <em>index date</em>: the onset
 * of their first case of it (cases), or their registration day plus the median time from
 * registration to onset among the problem's cases (non-cases), so that non-cases are looked at over
 * the same typical stretch of time as cases rather than over all their follow-up (which would make
 * anything that tends to happen later, such as a problem the outcome itself causes, look
 * protective). Against that date a factor is <em>exposed</em> if it was observed exposed on or
 * before it, else <em>unexposed</em> if it was observed unexposed on or before it, else
 * <em>missing</em>: only missing answers, never asked, or first seen after the index date. A
 * problem as a factor is exposed only if its onset is strictly before the index date (two problems
 * opened the same day are not ordered), and otherwise unexposed.
 */
public final class RootCauseTransforms {
  public static final String IS_CASE = "is_case";
  public static final String INDEX_DATE = "index_date";
  public static final String STATUS = "status";
  public static final String LEAD_DAYS = "lead_days";

  private RootCauseTransforms() {}

  /**
   * One row per person in scope and problem: the person's region, age, sex and registration day,
   * the onset of their first case of the problem (null for non-cases), {@code is_case} and the
   * index date. {@code problems} has one column {@code problem}.
   */
  public static Dataset<Row> personProblems(
      Dataset<Row> scope, Dataset<Row> onsets, Dataset<Row> problems) {
    Dataset<Row> grid = scope.crossJoin(broadcast(problems.select(col(PROBLEM))));
    Dataset<Row> caseOnsets =
        onsets.select(col(PERSON).as("_person"), col(PROBLEM).as("_p"), col(ONSET));
    Dataset<Row> withOnset =
        grid.join(
            caseOnsets,
            grid.col(PERSON)
                .equalTo(caseOnsets.col("_person"))
                .and(grid.col(PROBLEM).equalTo(caseOnsets.col("_p"))),
            "left");
    Dataset<Row> lags =
        withOnset
            .filter(col(ONSET).isNotNull())
            .groupBy(col(PROBLEM).as("_lag_problem"))
            .agg(median(datediff(col(ONSET), col(REGISTERED_ON))).as("_lag"));
    return withOnset
        .join(broadcast(lags), withOnset.col(PROBLEM).equalTo(lags.col("_lag_problem")), "left")
        .select(
            col(PERSON),
            col(REGION),
            col(AGE),
            col(SEX),
            col(REGISTERED_ON),
            col(PROBLEM),
            col(ONSET),
            col(ONSET).isNotNull().as(IS_CASE),
            when(col(ONSET).isNotNull(), col(ONSET))
                .otherwise(date_add(col(REGISTERED_ON), col("_lag").cast("int")))
                .as(INDEX_DATE));
  }

  /**
   * One row per person in scope, problem and factor (other than the problem itself) whose exposure
   * is known at the index date: {@code status} 1 exposed or 0 unexposed, and for exposed cases the
   * days from the factor's first exposed observation (or onset) to the problem's onset. Missing
   * exposures have no row.
   */
  public static Dataset<Row> statuses(Dataset<Row> personProblems, Dataset<Row> exposures) {
    Dataset<Row> renamed = exposures.withColumnRenamed(PERSON, "_person");
    Dataset<Row> joined =
        personProblems.join(
            renamed,
            personProblems
                .col(PERSON)
                .equalTo(renamed.col("_person"))
                .and(personProblems.col(PROBLEM).notEqual(renamed.col(FACTOR))),
            "inner");
    Column isProblem = col(FACTOR_KIND).equalTo(lit("problem"));
    Column exposedInTime =
        when(isProblem, col(FIRST_EXPOSED_ON).lt(col(INDEX_DATE)))
            .otherwise(col(FIRST_EXPOSED_ON).leq(col(INDEX_DATE)));
    Column status =
        when(col(FIRST_EXPOSED_ON).isNotNull().and(exposedInTime), lit(1))
            .when(col(FIRST_UNEXPOSED_ON).leq(col(INDEX_DATE)), lit(0));
    return joined
        .select(
            col(PERSON),
            col(REGION),
            col(PROBLEM),
            col(FACTOR),
            col(FACTOR_KIND),
            col(IS_CASE),
            status.as(STATUS),
            when(
                    status.equalTo(lit(1)).and(col(IS_CASE)),
                    datediff(col(ONSET), col(FIRST_EXPOSED_ON)))
                .as(LEAD_DAYS))
        .filter(col(STATUS).isNotNull());
  }

  /**
   * One row per problem, factor and region, plus one per problem and factor with a null region
   * (overall): the four cells of the 2×2 table and the median lead days of exposed cases. One
   * aggregation (a rollup) over the statuses, however many pairs there are.
   */
  public static Dataset<Row> twoByTwoCounts(Dataset<Row> statuses) {
    Column exposed = col(STATUS).equalTo(lit(1));
    Column unexposed = col(STATUS).equalTo(lit(0));
    return statuses
        .rollup(col(PROBLEM), col(FACTOR), col(REGION))
        .agg(
            sum(when(exposed.and(col(IS_CASE)), 1L).otherwise(0L)).as(ResultTables.EXPOSED_CASES),
            sum(when(exposed, 1L).otherwise(0L)).as(ResultTables.EXPOSED_TOTAL),
            sum(when(unexposed.and(col(IS_CASE)), 1L).otherwise(0L))
                .as(ResultTables.UNEXPOSED_CASES),
            sum(when(unexposed, 1L).otherwise(0L)).as(ResultTables.UNEXPOSED_TOTAL),
            median(col(LEAD_DAYS)).as(ResultTables.MEDIAN_LEAD_DAYS),
            first(col(FACTOR_KIND)).as(FACTOR_KIND),
            grouping(col(FACTOR)).as("_all_factors"))
        .filter(col("_all_factors").equalTo(lit(0)))
        .drop("_all_factors");
  }

  /**
   * One row per problem and region, plus one per problem with a null region: the people in scope
   * ({@code population}) and those with a case ({@code cases}).
   */
  public static Dataset<Row> populations(Dataset<Row> personProblems) {
    return personProblems
        .rollup(col(PROBLEM), col(REGION))
        .agg(
            count(lit(1)).as(ResultTables.POPULATION),
            sum(when(col(IS_CASE), 1L).otherwise(0L)).as(ResultTables.CASES),
            grouping(col(PROBLEM)).as("_all_problems"))
        .filter(col("_all_problems").equalTo(lit(0)))
        .drop("_all_problems");
  }

  /**
   * One row per person in scope and problem: region, age, sex, {@code is_case}, and one column per
   * code in {@code codes} holding that factor's status (1, 0, or null when missing or the code is
   * the problem itself). The design of every adjusted model of the problem is read from it.
   */
  public static Dataset<Row> personFactorMatrix(
      Dataset<Row> personProblems, Dataset<Row> statuses, List<String> codes) {
    Dataset<Row> wide =
        statuses
            .groupBy(col(PERSON).as("_person"), col(PROBLEM).as("_problem"))
            .pivot(FACTOR, new ArrayList<Object>(codes))
            .agg(first(col(STATUS)));
    List<Column> columns = new ArrayList<>();
    for (String name : List.of(PERSON, PROBLEM, REGION, AGE, SEX, IS_CASE)) {
      columns.add(personProblems.col(name));
    }
    for (String code : codes) {
      columns.add(wide.col(code));
    }
    return personProblems
        .join(
            wide,
            personProblems
                .col(PERSON)
                .equalTo(wide.col("_person"))
                .and(personProblems.col(PROBLEM).equalTo(wide.col("_problem"))),
            "left")
        .select(columns.toArray(new Column[0]));
  }
}
