package org.rishe.analytics.impact;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.common.results.ProgramImpactGap;
import org.rishe.common.results.ResultTables;

/**
 * Why a programme × outcome goes without an estimate. Two aggregates, computed in Spark so that no
 * person reaches the driver: per programme, the people enrolled and in scope ({@link #programs});
 * per programme and outcome, the people with the outcome in the follow-up window and, for enrolled
 * people without it, how many had it observed after enrolment anyway and when ({@link #outcomes}).
 * {@link #gaps} turns their rows into one reason per programme × outcome not estimated, so that an
 * outcome measured after the window, or too few people, is said rather than silently left out.
 */
final class ImpactGaps {
  private static final String AFTER = "_after";
  private static final String IN_WINDOW = "_in_window";
  private static final String FIRST_AFTER = "_first_after";

  private ImpactGaps() {}

  /**
   * One row per programme of {@code programs}: {@code program_id, enrolled} (distinct people of
   * {@code enrollments}){@code , in_scope} (of them, the treated rows of {@code indexedPeople})
   * {@code , follow_up_start_days, follow_up_end_days} (the programme's window; null end: none).
   */
  static Dataset<Row> programs(
      Dataset<Row> programs,
      Dataset<Row> enrollments,
      Dataset<Row> indexedPeople,
      FollowUpWindow runWindow) {
    Dataset<Row> enrolled =
        enrollments
            .groupBy(ProgramImpactTransforms.PROGRAM_ID)
            .agg(countDistinct(ProgramImpactTransforms.PERSON_ID).as(ResultTables.ENROLLED));
    Dataset<Row> inScope =
        indexedPeople
            .filter(col(ProgramImpactTransforms.TREATED))
            .groupBy(ProgramImpactTransforms.PROGRAM_ID)
            .agg(count(lit(1)).as(ResultTables.IN_SCOPE));
    String[] key = {ProgramImpactTransforms.PROGRAM_ID};
    return ProgramImpactTransforms.withFollowUp(
            programs.select(ProgramImpactTransforms.PROGRAM_ID), programs, runWindow)
        .join(enrolled, key, "left")
        .join(inScope, key, "left")
        .select(
            col(ProgramImpactTransforms.PROGRAM_ID),
            coalesce(col(ResultTables.ENROLLED), lit(0L)).as(ResultTables.ENROLLED),
            coalesce(col(ResultTables.IN_SCOPE), lit(0L)).as(ResultTables.IN_SCOPE),
            col(ProgramImpactTransforms.FOLLOW_UP_START),
            col(ProgramImpactTransforms.FOLLOW_UP_END));
  }

  /**
   * One row per programme with someone enrolled in scope and per outcome indicator with a readable
   * observation of anyone: {@code program_id, outcome, treated_with_outcome,
   * comparison_with_outcome} (rows of {@code frame}, the analysis frame){@code ,
   * treated_outside_window} (enrolled people in scope with the outcome observed after enrolment,
   * never in the window){@code , median_days_outside_window} (their median days from enrolment to
   * the first such observation; null when none). Only enrolled people's observations are read: the
   * comparison people are everyone, and the frame already counts theirs in the window.
   */
  static Dataset<Row> outcomes(
      Dataset<Row> indexedPeople,
      Dataset<Row> frame,
      Dataset<Row> observations,
      Dataset<Row> indicators,
      Dataset<Row> programs,
      FollowUpWindow runWindow) {
    String[] key = {ProgramImpactTransforms.PROGRAM_ID, ProgramImpactTransforms.OUTCOME};
    Column treated = col(ProgramImpactTransforms.TREATED);
    Dataset<Row> inWindow =
        frame
            .groupBy(ProgramImpactTransforms.PROGRAM_ID, ProgramImpactTransforms.OUTCOME)
            .agg(
                sum(when(treated, 1L).otherwise(0L)).as(ResultTables.TREATED_WITH_OUTCOME),
                sum(when(treated, 0L).otherwise(1L)).as(ResultTables.COMPARISON_WITH_OUTCOME));
    Dataset<Row> values = ProgramImpactTransforms.outcomeValues(observations, indicators);
    Dataset<Row> enrolled = indexedPeople.filter(treated);
    Column start = col(ProgramImpactTransforms.FOLLOW_UP_START);
    Column end = col(ProgramImpactTransforms.FOLLOW_UP_END);
    Column after = col(AFTER);
    Dataset<Row> perPerson =
        ProgramImpactTransforms.withFollowUp(enrolled, programs, runWindow)
            .join(values, col(ProgramImpactTransforms.PERSON_ID).equalTo(col("subject_id")))
            .select(
                col(ProgramImpactTransforms.PROGRAM_ID),
                col(ProgramImpactTransforms.PERSON_ID),
                col(AnalysisFrame.NAME).as(ProgramImpactTransforms.OUTCOME),
                col(AnalysisFrame.DAY)
                    .minus(unix_date(col(ProgramImpactTransforms.INDEX_DATE)))
                    .as(AFTER),
                start,
                end)
            .groupBy(
                ProgramImpactTransforms.PROGRAM_ID,
                ProgramImpactTransforms.PERSON_ID,
                ProgramImpactTransforms.OUTCOME)
            .agg(
                max(when(after.geq(start).and(end.isNull().or(after.leq(end))), 1).otherwise(0))
                    .as(IN_WINDOW),
                min(when(after.gt(0), after)).as(FIRST_AFTER));
    Dataset<Row> outside =
        perPerson
            .filter(col(IN_WINDOW).equalTo(0).and(col(FIRST_AFTER).isNotNull()))
            .groupBy(ProgramImpactTransforms.PROGRAM_ID, ProgramImpactTransforms.OUTCOME)
            .agg(
                count(lit(1)).as(ResultTables.TREATED_OUTSIDE_WINDOW),
                median(col(FIRST_AFTER)).as(ResultTables.MEDIAN_DAYS_OUTSIDE_WINDOW));
    Dataset<Row> observed =
        values.select(col(AnalysisFrame.NAME).as(ProgramImpactTransforms.OUTCOME)).distinct();
    return enrolled
        .select(ProgramImpactTransforms.PROGRAM_ID)
        .distinct()
        .crossJoin(observed)
        .join(inWindow, key, "left")
        .join(outside, key, "left")
        .select(
            col(ProgramImpactTransforms.PROGRAM_ID),
            col(ProgramImpactTransforms.OUTCOME),
            coalesce(col(ResultTables.TREATED_WITH_OUTCOME), lit(0L))
                .as(ResultTables.TREATED_WITH_OUTCOME),
            coalesce(col(ResultTables.COMPARISON_WITH_OUTCOME), lit(0L))
                .as(ResultTables.COMPARISON_WITH_OUTCOME),
            coalesce(col(ResultTables.TREATED_OUTSIDE_WINDOW), lit(0L))
                .as(ResultTables.TREATED_OUTSIDE_WINDOW),
            col(ResultTables.MEDIAN_DAYS_OUTSIDE_WINDOW));
  }

