package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.Entity;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.report.FileReport;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.TestSparkSessions;

/**
 * The repository's {@code data-samples}: the sample batch loads the same from its CSV files and
 * from its workbook, and the KoboToolbox sample export loads through its mapping.
 */
class DataSamplesIngestTest {
  private final SparkSession spark = TestSparkSessions.shared();

  @TempDir Path temporary;

  private static IngestReport ingest(Path warehouse, Path batch) {
    return TestBatches.ingest(warehouse, batch);
  }

  @Test
  void theSampleBatchLoadsTheSameRowsAndQuarantineFromItsCsvFilesAndFromItsWorkbook()
      throws IOException {
    Path csv = temporary.resolve("csv");
    Path excel = temporary.resolve("excel");
    Path workbook = temporary.resolve("workbook");
    Files.createDirectories(workbook);
    Files.copy(TestBatches.dataSample("batch.xlsx"), workbook.resolve("batch.xlsx"));

    IngestReport fromCsv = ingest(csv, TestBatches.dataSample("batch"));
    IngestReport fromExcel = ingest(excel, workbook);

    for (IngestReport report : List.of(fromCsv, fromExcel)) {
      assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
      assertThat(report.files()).hasSize(Entity.values().length);
      for (FileReport file : report.files()) {
        assertThat(file.accepted() + file.quarantined()).as(file.file()).isEqualTo(file.read());
      }
    }
    for (Entity entity : Entity.values()) {
      FileReport fromFile = TestBatches.file(fromCsv, entity.fileName() + ".csv");
      FileReport fromSheet = TestBatches.file(fromExcel, "batch.xlsx#" + entity.fileName());
      assertThat(fromSheet.read()).as(entity.fileName()).isEqualTo(fromFile.read());
      assertThat(fromSheet.accepted()).as(entity.fileName()).isEqualTo(fromFile.accepted());
      assertThat(fromSheet.quarantinedByReason())
          .as(entity.fileName())
          .isEqualTo(fromFile.quarantinedByReason());
      assertThat(fromSheet.droppedPersonalColumns()).isEqualTo(fromFile.droppedPersonalColumns());
      assertThat(rows(excel, entity)).as(entity.fileName()).isEqualTo(rows(csv, entity));
      // a spreadsheet row is numbered as the CSV line it came from
      assertThat(quarantine(excel, entity))
          .as(entity.fileName())
          .isEqualTo(quarantine(csv, entity));
    }
    assertThat(TestBatches.file(fromCsv, "people.csv").droppedPersonalColumns())
        .containsExactly("full_name", "national_id");
    Map<String, Long> reasons = new TreeMap<>();
    for (FileReport file : fromCsv.files()) {
      file.quarantinedByReason().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
    }
    assertThat(reasons)
        .containsOnlyKeys("duplicate_key", "missing_required", "unknown_indicator", "invalid_date");
  }

