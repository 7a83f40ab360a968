package org.rishe.api.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rishe.common.results.ResultTables;

/**
 * Reads the regions catalogue of a run with DuckDB; a run published before the table existed has
 * none, and neither has a run of a warehouse that never ingested a regions file (an empty table).
 */
final class RegionLoader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private RegionLoader() {}

  static List<PublishedRun.RegionRow> load(Statement statement, Path runFolder)
      throws SQLException {
    List<PublishedRun.RegionRow> rows = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.REGIONS))) {
      return rows;
    }
    try (ResultSet result =
        statement.executeQuery(
            "SELECT region, label_en, label_fa, parent, geometry FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.REGIONS)
                + ") ORDER BY region")) {
      while (result.next()) {
        rows.add(
            new PublishedRun.RegionRow(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                geometry(result.getString(5))));
      }
    }
    return rows;
  }

  /** The outline as a JSON object; ingest accepted only valid GeoJSON, so a failure is a bug. */
  private static Map<String, Object> geometry(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a region's geometry is not JSON: " + e.getMessage(), e);
    }
  }
}
