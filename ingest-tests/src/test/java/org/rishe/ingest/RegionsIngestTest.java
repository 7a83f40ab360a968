package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.report.FileReport;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.TestSparkSessions;

/**
 * The regions catalogue (issue 18): names kept as given (place names, not personal data), a parent
 * found in the same file whichever line comes first, or stored by an earlier ingest; an unknown
 * parent, a region that is its own parent and an outline that is no GeoJSON polygon quarantined
 * with their reasons; an outline given as a JSON object in JSON Lines stored as its text.
 */
class RegionsIngestTest {
  private static final String SQUARE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[50,32],[51,32],[51,33],[50,33],[50,32]]]}";
  private static SparkSession spark;

  @TempDir Path temporary;

  @BeforeAll
  static void startSpark() {
    spark = TestSparkSessions.shared();
  }

  private static Map<String, Row> regions(Path warehouse) {
    Map<String, Row> byCode = new java.util.TreeMap<>();
    for (Row row :
        spark
            .read()
            .format("delta")
            .load(new WarehouseLayout(warehouse.toString()).curated("regions"))
            .collectAsList()) {
      byCode.put(row.getString(row.fieldIndex("region")), row);
    }
    return byCode;
  }

  private static String text(Row row, String column) {
    return row.getString(row.fieldIndex(column));
  }

  @Test
  void regionsLoadWithNamesParentsAndOutlinesAndBadRowsAreQuarantinedWithTheirReasons() {
    Path batch = temporary.resolve("batch");
    TestBatches.write(
        batch,
        "regions.csv",
        "region,label_en,label_fa,parent,geometry\n"
            // line 2: its parent comes later in the file
            + "R01,Capital District,ناحیه پایتخت,Z1,\""
            + SQUARE.replace("\"", "\"\"")
            + "\"\n"
            + "Z1,North Zone,منطقه شمال,,\n"
            // line 4-7: unknown parent, own parent, a line that is no polygon, an open ring
            + "R02,Green Valley,,Z9,\n"
            + "R03,Riverside,,R03,\n"
            + "R04,Salt Plain,,,\"{\"\"type\"\":\"\"LineString\"\",\"\"coordinates\"\":[[0,0],[1,1]]}\"\n"
            + "R05,Oak Hills,,,\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":"
            + "[[[0,0],[1,0],[1,1],[0,1]]]}\"\n");
    TestBatches.write(
        batch,
        "regions.jsonl",
        "{\"region\":\"R06\",\"label_en\":\"Lake Shore\",\"parent\":\"Z1\",\"geometry\":"
            + SQUARE
            + "}\n");
    Path warehouse = temporary.resolve("warehouse");

    IngestReport report = TestBatches.ingest(warehouse, batch);

    FileReport csv = TestBatches.file(report, "regions.csv");
    assertThat(csv.read()).isEqualTo(6);
    assertThat(csv.accepted()).isEqualTo(2);
    assertThat(csv.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("unknown_reference", 1L, "value_not_allowed", 1L, "invalid_geometry", 2L));
    assertThat(TestBatches.file(report, "regions.jsonl").accepted()).isEqualTo(1);
    Map<String, Row> regions = regions(warehouse);
    assertThat(regions).containsOnlyKeys("R01", "R06", "Z1");
    assertThat(text(regions.get("R01"), "label_fa")).isEqualTo("ناحیه پایتخت");
    assertThat(text(regions.get("R01"), "parent")).isEqualTo("Z1");
    assertThat(text(regions.get("R01"), "geometry")).isEqualTo(SQUARE);
    assertThat(text(regions.get("R06"), "geometry")).isEqualTo(SQUARE);
    assertThat(text(regions.get("Z1"), "geometry")).isNull();
    List<Row> quarantine =
        spark
            .read()
            .format("delta")
            .load(new WarehouseLayout(warehouse.toString()).quarantine("regions"))
            .collectAsList();
    assertThat(quarantine)
        .extracting(r -> text(r, "field") + "@" + r.getLong(r.fieldIndex("line")))
        .containsExactlyInAnyOrder("parent@4", "parent@5", "geometry@6", "geometry@7");

    // a later batch: a child of the stored zone, without the zone
    Path later = temporary.resolve("later");
    TestBatches.write(later, "regions.csv", "region,label_en,parent\nR07,Stone Bridge,Z1\n");
    FileReport laterFile = TestBatches.file(TestBatches.ingest(warehouse, later), "regions.csv");
    assertThat(laterFile.accepted()).isEqualTo(1);
    assertThat(regions(warehouse)).containsOnlyKeys("R01", "R06", "R07", "Z1");
  }
}
