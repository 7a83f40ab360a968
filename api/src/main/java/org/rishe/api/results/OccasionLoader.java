package org.rishe.api.results;

import static org.rishe.api.results.RunLoader.nullableDouble;
import static org.rishe.api.results.RunLoader.nullableLong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.rishe.common.results.ResultTables;

/**
 * Reads the giving-by-occasion table of a run with DuckDB; a run published before the table existed
 * has none.
 */
final class OccasionLoader {
  private OccasionLoader() {}

  static List<OccasionGivingRow> load(Statement statement, Path runFolder) throws SQLException {
    List<OccasionGivingRow> rows = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.OCCASION_GIVING))) {
      return rows;
    }
    try (ResultSet result =
        statement.executeQuery(
            "SELECT occasion, label_en, label_fa, calendar, occasion_year, year,"
                + " CAST(start_date AS VARCHAR), CAST(end_date AS VARCHAR), days, comparison_days,"
                + " array_to_string(\"overlaps\", ','), measure, currency, occasion_total,"
                + " comparison_total, occasion_weekly, comparison_weekly, rate_ratio,"
                + " rate_ratio_low, rate_ratio_high, occasion_events, comparison_events, donors,"
                + " interval_method FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.OCCASION_GIVING)
                + ") ORDER BY start_date, occasion, measure, currency NULLS FIRST")) {
      while (result.next()) {
        String overlaps = result.getString(11);
        rows.add(
            new OccasionGivingRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getInt(5),
                result.getInt(6),
                result.getString(7),
                result.getString(8),
                result.getInt(9),
                result.getInt(10),
                overlaps == null || overlaps.isEmpty() ? List.of() : List.of(overlaps.split(",")),
                result.getString(12),
                result.getString(13),
                result.getDouble(14),
                result.getDouble(15),
                result.getDouble(16),
                nullableDouble(result, 17),
                nullableDouble(result, 18),
                nullableDouble(result, 19),
                nullableDouble(result, 20),
                result.getLong(21),
                result.getLong(22),
                nullableLong(result, 23),
                result.getString(24)));
      }
    }
    return rows;
  }
}
