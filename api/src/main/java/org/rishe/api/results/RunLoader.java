package org.rishe.api.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rishe.common.results.ResultTables;

/**
 * Reads a published run's Parquet tables with DuckDB (in-process, no Spark) into a {@link
 * PublishedRun}.
 */
final class RunLoader {
  private RunLoader() {}

  static PublishedRun load(
      Path runFolder, String runId, String publishedAt, RootCauseResults.AgeRange ageRange) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      List<PublishedRun.IndicatorRow> indicators = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT code, kind, domain, label_en, label_fa FROM read_parquet("
                  + parquet(runFolder, ResultTables.INDICATORS)
                  + ") ORDER BY code")) {
        while (rows.next()) {
          indicators.add(
              new PublishedRun.IndicatorRow(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5)));
        }
      }
      List<PublishedRun.ProblemRow> problems = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT code, label_en, label_fa, cases, people FROM read_parquet("
                  + parquet(runFolder, ResultTables.PROBLEMS)
                  + ") ORDER BY code")) {
        while (rows.next()) {
          problems.add(
              new PublishedRun.ProblemRow(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getLong(4),
                  rows.getLong(5)));
        }
      }
      return new PublishedRun(
          runId,
          publishedAt,
          indicators,
          problems,
          DashboardLoader.load(statement, runFolder),
          ProgramResultsLoader.programs(statement, runFolder),
          ProgramResultsLoader.impacts(statement, runFolder),
          ProgramResultsLoader.balance(statement, runFolder),
          RootCauseResultsLoader.load(statement, runFolder, ageRange),
          CubeLoader.load(statement, runFolder),
          ProgramResultsLoader.gaps(statement, runFolder),
          OccasionLoader.load(statement, runFolder),
          NeedsBoardLoader.load(statement, runFolder),
          RegionLoader.load(statement, runFolder));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read results run " + runId + " in " + runFolder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The column names of a table given as {@link #parquet}'s glob: lets a loader serve runs
   * published before a column existed.
   */
  static Set<String> columns(Statement statement, String parquet) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (ResultSet rows =
        statement.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + parquet + ")")) {
      while (rows.next()) {
        columns.add(rows.getString("column_name"));
      }
    }
    return columns;
  }

  // The current row's value of a column, or null where it is SQL NULL (JDBC's getters give 0 or
  // false for it): each asks wasNull right after its own read, since wasNull speaks of the last
  // column read.

  static Double nullableDouble(ResultSet rows, int column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  static Long nullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  static Integer nullableInteger(ResultSet rows, int column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }

  static Boolean nullableBoolean(ResultSet rows, int column) throws SQLException {
    boolean value = rows.getBoolean(column);
    return rows.wasNull() ? null : value;
  }

  static String parquet(Path runFolder, String table) {
    Path folder = runFolder.resolve(table);
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "results run " + runFolder.getFileName() + " has no table " + table);
    }
    return "'" + folder.toString().replace("'", "''") + "/*.parquet'";
  }
}
