package org.rishe.api.results;

import static org.rishe.api.results.RunLoader.nullableDouble;
import static org.rishe.api.results.RunLoader.nullableInteger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.rishe.common.results.ResultTables;

/**
 * Reads the needs board of a run with DuckDB, longest open first; a run published before the table
 * existed has none.
 */
final class NeedsBoardLoader {
  private NeedsBoardLoader() {}

  static List<NeedRow> load(Statement statement, Path runFolder) throws SQLException {
    List<NeedRow> rows = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.NEEDS_BOARD))) {
      return rows;
    }
    try (ResultSet result =
        statement.executeQuery(
            "SELECT need_ref, need_id, kind, amount, currency, region, program_id,"
                + " CAST(opened_on AS VARCHAR), days_open, status, age_band, sex, group_size"
                + " FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.NEEDS_BOARD)
                + ") ORDER BY days_open DESC, need_ref")) {
      while (result.next()) {
        rows.add(
            new NeedRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                nullableDouble(result, 4),
                result.getString(5),
                result.getString(6),
                result.getString(7),
                result.getString(8),
                result.getInt(9),
                result.getString(10),
                result.getString(11),
                result.getString(12),
                nullableInteger(result, 13)));
      }
    }
    return rows;
  }
}
