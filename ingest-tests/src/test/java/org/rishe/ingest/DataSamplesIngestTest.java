package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.report.FileReport;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.curated.TestTables;

/**
 * The repository's {@code data-samples}: the sample batch loads the same from its CSV files and
 * from its workbook, and the KoboToolbox sample export loads through its mapping.
 */
class DataSamplesIngestTest {
  private final SparkSession spark = TestSparkSessions.shared();

  @TempDir Path temporary;

  private static final DateParser.BatchCalendar JALALI = DateParser.BatchCalendar.JALALI;

  private static IngestReport ingest(Path warehouse, Path batch) {
    return TestBatches.ingest(warehouse, batch);
  }

  private IngestReport ingest(Path warehouse, Path batch, DateParser.BatchCalendar calendar) {
    return new IngestJob(
            spark,
            new WarehouseLayout(warehouse.toString()),
            new Pseudonymizer(new byte[32]),
            line -> {})
        .run(batch.toString(), calendar);
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
      // a spreadsheet row is numbered as the CSV line it came from, and named by its sheet
      assertThat(quarantine(excel, entity))
          .as(entity.fileName())
          .isEqualTo(quarantine(csv, entity));
      assertThat(quarantineSources(excel, entity))
          .as(entity.fileName())
          .isSubsetOf("batch.xlsx#" + entity.fileName());
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
        TestTables.read(spark, new WarehouseLayout(warehouse.toString()).quarantine("families"))
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
        TestTables.read(spark, new WarehouseLayout(warehouse.toString()).curated("observations"))
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
  void theKoboSampleLoadsTheSameRowsAndQuarantineReasonsAsItsRecordsWrittenAsContractCsv() {
    // data-samples/kobo-contract: the export's 12 submissions and 23 children translated by hand
    // through the mapping (region and housing codes, yes/no, a row per hardship choice, keys
    // _uuid and _uuid-_index), its three wrong answers kept as they are
    IngestReport kobo = ingest(temporary.resolve("kobo"), TestBatches.dataSample("kobo"));
    IngestReport contract =
        ingest(temporary.resolve("contract"), TestBatches.dataSample("kobo-contract"));

    // accepted by hand: 12 - 2 families; 23 - 6 children (one birth year 20l2, five of the two
    // rejected families); 12 * 5 - 10 family and 23 - 6 child observations
    Map<Entity, Long> accepted =
        Map.of(Entity.FAMILIES, 10L, Entity.PEOPLE, 17L, Entity.OBSERVATIONS, 50L + 17L);
    Map<Entity, Map<String, Long>> reasons =
        Map.of(
            Entity.FAMILIES, Map.of("value_not_allowed", 1L, "invalid_number", 1L),
            Entity.PEOPLE, Map.of("invalid_number", 1L, "unknown_reference", 5L),
            Entity.OBSERVATIONS, Map.of("unknown_reference", 16L));
    for (IngestReport report : List.of(kobo, contract)) {
      assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
      for (Entity entity : accepted.keySet()) {
        Totals totals = Totals.of(report, entity);
        assertThat(totals.accepted()).as(entity.fileName()).isEqualTo(accepted.get(entity));
        assertThat(totals.quarantined()).as(entity.fileName()).isEqualTo(reasons.get(entity));
      }
    }
    assertSameLoad(temporary.resolve("kobo"), kobo, temporary.resolve("contract"), contract);
  }

  @Test
  void theKoboSampleAsAnXlsxExportWithPersianDigitsLoadsTheSameRowsAsItsCsvExport()
      throws IOException {
    // the same export as KoboToolbox's XLSX download: a sheet for the submissions, named after
    // the form as the children's _parent_table_name names it, and one for the repeat group;
    // sizes, incomes and birth years written in Persian digits (۱۳۷٫۳)
    Path kobo = TestBatches.dataSample("kobo");
    Path batch = temporary.resolve("kobo-xlsx");
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put(
        "household_visit",
        koboSheet(
            kobo.resolve("household_visit.csv"),
            Set.of("household/household_size", "household/monthly_income")));
    sheets.put(
        "group_child",
        koboSheet(
            kobo.resolve("household_visit_group_child.csv"),
            Set.of("group_child/child_birth_year")));
    TestBatches.writeWorkbook(batch, "household_visit.xlsx", sheets);
    TestBatches.write(
        batch,
        "household_visit.kobo.json",
        Files.readString(kobo.resolve("household_visit.kobo.json"), StandardCharsets.UTF_8)
            .replace("\"export\": \"household_visit.csv\"", "\"export\": \"household_visit.xlsx\"")
            .replace(
                "\"export\": \"household_visit_group_child.csv\"", "\"sheet\": \"group_child\""));

    IngestReport fromCsv = ingest(temporary.resolve("csv"), kobo);
    IngestReport fromXlsx = ingest(temporary.resolve("xlsx"), batch);

    assertThat(fromXlsx.status()).isEqualTo(IngestReport.COMPLETE);
    assertThat(file(fromXlsx, "household_visit.xlsx#group_child", "people").read()).isEqualTo(23);
    assertSameLoad(temporary.resolve("xlsx"), fromXlsx, temporary.resolve("csv"), fromCsv);
  }

  @Test
  void thePersianExcelSampleAsAWorkbookLoadsTheSameRowsWithItsJalaliDatesAndPersianDigits()
      throws IOException {
    Path workbook = temporary.resolve("persian-workbook");
    Map<String, List<List<Object>>> sheets =
        DataSampleWorkbook.sheets(TestBatches.dataSample("persian-excel"));
    // a workbook's first cell holds no byte-order mark, which Excel's CSV UTF-8 starts with
    for (List<List<Object>> rows : sheets.values()) {
      rows.get(0).set(0, rows.get(0).get(0).toString().replace("\uFEFF", ""));
    }
    TestBatches.writeWorkbook(workbook, "persian.xlsx", sheets);

    IngestReport fromCsv =
        ingest(temporary.resolve("csv"), TestBatches.dataSample("persian-excel"), JALALI);
    IngestReport fromExcel = ingest(temporary.resolve("xlsx"), workbook, JALALI);

    assertThat(fromExcel.status()).isEqualTo(IngestReport.COMPLETE);
    // as the CSV files give them: 4 families, 8 people of whom one born 1403/13/01 (no 13th
    // month), 3 cases and 5 observations
    assertThat(Totals.of(fromExcel, Entity.PEOPLE))
        .isEqualTo(new Totals(8, 7, Map.of("invalid_date", 1L)));
    assertSameLoad(temporary.resolve("xlsx"), fromExcel, temporary.resolve("csv"), fromCsv);
  }

  /**
   * Two ingests of the same records: for each entity of the second, the same rows read, accepted
   * and quarantined (by reason), and the same curated rows.
   */
  private void assertSameLoad(
      Path warehouse, IngestReport report, Path expectedWarehouse, IngestReport expected) {
    List<Entity> entities =
        expected.files().stream()
            .map(FileReport::entity)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .flatMap(name -> Entity.fromFileName(name).stream())
            .toList();
    assertThat(entities).isNotEmpty();
    for (Entity entity : entities) {
      assertThat(Totals.of(report, entity))
          .as(entity.fileName())
          .isEqualTo(Totals.of(expected, entity));
      assertThat(rows(warehouse, entity))
          .as(entity.fileName())
          .isEqualTo(rows(expectedWarehouse, entity));
    }
  }

  /**
   * A KoboToolbox CSV export ({@code ;}-separated) as the rows of an XLSX export's sheet, every
   * cell text, the columns {@code persian} named in Persian digits and decimal separator.
   */
  private static List<List<Object>> koboSheet(Path export, Set<String> persian) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (CsvReader csv =
        new CsvReader(Files.newBufferedReader(export, StandardCharsets.UTF_8), ';')) {
      List<String> header = csv.next().orElseThrow().cells();
      rows.add(new ArrayList<>(header));
      Optional<CsvRecord> record;
      while ((record = csv.next()).isPresent()) {
        List<Object> row = new ArrayList<>();
        List<String> cells = record.get().cells();
        for (int i = 0; i < cells.size(); i++) {
          String cell = cells.get(i);
          row.add(
              cell.isEmpty() ? null : persian.contains(header.get(i)) ? persianDigits(cell) : cell);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String persianDigits(String text) {
    StringBuilder persian = new StringBuilder();
    for (char c : text.toCharArray()) {
      persian.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c == '.' ? '٫' : c);
    }
    return persian.toString();
  }

  /** What a report says of an entity's rows, summed over its files (or sheets and targets). */
  private record Totals(long read, long accepted, Map<String, Long> quarantined) {
    static Totals of(IngestReport report, Entity entity) {
      long read = 0;
      long accepted = 0;
      Map<String, Long> quarantined = new TreeMap<>();
      for (FileReport file : report.files()) {
        if (entity.fileName().equals(file.entity())) {
          read += file.read();
          accepted += file.accepted();
          file.quarantinedByReason().forEach((r, n) -> quarantined.merge(r, n, Long::sum));
        }
      }
      // row conservation: each row read is accepted or quarantined
      assertThat(read)
          .as(entity.fileName())
          .isEqualTo(accepted + quarantined.values().stream().mapToLong(n -> n).sum());
      return new Totals(read, accepted, quarantined);
    }
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
    return TestTables.read(
            spark, new WarehouseLayout(warehouse.toString()).curated(entity.fileName()))
        .drop("_source_file", "source_file")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  /** The source files quarantine names for an entity's rows. */
  private List<String> quarantineSources(Path warehouse, Entity entity) {
    return quarantineRows(warehouse, entity, "source_file").stream()
        .map(row -> row.getString(0))
        .distinct()
        .toList();
  }

  /** Each quarantined row's line, reason, field and row, in line order. */
  private List<String> quarantine(Path warehouse, Entity entity) {
    return quarantineRows(warehouse, entity, "line", "reason", "field", "message", "raw_row")
        .stream()
        .map(Row::toString)
        // a duplicate's message names the source of the first: people.csv, batch.xlsx#people
        .map(row -> row.replaceAll("batch\\.xlsx#([a-z_]+)", "$1.csv"))
        .sorted()
        .toList();
  }

  /** The columns given of an entity's quarantined rows; none when nothing was quarantined. */
  private List<Row> quarantineRows(Path warehouse, Entity entity, String... columns) {
    Path table = Path.of(new WarehouseLayout(warehouse.toString()).quarantine(entity.fileName()));
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    return TestTables.read(spark, table.toString()).selectExpr(columns).collectAsList();
  }
}
