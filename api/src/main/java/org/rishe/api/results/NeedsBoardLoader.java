package org.rishe.api.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the needs board of a run with DuckDB: only the columns pledges and a donor's giving use. A
 * run published before the table existed has none.
 */
final class NeedsBoardLoader {
  /**
   * The table's name; to move to {@code ResultTables} with the analytics step that publishes it.
   */
  static final String NEEDS_BOARD = "needs_board";

  private NeedsBoardLoader() {}

  static List<NeedsBoardRow> load(Statement statement, Path runFolder) throws SQLException {
    List<NeedsBoardRow> rows = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(NEEDS_BOARD))) {
      return rows;
    }
    try (ResultSet result =
        statement.executeQuery(
            "SELECT need_ref, need_id, kind, CAST(amount AS DOUBLE), currency, region,"
                + " program_id, CAST(opened_on AS VARCHAR), status FROM read_parquet("
                + RunLoader.parquet(runFolder, NEEDS_BOARD)
                + ") ORDER BY need_ref")) {
      while (result.next()) {
        double value = result.getDouble(4);
        Double amount = result.wasNull() ? null : value;
        rows.add(
            new NeedsBoardRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                amount,
                result.getString(5),
                result.getString(6),
                result.getString(7),
                result.getString(8),
                result.getString(9)));
      }
    }
    return rows;
  }
}