  /**
   * One reason per programme × outcome of {@code outcomes} not in {@code estimated}, and one per
   * programme of {@code programs} (outcome null) that nobody enrolled in, nobody in scope, or no
   * outcome observation at all kept from any estimate; in programme and outcome order. The reason
   * for an outcome is the first that holds of: nobody enrolled has it in the window, fewer than
   * {@code minimumGroupSize} enrolled have, fewer comparison people have, and (both groups large
   * enough) the estimator gave nothing.
   *
   * @param programs rows of {@link #programs}
   * @param outcomes rows of {@link #outcomes}
   * @param estimated the programme × outcomes estimated, as {@link #key}
   */
  static List<ProgramImpactGap> gaps(
      List<Row> programs, List<Row> outcomes, Set<String> estimated, int minimumGroupSize) {
    List<ProgramImpactGap> gaps = new ArrayList<>();
    List<Row> byProgram = new ArrayList<>(programs);
    byProgram.sort(
        Comparator.comparing(row -> row.<String>getAs(ProgramImpactTransforms.PROGRAM_ID)));
    for (Row program : byProgram) {
      String programId = program.getAs(ProgramImpactTransforms.PROGRAM_ID);
      long enrolled = program.<Long>getAs(ResultTables.ENROLLED);
      long inScope = program.<Long>getAs(ResultTables.IN_SCOPE);
      int start = program.<Integer>getAs(ProgramImpactTransforms.FOLLOW_UP_START);
      Integer end = program.getAs(ProgramImpactTransforms.FOLLOW_UP_END);
      List<Row> ofProgram =
          outcomes.stream()
              .filter(row -> programId.equals(row.getAs(ProgramImpactTransforms.PROGRAM_ID)))
              .sorted(
                  Comparator.comparing(row -> row.<String>getAs(ProgramImpactTransforms.OUTCOME)))
              .toList();
      String programReason = programReason(enrolled, inScope, ofProgram.isEmpty());
      if (programReason != null) {
        gaps.add(
            new ProgramImpactGap(
                programId,
                null,
                programReason,
                enrolled,
                inScope,
                null,
                null,
                null,
                null,
                start,
                end,
                minimumGroupSize));
        continue;
      }
      for (Row row : ofProgram) {
        String outcome = row.getAs(ProgramImpactTransforms.OUTCOME);
        if (estimated.contains(key(programId, outcome))) {
          continue;
        }
        long treated = row.<Long>getAs(ResultTables.TREATED_WITH_OUTCOME);
        long comparison = row.<Long>getAs(ResultTables.COMPARISON_WITH_OUTCOME);
        gaps.add(
            new ProgramImpactGap(
                programId,
                outcome,
                outcomeReason(treated, comparison, minimumGroupSize),
                enrolled,
                inScope,
                treated,
                comparison,
                row.<Long>getAs(ResultTables.TREATED_OUTSIDE_WINDOW),
                row.<Double>getAs(ResultTables.MEDIAN_DAYS_OUTSIDE_WINDOW),
                start,
                end,
                minimumGroupSize));
      }
    }
    return gaps;
  }

  /** The reason that holds for every outcome of a programme, or null when none does. */
  private static String programReason(long enrolled, long inScope, boolean noOutcomeObserved) {
    if (enrolled == 0) {
      return ProgramImpactGap.NOBODY_ENROLLED;
    }
    if (inScope == 0) {
      return ProgramImpactGap.NOBODY_IN_SCOPE;
    }
    return noOutcomeObserved ? ProgramImpactGap.NO_OUTCOME_OBSERVED : null;
  }

  private static String outcomeReason(long treated, long comparison, int minimumGroupSize) {
    if (treated == 0) {
      return ProgramImpactGap.NO_OUTCOME_IN_WINDOW;
    }
    if (treated < minimumGroupSize) {
      return ProgramImpactGap.TOO_FEW_TREATED;
    }
    return comparison < minimumGroupSize
        ? ProgramImpactGap.TOO_FEW_COMPARISON
        : ProgramImpactGap.NOT_ESTIMATED;
  }

  /** How {@link #gaps} knows a programme × outcome that was estimated. */
  static String key(String programId, String outcome) {
    return programId + "\u0000" + outcome;
  }
}
