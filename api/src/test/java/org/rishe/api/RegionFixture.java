package org.rishe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a small {@code regions} table into a run folder with DuckDB, in the shape {@code
 * CatalogueStep} publishes: the zone {@code Z1} (no outline) holding R01 and R02, each a unit
 * square side by side, and R03 with names but no outline. {@code unassigned}, which the dashboard
 * tables also hold, is not a region of the catalogue.
 */
final class RegionFixture {
  static final String R01_OUTLINE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[50,32],[51,32],[51,33],[50,33],[50,32]]]}";
  static final String R02_OUTLINE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[51,32],[52,32],[52,33],[51,33],[51,32]]]}";

  private RegionFixture() {}

  static void write(Statement statement, Path run) throws SQLException {
    Path folder = run.resolve("regions");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    statement.execute(
        "COPY (SELECT * FROM (VALUES"
            + " ('R01','Capital District','ناحیه پایتخت','Z1','"
            + R01_OUTLINE
            + "'),"
            + " ('R02','Green Valley','دره سبز','Z1','"
            + R02_OUTLINE
            + "'),"
            + " ('R03','Riverside','کناررود',NULL,NULL),"
            + " ('Z1','North Zone','منطقه شمال',NULL,NULL))"
            + " AS t(region, label_en, label_fa, parent, geometry)) TO '"
            + folder.resolve("part-0.parquet")
            + "' (FORMAT PARQUET)");
  }
}