  @Test
  void theKoboSampleLoadsThroughItsMappingWithEveryRowAccountedFor() {
    Path warehouse = temporary.resolve("warehouse");

    IngestReport report = ingest(warehouse, TestBatches.dataSample("kobo"));

    assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
    for (FileReport file : report.files()) {
      assertThat(file.accepted() + file.quarantined()).as(file.file()).isEqualTo(file.read());
    }
    FileReport families = file(report, "household_visit.csv", "families");
    assertThat(families.read()).isEqualTo(12);
    assertThat(families.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(Map.of("value_not_allowed", 1L, "invalid_number", 1L));
    assertThat(families.droppedPersonalColumns())
        .containsExactlyInAnyOrder("household/respondent_name", "household/phone");
    FileReport people = file(report, "household_visit_group_child.csv", "people");
    assertThat(people.droppedPersonalColumns()).containsExactly("group_child/child_name");
    // the children of the two submissions quarantined as families refer to no family
    assertThat(people.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(Map.of("invalid_number", 1L, "unknown_reference", 5L));
    // one row per answered indicator: income, unemployment and three hardship choices
    FileReport visits = file(report, "household_visit.csv", "observations");
    assertThat(visits.read()).isEqualTo(12 * 5);
    assertThat(visits.quarantinedByReason()).containsExactly(Map.entry("unknown_reference", 10L));
    List<Row> bad =
        spark
            .read()
            .format("delta")
            .load(new WarehouseLayout(warehouse.toString()).quarantine("families"))
            .orderBy("line")
            .collectAsList();
    assertThat(bad)
        .extracting(r -> r.getAs("line") + " " + r.getAs("reason") + " " + r.getAs("field"))
        .containsExactly("6 value_not_allowed housing", "10 invalid_number household_size");
    assertThat(bad.get(0).getString(bad.get(0).fieldIndex("message")))
        .contains("household/housing")
        .contains("'tent'")
        .contains("household_visit.kobo.json");
    List<Row> observations =
        spark
            .read()
            .format("delta")
            .load(new WarehouseLayout(warehouse.toString()).curated("observations"))
            .collectAsList();
    assertThat(observations)
        .extracting(r -> r.getString(r.fieldIndex("indicator")))
        .contains(
            "household_income",
            "parent_unemployed",
            "food_insecurity",
            "family_conflict",
            "undocumented",
            "out_of_school");
  }

  @Test
  void aBadMappingFailsAloneNamingTheFileAndFieldAndTheRestOfTheBatchLoads() throws IOException {
    Path batch = koboSample("batch");
    String mapping =
        Files.readString(batch.resolve("household_visit.kobo.json"), StandardCharsets.UTF_8);
    // the children's target reads a field the export does not have
    Files.writeString(
        batch.resolve("household_visit.kobo.json"),
        mapping.replace("group_child/child_birth_year", "group_child/child_birth_yr"));
    // a second form's mapping names a column families does not have
    TestBatches.write(
        batch,
        "clinic.kobo.json",
        "{\"export\": \"clinic.csv\", \"targets\": [{\"entity\": \"families\","
            + " \"columns\": {\"family_id\": \"_uuid\", \"regoin\": \"region\"}}]}");
    TestBatches.write(batch, "clinic.csv", "_uuid,region\nu1,R01\n");
    TestBatches.write(batch, "volunteers.csv", "volunteer_id,region\nV1,R01\n");

    IngestReport report = ingest(temporary.resolve("warehouse"), batch);

    assertThat(report.status()).isEqualTo(IngestReport.PARTIAL);
    assertThat(TestBatches.file(report, "clinic.kobo.json").error())
        .isEqualTo(
            "clinic.kobo.json: targets[1] (families).columns: families has no column 'regoin';"
                + " its columns are family_id, region, household_size, monthly_income, housing,"
                + " registered_on");
    assertThat(report.files()).extracting(FileReport::file).doesNotContain("clinic.csv");
    assertThat(file(report, "household_visit_group_child.csv", "people").error())
        .isEqualTo(
            "household_visit.kobo.json: targets[3] (people): the form field"
                + " 'group_child/child_birth_yr' is not a column of household_visit_group_child.csv");
    assertThat(file(report, "household_visit.csv", "families").accepted()).isEqualTo(10);
    assertThat(TestBatches.file(report, "volunteers.csv").accepted()).isEqualTo(1);
  }

  @Test
  void aRepeatRowWhoseSubmissionIsMissingOrNamedTwoWaysIsQuarantinedAndTheRestLoads()
      throws IOException {
    Path batch = koboSample("repeats");
    // line 25: a child of a submission the export does not hold (an orphan); line 26: a child
    // whose _parent_index names the second submission but whose _submission__uuid names the first
    Files.writeString(
        batch.resolve("household_visit_group_child.csv"),
        "\"Arash\";\"m\";\"2015\";\"yes\";\"24\";\"household_visit\";\"13\";\"1013\";"
            + "\"00000000-0000-0000-0000-000000000013\";\"2024-09-01T10:00:00\"\n"
            + "\"Sara\";\"f\";\"2014\";\"yes\";\"25\";\"household_visit\";\"2\";\"1001\";"
            + "\"4dad2986-ce83-4960-aa06-e9ab85a0bcc1\";\"2024-05-10T07:49:45\"\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    Path warehouse = temporary.resolve("repeats-warehouse");
    IngestReport report = ingest(warehouse, batch);

    assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
    for (FileReport file : report.files()) {
      assertThat(file.accepted() + file.quarantined()).as(file.file()).isEqualTo(file.read());
    }
    FileReport people = file(report, "household_visit_group_child.csv", "people");
    assertThat(people.read()).isEqualTo(25);
    assertThat(people.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("invalid_number", 1L, "unknown_reference", 5L, "unmatched_parent", 2L));
    assertThat(
            file(report, "household_visit_group_child.csv", "observations").quarantinedByReason())
        .containsEntry("unmatched_parent", 2L);
    assertThat(quarantine(warehouse, Entity.PEOPLE))
        .filteredOn(row -> row.contains("unmatched_parent"))
        .containsExactly(
            "[25,unmatched_parent,null,_parent_index 13 is the _index of no row of"
                + " household_visit.csv, nor is _submission__uuid"
                + " '00000000-0000-0000-0000-000000000013' a _uuid there (orphan row),null]",
            "[26,unmatched_parent,null,_parent_index 2 and _submission__uuid"
                + " '4dad2986-ce83-4960-aa06-e9ab85a0bcc1' disagree: the row of household_visit.csv"
                + " with _index 2 has _uuid 'dbd5f6d2-f095-49af-81dd-a9da14f50791',null]");
  }

  /** A copy of data-samples/kobo (export, repeat group and mapping) in a new folder. */
  private Path koboSample(String folder) throws IOException {
    Path batch = temporary.resolve(folder);
    Files.createDirectories(batch);
    for (String name :
        List.of(
            "household_visit.csv",
            "household_visit_group_child.csv",
            "household_visit.kobo.json")) {
      Files.copy(TestBatches.dataSample("kobo").resolve(name), batch.resolve(name));
    }
    return batch;
  }

  private static FileReport file(IngestReport report, String name, String entity) {
    return report.files().stream()
        .filter(f -> f.file().equals(name) && entity.equals(f.entity()))
        .findFirst()
        .orElseThrow();
  }

  private List<String> rows(Path warehouse, Entity entity) {
    return spark
        .read()
        .format("delta")
        .load(new WarehouseLayout(warehouse.toString()).curated(entity.fileName()))
        .drop("_source_file", "source_file")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  /** Each quarantined row's line, reason, field and row, in line order. */
  private List<String> quarantine(Path warehouse, Entity entity) {
    Path table = Path.of(new WarehouseLayout(warehouse.toString()).quarantine(entity.fileName()));
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    return spark
        .read()
        .format("delta")
        .load(table.toString())
        .select("line", "reason", "field", "message", "raw_row")
        .collectAsList()
        .stream()
        .map(Row::toString)
        // a duplicate's message names the source of the first: people.csv, batch.xlsx#people
        .map(row -> row.replaceAll("batch\\.xlsx#([a-z_]+)", "$1.csv"))
        .sorted()
        .toList();
  }
}
