package org.rishe.api.results;

import static org.rishe.api.results.RunLoader.nullableInteger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rishe.common.results.ResultTables;

/**
 * Reads the dashboard, hotspot, journey and match tables of a run with DuckDB. Lists inside rows
 * (stages, gaps, flags, reasons) are read by unnesting them with their position, which needs only
 * DuckDB's core functions.
 */
final class DashboardLoader {
  private DashboardLoader() {}

  static DashboardRun load(Statement statement, Path runFolder) throws SQLException {
    return new DashboardRun(
        monthly(statement, runFolder),
        durations(statement, runFolder),
        donations(statement, runFolder),
        hotspots(statement, runFolder),
        journeys(statement, runFolder),
        matches(statement, runFolder));
  }

  private static List<DashboardRun.MonthlyRow> monthly(Statement statement, Path run)
      throws SQLException {
    List<DashboardRun.MonthlyRow> rows = new ArrayList<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT calendar, month, region, people_reached, families_reached, cases_opened,"
                + " cases_closed, cases_resolved, participants, program_exits, completions,"
                + " program_cost FROM "
                + table(run, ResultTables.DASHBOARD_MONTHLY)
                + " ORDER BY calendar, month, region")) {
      while (result.next()) {
        rows.add(
            new DashboardRun.MonthlyRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getLong(4),
                result.getLong(5),
                result.getLong(6),
                result.getLong(7),
                result.getLong(8),
                result.getLong(9),
                result.getLong(10),
                result.getLong(11),
                result.getDouble(12)));
      }
    }
    return rows;
  }

  private static List<DashboardRun.DurationRow> durations(Statement statement, Path run)
      throws SQLException {
    List<DashboardRun.DurationRow> rows = new ArrayList<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT calendar, month, region, measure, days, count FROM "
                + table(run, ResultTables.DASHBOARD_DURATIONS)
                + " ORDER BY calendar, month, region, measure, days")) {
      while (result.next()) {
        rows.add(
            new DashboardRun.DurationRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getInt(5),
                result.getLong(6)));
      }
    }
    return rows;
  }

  private static List<DashboardRun.DonationMonthRow> donations(Statement statement, Path run)
      throws SQLException {
    List<DashboardRun.DonationMonthRow> rows = new ArrayList<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT calendar, month, region, currency, donations, amount, delivered FROM "
                + table(run, ResultTables.DASHBOARD_DONATIONS)
                + " ORDER BY calendar, month, region, currency")) {
      while (result.next()) {
        rows.add(
            new DashboardRun.DonationMonthRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getLong(5),
                result.getDouble(6),
                result.getLong(7)));
      }
    }
    return rows;
  }

  private static List<DashboardRun.HotspotRow> hotspots(Statement statement, Path run)
      throws SQLException {
    List<DashboardRun.HotspotRow> rows = new ArrayList<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT region, problem, period, observed, expected, score, flagged FROM "
                + table(run, ResultTables.HOTSPOTS)
                + " ORDER BY period, region, problem")) {
      while (result.next()) {
        rows.add(
            new DashboardRun.HotspotRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getLong(4),
                result.getDouble(5),
                result.getDouble(6),
                result.getBoolean(7)));
      }
    }
    return rows;
  }

  private static Map<String, DashboardRun.JourneyRow> journeys(Statement statement, Path run)
      throws SQLException {
    String journeys = table(run, ResultTables.DONATION_JOURNEYS);
    Map<String, List<DashboardRun.Stage>> stages = new HashMap<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT donation_id, s.stage, epoch_ms(s.at) FROM (SELECT donation_id,"
                + " unnest(stages) AS s, unnest(range(len(stages))) AS i FROM "
                + journeys
                + ") ORDER BY donation_id, i")) {
      while (result.next()) {
        stages
            .computeIfAbsent(result.getString(1), id -> new ArrayList<>())
            .add(
                new DashboardRun.Stage(
                    result.getString(2), Instant.ofEpochMilli(result.getLong(3)).toString()));
      }
    }
    Map<String, List<DashboardRun.Gap>> gaps = new HashMap<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT donation_id, g.from_stage, g.to_stage, g.days FROM (SELECT donation_id,"
                + " unnest(stage_gaps) AS g, unnest(range(len(stage_gaps))) AS i FROM "
                + journeys
                + ") ORDER BY donation_id, i")) {
      while (result.next()) {
        gaps.computeIfAbsent(result.getString(1), id -> new ArrayList<>())
            .add(
                new DashboardRun.Gap(
                    result.getString(2), result.getString(3), result.getDouble(4)));
      }
    }
    Map<String, List<String>> flags = strings(statement, journeys, "donation_id", "flags");
    Map<String, DashboardRun.JourneyRow> rows = new LinkedHashMap<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT donation_id, donor_id, designation, CAST(received_on AS VARCHAR),"
                + " current_stage, CAST(delivered_on AS VARCHAR), days_to_delivery FROM "
                + journeys
                + " ORDER BY donation_id")) {
      while (result.next()) {
        String id = result.getString(1);
        rows.put(
            id,
            new DashboardRun.JourneyRow(
                id,
                result.getString(2),
                result.getString(3),
                result.getString(4),
                stages.getOrDefault(id, List.of()),
                result.getString(5),
                gaps.getOrDefault(id, List.of()),
                result.getString(6),
                nullableInteger(result, 7),
                flags.getOrDefault(id, List.of())));
      }
    }
    return rows;
  }

  private static Map<String, List<DashboardRun.MatchRow>> matches(Statement statement, Path run)
      throws SQLException {
    String matches = table(run, ResultTables.VOLUNTEER_MATCHES);
    Map<String, List<String>> reasons =
        strings(statement, matches, "volunteer_id || '/' || program_id", "reasons");
    Map<String, List<DashboardRun.MatchRow>> rows = new LinkedHashMap<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT volunteer_id, program_id, rank, score FROM "
                + matches
                + " ORDER BY volunteer_id, rank")) {
      while (result.next()) {
        String volunteer = result.getString(1);
        String program = result.getString(2);
        rows.computeIfAbsent(volunteer, id -> new ArrayList<>())
            .add(
                new DashboardRun.MatchRow(
                    volunteer,
                    program,
                    result.getInt(3),
                    result.getDouble(4),
                    reasons.getOrDefault(volunteer + "/" + program, List.of())));
      }
    }
    return rows;
  }

  /** A list-of-text column, in order, by the key expression. */
  private static Map<String, List<String>> strings(
      Statement statement, String table, String key, String column) throws SQLException {
    Map<String, List<String>> values = new HashMap<>();
    try (ResultSet result =
        statement.executeQuery(
            "SELECT k, v FROM (SELECT "
                + key
                + " AS k, unnest("
                + column
                + ") AS v, unnest(range(len("
                + column
                + "))) AS i FROM "
                + table
                + ") ORDER BY k, i")) {
      while (result.next()) {
        values
            .computeIfAbsent(result.getString(1), id -> new ArrayList<>())
            .add(result.getString(2));
      }
    }
    return values;
  }

  private static String table(Path runFolder, String table) {
    Path folder = runFolder.resolve(table);
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "results run " + runFolder.getFileName() + " has no table " + table);
    }
    return "read_parquet('" + folder.toString().replace("'", "''") + "/*.parquet')";
  }
}
