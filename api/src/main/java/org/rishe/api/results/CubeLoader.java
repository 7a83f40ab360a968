package org.rishe.api.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.rishe.common.results.ResultTables;

/**
 * Reads the researcher cubes of a run with DuckDB. A run published before the cubes existed lacks
 * their tables; those cubes are simply absent. A null dimension value reads as {@code unknown}, so
 * no count is ever lost.
 */
final class CubeLoader {
  /** A published cube table: its Parquet name, measure column and dimension columns. */
  private record Source(String table, String measure, List<String> columns) {}

  private static final List<Source> SOURCES =
      List.of(
          new Source(
              ResultTables.CUBE_CASES,
              ResultTables.CASES,
              List.of(
                  ResultTables.REGION,
                  ResultTables.PROBLEM,
                  ResultTables.SEX,
                  ResultTables.AGE_BAND,
                  ResultTables.MONTH)),
          new Source(
              ResultTables.CUBE_PEOPLE,
              ResultTables.PEOPLE,
              List.of(ResultTables.REGION, ResultTables.SEX, ResultTables.AGE_BAND)),
          new Source(
              ResultTables.CUBE_PARTICIPANTS,
              ResultTables.PARTICIPANTS,
              List.of(
                  ResultTables.REGION,
                  ResultTables.PROGRAM,
                  ResultTables.SEX,
                  ResultTables.AGE_BAND,
                  ResultTables.MONTH)));

  private CubeLoader() {}

  static List<Cube> load(Statement statement, Path runFolder) throws SQLException {
    List<Cube> cubes = new ArrayList<>();
    for (Source source : SOURCES) {
      if (Files.isDirectory(runFolder.resolve(source.table()))) {
        cubes.add(read(statement, runFolder, source));
      }
    }
    return cubes;
  }

  private static Cube read(Statement statement, Path runFolder, Source source) throws SQLException {
    List<String> selected = new ArrayList<>();
    for (String column : source.columns()) {
      selected.add("coalesce(CAST(" + column + " AS VARCHAR), '" + ResultTables.UNKNOWN + "')");
    }
    String keys = String.join(", ", selected);
    List<Cube.Cell> cells = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT "
                + keys
                + ", CAST(sum("
                + source.measure()
                + ") AS BIGINT) FROM read_parquet("
                + RunLoader.parquet(runFolder, source.table())
                + ") GROUP BY ALL ORDER BY ALL")) {
      int width = source.columns().size();
      while (rows.next()) {
        List<String> values = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
          values.add(rows.getString(i));
        }
        cells.add(new Cube.Cell(values, rows.getLong(width + 1)));
      }
    }
    return new Cube(
        camelCase(source.measure()),
        source.columns().stream().map(CubeLoader::camelCase).toList(),
        cells);
  }

  /** The API's name of a snake_case column: {@code age_band} is {@code ageBand}. */
  static String camelCase(String column) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
