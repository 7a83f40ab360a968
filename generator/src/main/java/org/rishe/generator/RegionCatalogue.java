package org.rishe.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rishe.common.csv.CsvWriter;

/**
 * The regions catalogue of a synthetic batch: the ten regions R01..R10 the families are drawn in,
 * with made-up names in English and Persian (no real place), in two made-up zones, each region a
 * square cell of a 5 × 2 grid so that {@code bin/rishe demo} draws a map. The zones have names but
 * no outline. Fixed, with no random draw, so adding it changed no other file of a batch.
 */
final class RegionCatalogue {
  static final String FILE_NAME = "regions.csv";

  /** Code, English name, Persian name, zone. */
  private static final List<List<String>> REGIONS =
      List.of(
          List.of("R01", "Capital District", "ناحیه پایتخت", "ZN"),
          List.of("R02", "Green Valley", "دره سبز", "ZN"),
          List.of("R03", "Riverside", "کناررود", "ZN"),
          List.of("R04", "Highlands", "کوهستان", "ZN"),
          List.of("R05", "Oak Hills", "تپه‌های بلوط", "ZN"),
          List.of("R06", "Salt Plain", "دشت نمک", "ZS"),
          List.of("R07", "Palm Coast", "ساحل نخل", "ZS"),
          List.of("R08", "Desert Gate", "دروازه کویر", "ZS"),
          List.of("R09", "Lake Shore", "کرانه دریاچه", "ZS"),
          List.of("R10", "Stone Bridge", "پل سنگی", "ZS"));

  private static final List<List<String>> ZONES =
      List.of(List.of("ZN", "North Zone", "منطقه شمال"), List.of("ZS", "South Zone", "منطقه جنوب"));

  /** West and south edge of the grid, in degrees; any made-up place would do. */
  private static final double WEST = 50.0;

  private static final double SOUTH = 32.0;

  private RegionCatalogue() {}

  /** Writes {@code regions.csv} into the batch folder; returns its number of rows. */
  static long write(Path outDir) {
    Path target = outDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(outDir);
      try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
          CsvWriter csv = new CsvWriter(writer)) {
        csv.write("region", "label_en", "label_fa", "parent", "geometry");
        for (List<String> zone : ZONES) {
          csv.write(zone.get(0), zone.get(1), zone.get(2), "", "");
        }
        for (int i = 0; i < REGIONS.size(); i++) {
          List<String> region = REGIONS.get(i);
          csv.write(region.get(0), region.get(1), region.get(2), region.get(3), square(i));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return ZONES.size() + REGIONS.size();
  }

  /**
   * Region {@code index}'s cell as a GeoJSON Polygon: five across, the first zone's row north of
   * the second's, one degree square, the ring counter-clockwise as RFC 7946 asks.
   */
  static String square(int index) {
    double west = WEST + index % 5;
    double south = SOUTH + (index < 5 ? 1 : 0);
    double east = west + 1;
    double north = south + 1;
    return String.format(
        Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%1$.1f,%2$.1f],[%3$.1f,%2$.1f],[%3$.1f,%4$.1f],"
            + "[%1$.1f,%4$.1f],[%1$.1f,%2$.1f]]]}",
        west,
        south,
        east,
        north);
  }
}
