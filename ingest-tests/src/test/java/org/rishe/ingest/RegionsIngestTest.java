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
import org.rishe.spark.curated.TestTables;

/**
 * The regions catalogue (issue 18): names kept as given (place names, not personal data), a parent
 * found in the same file whichever line comes first, or stored by an earlier ingest; an unknown
 * parent, a region that is its own parent and an outline that is no GeoJSON polygon quarantined
 * with their reasons; an outline given as a JSON object in JSON Lines stored as its text; chains of
 * parents that loop, within a batch or closed against stored regions, quarantined.
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
        TestTables.read(spark, new WarehouseLayout(warehouse.toString()).curated("regions"))
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
        TestTables.read(spark, new WarehouseLayout(warehouse.toString()).quarantine("regions"))
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

  @Test
  void regionsWhoseParentsLoopAreQuarantinedInTheBatchAndAgainstStoredRegions() {
    Path batch = temporary.resolve("batch");
    TestBatches.write(
        batch,
        "regions.csv",
        "region,label_en,parent\n"
            // lines 2-3: a 2-cycle; 4-6: a 3-cycle; 7: runs into the 2-cycle; 8-9: a proper tree
            + "R01,One,R02\n"
            + "R02,Two,R01\n"
            + "R03,Three,R04\n"
            + "R04,Four,R05\n"
            + "R05,Five,R03\n"
            + "R06,Six,R01\n"
            + "Z1,Zone,\n"
            + "R07,Seven,Z1\n");
    Path warehouse = temporary.resolve("warehouse");

    FileReport file = TestBatches.file(TestBatches.ingest(warehouse, batch), "regions.csv");

    assertThat(file.read()).isEqualTo(8);
    assertThat(file.accepted()).isEqualTo(2);
    assertThat(file.quarantinedByReason()).containsExactlyEntriesOf(Map.of("parent_cycle", 6L));
    assertThat(regions(warehouse)).containsOnlyKeys("R07", "Z1");
    assertThat(quarantineMessages(warehouse))
        .containsExactlyInAnyOrder(
            "2 parent parent chain loops: R01 -> R02 -> R01",
            "3 parent parent chain loops: R02 -> R01 -> R02",
            "4 parent parent chain loops: R03 -> R04 -> R05 -> R03",
            "5 parent parent chain loops: R04 -> R05 -> R03 -> R04",
            "6 parent parent chain loops: R05 -> R03 -> R04 -> R05",
            "7 parent parent chain runs into the loop R01 -> R02 -> R01");

    // a later batch closes a loop through a stored region (Z1 in R07, stored in Z1) and adds R08
    // in Z1: the zone keeps its stored row, without a parent
    Path later = temporary.resolve("later");
    TestBatches.write(later, "regions.csv", "region,label_en,parent\nZ1,Zone,R07\nR08,Eight,Z1\n");
    FileReport laterFile = TestBatches.file(TestBatches.ingest(warehouse, later), "regions.csv");
    assertThat(laterFile.read()).isEqualTo(2);
    assertThat(laterFile.accepted()).isEqualTo(1);
    assertThat(laterFile.quarantinedByReason())
        .containsExactlyEntriesOf(Map.of("parent_cycle", 1L));
    Map<String, Row> regions = regions(warehouse);
    assertThat(regions).containsOnlyKeys("R07", "R08", "Z1");
    assertThat(text(regions.get("Z1"), "parent")).isNull();
    assertThat(quarantineMessages(warehouse))
        .contains("2 parent parent chain loops: Z1 -> R07 -> Z1");
  }

  /** Each quarantined region as line, field and message. */
  private static List<String> quarantineMessages(Path warehouse) {
    return TestTables.read(spark, new WarehouseLayout(warehouse.toString()).quarantine("regions"))
        .collectAsList()
        .stream()
        .map(
            r ->
                r.getLong(r.fieldIndex("line")) + " " + text(r, "field") + " " + text(r, "message"))
        .toList();
  }
}
