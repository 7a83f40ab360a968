package org.rishe.api.results;

import static org.rishe.api.results.RunLoader.nullableBoolean;
import static org.rishe.api.results.RunLoader.nullableDouble;
import static org.rishe.api.results.RunLoader.nullableInteger;
import static org.rishe.api.results.RunLoader.nullableLong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rishe.common.results.ProgramImpactGap;
import org.rishe.common.results.ResultTables;

/**
 * Reads the programme tables of a run with DuckDB. A run published before programme evaluation
 * existed has none of them and reads as having no programmes; one published before {@code
 * program_impact_gaps} existed, as having no gaps.
 */
final class ProgramResultsLoader {
  private ProgramResultsLoader() {}

  static List<PublishedRun.ProgramRow> programs(Statement statement, Path runFolder)
      throws SQLException {
    List<PublishedRun.ProgramRow> programs = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.PROGRAMS))) {
      return programs;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT program_id, name, kind, target_problem, cost_per_participant, participants"
                + " FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.PROGRAMS)
                + ") ORDER BY program_id")) {
      while (rows.next()) {
        programs.add(
            new PublishedRun.ProgramRow(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                nullableDouble(rows, 5),
                rows.getLong(6)));
      }
    }
    return programs;
  }

  static List<PublishedRun.ProgramImpactRow> impacts(Statement statement, Path runFolder)
      throws SQLException {
    List<PublishedRun.ProgramImpactRow> impacts = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.PROGRAM_IMPACT))) {
      return impacts;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT program_id, outcome, outcome_type, method, primary_method, estimate, low,"
                + " high, naive_difference, treated, controls, trimmed_controls, cost_per_outcome,"
                + " cost_per_outcome_low, cost_per_outcome_high FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.PROGRAM_IMPACT)
                + ") ORDER BY program_id, outcome, NOT primary_method, method")) {
      while (rows.next()) {
        impacts.add(
            new PublishedRun.ProgramImpactRow(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getBoolean(5),
                nullableDouble(rows, 6),
                nullableDouble(rows, 7),
                nullableDouble(rows, 8),
                rows.getDouble(9),
                rows.getLong(10),
                rows.getLong(11),
                rows.getLong(12),
                nullableDouble(rows, 13),
                nullableDouble(rows, 14),
                nullableDouble(rows, 15)));
      }
    }
    return impacts;
  }

  static List<PublishedRun.ProgramBalanceRow> balance(Statement statement, Path runFolder)
      throws SQLException {
    List<PublishedRun.ProgramBalanceRow> balance = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.PROGRAM_BALANCE))) {
      return balance;
    }
    String table = RunLoader.parquet(runFolder, ResultTables.PROGRAM_BALANCE);
    Set<String> columns = RunLoader.columns(statement, table);
    // a run published before the column existed does not say which covariates are indicators,
    // nor, before theirs, how many propensity strata are still unbalanced
    String binary = columns.contains(ResultTables.BINARY) ? ResultTables.BINARY : "NULL";
    String strata = columns.contains(ResultTables.STRATA) ? ResultTables.STRATA : "NULL";
    String unbalanced =
        columns.contains(ResultTables.UNBALANCED_STRATA) ? ResultTables.UNBALANCED_STRATA : "NULL";
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT program_id, outcome, covariate, smd_before, smd_after, CAST("
                + binary
                + " AS BOOLEAN), CAST("
                + strata
                + " AS INTEGER), CAST("
                + unbalanced
                + " AS INTEGER) FROM read_parquet("
                + table
                + ") ORDER BY program_id, outcome, covariate")) {
      while (rows.next()) {
        balance.add(
            new PublishedRun.ProgramBalanceRow(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                nullableDouble(rows, 4),
                nullableDouble(rows, 5),
                nullableBoolean(rows, 6),
                nullableInteger(rows, 7),
                nullableInteger(rows, 8)));
      }
    }
    return balance;
  }

  /**
   * Why programme × outcomes have no estimate; empty for a run published before the table existed.
   */
  static List<ProgramImpactGap> gaps(Statement statement, Path runFolder) throws SQLException {
    List<ProgramImpactGap> gaps = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.PROGRAM_IMPACT_GAPS))) {
      return gaps;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT program_id, outcome, reason, enrolled, in_scope, treated_with_outcome,"
                + " comparison_with_outcome, treated_outside_window, median_days_outside_window,"
                + " follow_up_start_days, follow_up_end_days, minimum_group_size FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.PROGRAM_IMPACT_GAPS)
                + ") ORDER BY program_id, outcome NULLS FIRST")) {
      while (rows.next()) {
        gaps.add(
            new ProgramImpactGap(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getLong(4),
                rows.getLong(5),
                nullableLong(rows, 6),
                nullableLong(rows, 7),
                nullableLong(rows, 8),
                nullableDouble(rows, 9),
                rows.getInt(10),
                nullableInteger(rows, 11),
                rows.getInt(12)));
      }
    }
    return gaps;
  }
}
