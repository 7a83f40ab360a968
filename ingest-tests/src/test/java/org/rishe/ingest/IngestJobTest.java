package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.report.FileReport;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.curated.CuratedSchemas;
import org.rishe.spark.curated.TestTables;

class IngestJobTest {
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);
  private static SparkSession spark;

  @TempDir Path temporary;

  @BeforeAll
  static void startSpark() {
    spark = TestSparkSessions.shared();
  }

  private IngestReport ingest(Path warehouse, Path batch) {
    return ingest(warehouse, batch, DateParser.BatchCalendar.GREGORIAN);
  }

  private IngestReport ingest(Path warehouse, Path batch, DateParser.BatchCalendar calendar) {
    return ingest(warehouse, batch, calendar, BatchEncoding.UTF_8);
  }

  private IngestReport ingest(
      Path warehouse, Path batch, DateParser.BatchCalendar calendar, BatchEncoding encoding) {
    return new IngestJob(spark, new WarehouseLayout(warehouse.toString()), PSEUDONYMS, line -> {})
        .run(batch.toString(), calendar, encoding);
  }

  private List<Row> table(Path warehouse, Entity entity) {
    return TestTables.read(
            spark, new WarehouseLayout(warehouse.toString()).curated(entity.fileName()))
        .collectAsList();
  }

  /** Writes the entity's curated table as an earlier version stored it, in its own schema. */
  private void curatedEarlier(
      WarehouseLayout layout,
      Entity entity,
      org.apache.spark.sql.types.StructType schema,
      Row... rows) {
    spark
        .createDataFrame(List.of(rows), schema)
        .write()
        .format("delta")
        .save(layout.curated(entity.fileName()));
  }

  private static FileReport file(IngestReport report, String name) {
    return report.files().stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
  }

  private static Path familiesAndPeople(Path batch) {
    TestBatches.write(
        batch,
        "families.csv",
        "\uFEFFfamily_id,region,household_size,monthly_income,housing,registered_on\r\nF1,R01,4,120,rented,2024-01-10\r\nF2,R02,3,,informal,2024-02-01\r\n");
    TestBatches.write(
        batch,
        "people.csv",
        "person_id,family_id,full_name,national_id,birth_date,sex,relation,registered_on,consent_analytics,favourite_colour\n"
            + "P1,F1,\"زهرا احمدی\",0012345678,2012-05-01,female,child,2024-01-10,true,blue\n"
            + "P2,F1,\"Ali \"\"the elder\"\"\nRezaei\",0098765432,1980-03-03,male,father,2024-01-10,,green\n"
            + "P3,F9,Nobody,0011111111,2013-01-01,male,child,2024-01-10,true,red\n"
            + "P4,F2,Short Row,0022222222,2014-01-01\n"
            + "P1,F2,Dup Licate,0033333333,2012-05-01,female,child,2024-01-10,true,blue\n");
    return batch;
  }

  @Test
  void acceptsGoodRowsAndQuarantinesEachBadRowWithItsReason() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = familiesAndPeople(temporary.resolve("batch"));
    TestBatches.write(
        batch,
        "cases.jsonl",
        "{\"case_id\":\"C1\",\"person_id\":\"P1\",\"problem\":\"child_labour\",\"opened_on\":\"2024-03-01\",\"status\":\"open\"}\n"
            + "{\"case_id\":\"C2\",\"person_id\":\"P1\",\"problem\":\"no_such_problem\",\"opened_on\":\"2024-03-01\"}\n"
            + "{\"case_id\":\"C3\",\"person_id\":\"P1\",\"problem\":\"household_income\",\"opened_on\":\"2024-03-01\"}\n"
            + "{\"case_id\":\"C4\",\"person_id\":\"P1\",\"problem\":\"delinquency\",\"opened_on\":\"2024-13-01\"}\n"
            + "{\"case_id\":\"C5\",\"person_id\":\"P1\",\"problem\":\"delinquency\",\"opened_on\":\"2024-03-01\",\"closed_on\":\"2024-02-01\"}\n"
            + "not json\n"
            + "\n"
            + "{\"case_id\":\"C6\",\"problem\":\"delinquency\",\"opened_on\":\"2024-03-01\"}\n");

    IngestReport report = ingest(warehouse, batch);

    assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
    FileReport families = file(report, "families.csv");
    assertThat(families.read()).isEqualTo(2);
    assertThat(families.accepted()).isEqualTo(2);
    FileReport people = file(report, "people.csv");
    assertThat(people.read()).isEqualTo(5);
    assertThat(people.accepted()).isEqualTo(2);
    assertThat(people.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("unknown_reference", 1L, "wrong_column_count", 1L, "duplicate_key", 1L));
    assertThat(people.droppedPersonalColumns()).containsExactly("full_name", "national_id");
    assertThat(people.ignoredColumns()).containsExactly("favourite_colour");
    FileReport cases = file(report, "cases.jsonl");
    assertThat(cases.read()).isEqualTo(7);
    assertThat(cases.accepted()).isEqualTo(1);
    assertThat(cases.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "unknown_indicator", 1L,
                "wrong_indicator_kind", 1L,
                "invalid_date", 1L,
                "date_order", 1L,
                "malformed_record", 1L,
                "missing_required", 1L));
    for (FileReport file : report.files()) {
      assertThat(file.accepted() + file.quarantined()).as(file.file()).isEqualTo(file.read());
    }
    List<Row> quarantine =
        TestTables.read(spark, new WarehouseLayout(warehouse.toString()).quarantine("people"))
            .orderBy("line")
            .collectAsList();
    assertThat(quarantine)
        .extracting(r -> r.getLong(r.fieldIndex("line")))
        .containsExactly(5L, 6L, 7L);
  }

  @Test
  void filesReadInManySmallPartsLoadAndQuarantineWhatFilesReadWholeDo() {
    Path batch = familiesAndPeople(temporary.resolve("batch"));
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      cases.append(
          i % 4 == 3
              ? "not json\r\n\n"
              : "{\"case_id\":\"C%d\",\"person_id\":\"P1\",\"problem\":\"child_labour\",\"opened_on\":\"2024-03-%02d\"}\n"
                  .formatted(i, i % 35 + 1));
    }
    TestBatches.write(batch, "cases.jsonl", cases.toString());
    Path whole = temporary.resolve("whole");
    Path parts = temporary.resolve("parts");

    IngestReport wholeReport = ingest(whole, batch);
    IngestReport partsReport =
        new IngestJob(spark, new WarehouseLayout(parts.toString()), PSEUDONYMS, line -> {}, 64)
            .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN, BatchEncoding.UTF_8);

    assertThat(partsReport.files()).isEqualTo(wholeReport.files());
    assertThat(file(partsReport, "cases.jsonl").quarantinedByReason())
        .containsEntry("malformed_record", 10L)
        .containsEntry("invalid_date", 3L);
    for (Entity entity : List.of(Entity.FAMILIES, Entity.PEOPLE, Entity.CASES)) {
      assertThat(table(parts, entity))
          .as(entity.fileName())
          .containsExactlyInAnyOrderElementsOf(table(whole, entity));
      assertThat(quarantined(parts, entity))
          .as(entity.fileName())
          .containsExactlyInAnyOrderElementsOf(quarantined(whole, entity));
    }
  }

  /** An entity's quarantine rows, but for the ingest id. */
  private List<Row> quarantined(Path warehouse, Entity entity) {
    String path = new WarehouseLayout(warehouse.toString()).quarantine(entity.fileName());
    if (!Files.exists(Path.of(path))) {
      return List.of();
    }
    return TestTables.read(spark, path).drop(CuratedSchemas.QUARANTINE_INGEST_ID).collectAsList();
  }

  @Test
  void stagingAKilledIngestLeftIsRemovedOnceItIsADayOldAndAnythingElseIsLeftAlone()
      throws IOException {
    Path warehouse = temporary.resolve("warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    Instant now = Instant.now();
    Path abandoned =
        Path.of(layout.staging(WarehouseLayout.newId(now.minus(Duration.ofHours(25)))));
    Path recent = Path.of(layout.staging(WarehouseLayout.newId(now.minus(Duration.ofHours(1)))));
    Path foreign = Path.of(layout.stagingRoot(), "notes");
    for (Path folder : List.of(abandoned, recent, foreign)) {
      Files.createDirectories(folder.resolve("people/0/accepted"));
    }

    ingest(warehouse, familiesAndPeople(temporary.resolve("batch")));

    assertThat(abandoned).doesNotExist();
    assertThat(recent).isDirectory();
    assertThat(foreign).isDirectory();
  }

  @Test
  void anIndicatorsCausalRankIsStoredEmptyMeansUnknownAndABadOneIsQuarantinedWithItsReason() {
    Path warehouse = temporary.resolve("warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    Path batch = temporary.resolve("batch");
    TestBatches.write(
        batch,
        "indicators.csv",
        "code,kind,value_type,causal_rank\n"
            + "truancy,factor,boolean,2\n"
            + "bullying,factor,boolean,\n"
            + "hunger,factor,boolean,1.5\n"
            + "debt,factor,boolean,-1\n"
            + "eviction,factor,boolean,soon\n");

    IngestReport report = ingest(warehouse, batch);

    FileReport indicators = file(report, "indicators.csv");
    assertThat(indicators.accepted()).isEqualTo(2);
    assertThat(indicators.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(Map.of("invalid_number", 2L, "out_of_range", 1L));
    Map<String, Object> ranks = new java.util.HashMap<>();
    table(warehouse, Entity.INDICATORS)
        .forEach(r -> ranks.put(r.getAs("code"), r.getAs("causal_rank")));
    assertThat(ranks).containsEntry("truancy", 2L).containsEntry("bullying", null);
    assertThat(ranks).doesNotContainKeys("hunger", "debt", "eviction");
    // the seeded default catalogue carries its ranks
    assertThat(ranks)
        .containsEntry("parent_illiterate", 0L)
        .containsEntry("food_insecurity", 6L)
        .containsEntry("child_labour", null);
    List<String> messages =
        TestTables.read(spark, layout.quarantine("indicators"))
            .orderBy("line")
            .collectAsList()
            .stream()
            .map(r -> r.<String>getAs("field") + ": " + r.<String>getAs("message"))
            .toList();
    assertThat(messages)
        .containsExactly(
            "causal_rank: causal_rank is not a whole number",
            "causal_rank: causal_rank must be a whole number from 0 to 2147483647",
            "causal_rank: causal_rank is not a whole number");
  }

  @Test
  void anIndicatorsTableCuratedBeforeCausalRanksReadsThemAsUnknownAndTakesRankedRows() {
    Path warehouse = temporary.resolve("warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    // the indicators table as an earlier version curated it, without causal_rank
    org.apache.spark.sql.types.StructType older =
        new org.apache.spark.sql.types.StructType(
            java.util.Arrays.stream(CuratedSchemas.curated(Entity.INDICATORS).fields())
                .filter(field -> !field.name().equals("causal_rank"))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
    curatedEarlier(
        layout,
        Entity.INDICATORS,
        older,
        org.apache.spark.sql.RowFactory.create(
            "truancy", "factor", "boolean", "", "Truancy", "Truancy", null, "below"));
    Path batch = temporary.resolve("batch");
    TestBatches.write(
        batch, "indicators.csv", "code,kind,value_type,causal_rank\nbullying,factor,boolean,3\n");

    IngestReport report = ingest(warehouse, batch);

    assertThat(file(report, "indicators.csv").accepted()).isEqualTo(1);
    Map<String, Object> ranks = new java.util.HashMap<>();
    table(warehouse, Entity.INDICATORS)
        .forEach(r -> ranks.put(r.getAs("code"), r.getAs("causal_rank")));
    assertThat(ranks)
        .containsOnlyKeys("truancy", "bullying")
        .containsEntry("truancy", null)
        .containsEntry("bullying", 3L);
    assertThat(
            new IngestJob(spark, layout, PSEUDONYMS, line -> {})
                .storedCatalogue()
                .find("truancy")
                .orElseThrow()
                .causalRank())
        .isNull();
  }

  @Test
  void catalogueIsSeededWhenAKilledIngestLeftTheIndicatorsTableCreatedButEmpty() {
    Path warehouse = temporary.resolve("warehouse");
    String indicators = new WarehouseLayout(warehouse.toString()).curated("indicators");
    // What a kill between creating the table and merging the seed leaves behind.
    spark
        .createDataFrame(List.of(), CuratedSchemas.curated(Entity.INDICATORS))
        .write()
        .format("delta")
        .save(indicators);
    Path batch = familiesAndPeople(temporary.resolve("batch"));
    TestBatches.write(
        batch, "cases.csv", "case_id,person_id,problem,opened_on\nC1,P1,child_labour,2024-03-01\n");

    IngestReport report = ingest(warehouse, batch);

    assertThat(table(warehouse, Entity.INDICATORS)).isNotEmpty();
    assertThat(file(report, "cases.csv").accepted()).isEqualTo(1);
  }

  @Test
  void storesNoPersonalIdentifierAnywhereAndPseudonymisesIds() throws IOException {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = familiesAndPeople(temporary.resolve("batch"));

    ingest(warehouse, batch);

    List<Row> people = table(warehouse, Entity.PEOPLE);
    assertThat(people)
        .extracting(r -> r.getString(r.fieldIndex("person_id")))
        .containsExactlyInAnyOrder(PSEUDONYMS.pseudonym("P1"), PSEUDONYMS.pseudonym("P2"));
    assertThat(people)
        .extracting(r -> r.getString(r.fieldIndex("family_id")))
        .containsOnly(PSEUDONYMS.pseudonym("F1"));
    List<String> forbidden =
        List.of(
            "زهرا",
            "Rezaei",
            "0012345678",
            "0098765432",
            "Nobody",
            "0011111111",
            "Short Row",
            "0022222222",
            "Dup Licate",
            "\"P1\"",
            "\"F9\"");
    try (Stream<Path> files = Files.walk(warehouse)) {
      for (Path path : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        String utf8 = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        for (String word : forbidden) {
          assertThat(content.contains(word) || utf8.contains(word))
              .as(word + " in " + path)
              .isFalse();
        }
      }
    }
  }

  @Test
  void theFreeTextNoteOfAidEventsIsAcceptedButStoredNowhereNotEvenInQuarantine()
      throws IOException {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = temporary.resolve("batch");
    TestBatches.write(
        batch,
        "donations.csv",
        "donation_id,donor_id,received_on,amount,currency\nD1,DONOR1,2024-03-01,100,USD\n");
    TestBatches.write(
        batch,
        "aid_events.csv",
        "donation_id,stage,at,amount,note\n"
            + "D1,received,2024-03-02T10:00:00Z,,\"handed to Maryam Hosseini, 12 Azadi St\"\n"
            + "D1,lost,2024-03-03T10:00:00Z,,\"Kourosh Tehrani was not home\"\n");
    TestBatches.write(
        batch,
        "aid_events.jsonl",
        "{\"donation_id\":\"D1\",\"stage\":\"delivered\",\"at\":\"2024-03-04T10:00:00Z\","
            + "\"note\":\"left with Shirin Karimi next door\"}\n"
            + "{\"donation_id\":\"D9\",\"stage\":\"delivered\",\"at\":\"2024-03-04T10:00:00Z\","
            + "\"note\":\"for Dariush Moradi\"}\n");

    IngestReport report = ingest(warehouse, batch);

    assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
    FileReport csv = file(report, "aid_events.csv");
    assertThat(csv.accepted()).isEqualTo(1);
    assertThat(csv.quarantinedByReason()).containsExactly(Map.entry("value_not_allowed", 1L));
    assertThat(csv.droppedPersonalColumns()).containsExactly("note");
    assertThat(csv.ignoredColumns()).isEmpty();
    FileReport jsonl = file(report, "aid_events.jsonl");
    assertThat(jsonl.accepted()).isEqualTo(1);
    assertThat(jsonl.quarantinedByReason()).containsExactly(Map.entry("unknown_reference", 1L));
    assertThat(jsonl.droppedPersonalColumns()).containsExactly("note");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    assertThat(TestTables.read(spark, layout.curated("aid_events")).columns())
        .doesNotContain("note")
        .contains("donation_id", "stage", "at", "recipient_id", "amount");
    assertThat(table(warehouse, Entity.AID_EVENTS)).hasSize(2);
    List<String> quarantined =
        TestTables.read(spark, layout.quarantine("aid_events")).collectAsList().stream()
            .map(r -> r.<String>getAs(CuratedSchemas.QUARANTINE_RAW))
            .toList();
    assertThat(quarantined).hasSize(2).allSatisfy(raw -> assertThat(raw).doesNotContain("note"));
    List<String> names =
        List.of("Maryam", "Hosseini", "Azadi", "Kourosh", "Tehrani", "Shirin", "Karimi", "Dariush");
    try (Stream<Path> files = Files.walk(warehouse)) {
      for (Path path : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        for (String name : names) {
          assertThat(content).as(name + " in " + path).doesNotContain(name);
        }
      }
    }
  }

  @Test
  void anAidEventsTableCuratedWhenNotesWereStoredStillTakesNewEvents() {
    Path warehouse = temporary.resolve("warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    // aid_events as an earlier version curated it, with the note column
    org.apache.spark.sql.types.StructType withNote =
        CuratedSchemas.curated(Entity.AID_EVENTS)
            .add("note", org.apache.spark.sql.types.DataTypes.StringType, true);
    curatedEarlier(
        layout,
        Entity.AID_EVENTS,
        withNote,
        org.apache.spark.sql.RowFactory.create(
            "D1",
            "received",
            java.sql.Timestamp.from(Instant.parse("2024-03-02T10:00:00Z")),
            null,
            null,
            "an old note"));
    Path batch = temporary.resolve("batch");
    TestBatches.write(
        batch,
        "donations.csv",
        "donation_id,donor_id,received_on,amount,currency\nD1,DONOR1,2024-03-01,100,USD\n");
    TestBatches.write(
        batch,
        "aid_events.csv",
        "donation_id,stage,at,note\nD1,delivered,2024-03-04T10:00:00Z,left with a neighbour\n");

    IngestReport report = ingest(warehouse, batch);

    assertThat(file(report, "aid_events.csv").accepted()).isEqualTo(1);
    List<Row> events = TestTables.read(spark, layout.curated("aid_events")).collectAsList();
    assertThat(events)
        .extracting(r -> r.<String>getAs("stage"))
        .containsExactlyInAnyOrder("received", "delivered");
    assertThat(events)
        .filteredOn(r -> r.<String>getAs("stage").equals("delivered"))
        .extracting(r -> r.<String>getAs("note"))
        .containsOnlyNulls();
  }

  @Test
  void reingestingTheSameBatchChangesNothing() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = familiesAndPeople(temporary.resolve("batch"));

    IngestReport first = ingest(warehouse, batch);
    List<Row> firstPeople = sorted(table(warehouse, Entity.PEOPLE));
    long firstQuarantine =
        TestTables.read(spark, new WarehouseLayout(warehouse.toString()).quarantine("people"))
            .count();
    IngestReport second = ingest(warehouse, batch);

    assertThat(sorted(table(warehouse, Entity.PEOPLE))).isEqualTo(firstPeople);
    assertThat(
            TestTables.read(spark, new WarehouseLayout(warehouse.toString()).quarantine("people"))
                .count())
        .isEqualTo(firstQuarantine);
    assertThat(file(second, "people.csv").accepted()).isEqualTo(2);
    // the same bytes, nothing they depend on changed: not read again, no commit anywhere
    assertThat(second.files()).extracting(FileReport::status).containsOnly(FileReport.UNCHANGED);
    assertThat(second.tableVersions()).isEqualTo(first.tableVersions());
    assertThat(file(second, "people.csv").quarantined())
        .isEqualTo(file(first, "people.csv").quarantined());

    // F9 arrives: families is loaded, and so is people (a table it references changed), whose
    // row for P3 now finds its family
    TestBatches.write(
        batch,
        "families.csv",
        "family_id,region,registered_on\nF1,R01,2024-01-10\nF2,R02,2024-02-01\nF9,R03,2024-01-05\n");
    IngestReport third = ingest(warehouse, batch);

    assertThat(file(third, "families.csv").status()).isEqualTo(FileReport.LOADED);
    assertThat(file(third, "people.csv").status()).isEqualTo(FileReport.LOADED);
    assertThat(file(third, "people.csv").accepted()).isEqualTo(3);
  }

  @Test
  void anIngestUnderAnotherPseudonymKeyIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = familiesAndPeople(temporary.resolve("batch"));
    IngestReport first = ingest(warehouse, batch);
    List<Row> families = sorted(table(warehouse, Entity.FAMILIES));
    List<Row> people = sorted(table(warehouse, Entity.PEOPLE));
    // a new family, so the file would be loaded; under another key F1 and F2 would come back as
    // two more families
    TestBatches.write(
        batch,
        "families.csv",
        "family_id,region,registered_on\nF1,R01,2024-01-10\nF2,R02,2024-02-01\nF7,R03,2024-03-01\n");
    byte[] otherKey = new byte[32];
    java.util.Arrays.fill(otherKey, (byte) 1);
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());

    assertThatThrownBy(
            () ->
                new IngestJob(spark, layout, new Pseudonymizer(otherKey), line -> {})
                    .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "the pseudonym key this ingest was given is not the one the warehouse's rows were"
                + " pseudonymised with")
        .hasMessageContaining("ingest " + first.ingestId())
        .hasMessageContaining("--pseudonym-key FILE");

    assertThat(sorted(table(warehouse, Entity.FAMILIES))).isEqualTo(families);
    assertThat(sorted(table(warehouse, Entity.PEOPLE))).isEqualTo(people);
    try (Stream<Path> reports = Files.list(Path.of(layout.reports()))) {
      assertThat(reports.map(Path::getFileName).map(Path::toString))
          .containsExactly("ingest-" + first.ingestId() + ".json");
    }
  }

  @Test
  void laterBatchReplacesKeysTombstonesDeleteAndOlderCaseVersionsLose() {
    Path warehouse = temporary.resolve("warehouse");
    Path first = familiesAndPeople(temporary.resolve("first"));
    TestBatches.write(
        first,
        "cases.csv",
        "case_id,person_id,problem,opened_on,status,updated_at\nC1,P1,child_labour,2024-03-01,open,2024-03-01T10:00:00+03:30\nC2,P1,delinquency,2024-04-01,open,2024-04-01T10:00:00+03:30\n");
    ingest(warehouse, first);

    Path second = temporary.resolve("second");
    TestBatches.write(
        second, "families.csv", "family_id,region,registered_on\nF2,R05,2024-02-01\n");
    TestBatches.write(
        second,
        "people.csv",
        "person_id,family_id,registered_on,deleted_at\nP2,,,2024-06-01T00:00:00Z\n");
    TestBatches.write(
        second,
        "cases.csv",
        "case_id,person_id,problem,opened_on,status,updated_at\nC1,P1,child_labour,2024-03-01,resolved,2024-05-01T10:00:00+03:30\nC2,P1,delinquency,2024-04-01,resolved,2024-01-01T10:00:00+03:30\n");
    IngestReport report = ingest(warehouse, second);

    assertThat(file(report, "people.csv").tombstones()).isEqualTo(1);
    assertThat(table(warehouse, Entity.FAMILIES))
        .hasSize(2)
        .anySatisfy(r -> assertThat(r.getString(r.fieldIndex("region"))).isEqualTo("R05"));
    assertThat(table(warehouse, Entity.PEOPLE))
        .extracting(r -> r.getString(r.fieldIndex("person_id")))
        .containsExactly(PSEUDONYMS.pseudonym("P1"));
    assertThat(table(warehouse, Entity.CASES))
        .extracting(
            r -> r.getString(r.fieldIndex("case_id")) + "=" + r.getString(r.fieldIndex("status")))
        .containsExactlyInAnyOrder("C1=resolved", "C2=open");
  }

  @Test
  void unreadableFileFailsAloneAndTheRestLoads() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = familiesAndPeople(temporary.resolve("batch"));
    TestBatches.writeBytes(
        batch,
        "programs.csv",
        new byte[] {
          'p',
          'r',
          'o',
          'g',
          'r',
          'a',
          'm',
          '_',
          'i',
          'd',
          ',',
          'n',
          'a',
          'm',
          'e',
          '\n',
          'X',
          ',',
          (byte) 0xC3,
          (byte) 0x28,
          '\n'
        });
    TestBatches.write(batch, "unicorns.csv", "id\n1\n");

    IngestReport report = ingest(warehouse, batch);

    assertThat(report.status()).isEqualTo(IngestReport.PARTIAL);
    assertThat(file(report, "programs.csv").status()).isEqualTo(FileReport.FAILED);
    // its one byte above 127 reads as an Arabic letter in Windows-1256: the error names the option
    assertThat(file(report, "programs.csv").error())
        .contains("programs.csv")
        .contains("not UTF-8")
        .contains("--encoding windows-1256");
    assertThat(file(report, "unicorns.csv").error()).contains("unknown entity name 'unicorns'");
    assertThat(file(report, "people.csv").accepted()).isEqualTo(2);
  }

  @Test
  void thePersianSamplesLoadTheSameRowsFromPersianExcelAndFromPersianWindows() {
    Path excel = temporary.resolve("excel");
    Path windows = temporary.resolve("windows");
    // UTF-8 with Persian digits (as Excel's "CSV UTF-8" writes them), and Windows-1256 with
    // ASCII digits; both with Jalali dates written with slashes
    IngestReport fromExcel =
        ingest(
            excel,
            TestBatches.dataSample("persian-excel"),
            DateParser.BatchCalendar.JALALI,
            BatchEncoding.UTF_8);
    IngestReport fromWindows =
        ingest(
            windows,
            TestBatches.dataSample("persian-windows"),
            DateParser.BatchCalendar.JALALI,
            BatchEncoding.WINDOWS_1256);

    for (IngestReport report : List.of(fromExcel, fromWindows)) {
      assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
      assertThat(file(report, "families.csv").accepted()).isEqualTo(4);
      // 1403/13/01: there is no 13th month
      assertThat(file(report, "people.csv").read()).isEqualTo(8);
      assertThat(file(report, "people.csv").accepted()).isEqualTo(7);
      assertThat(file(report, "people.csv").quarantinedByReason())
          .containsExactly(Map.entry("invalid_date", 1L));
      assertThat(file(report, "people.csv").droppedPersonalColumns())
          .containsExactlyInAnyOrder("full_name", "national_id");
      assertThat(file(report, "cases.csv").accepted()).isEqualTo(3);
      assertThat(file(report, "observations.csv").accepted()).isEqualTo(5);
    }
    for (Entity entity :
        List.of(Entity.FAMILIES, Entity.PEOPLE, Entity.CASES, Entity.OBSERVATIONS)) {
      assertThat(rows(windows, entity)).as(entity.fileName()).isEqualTo(rows(excel, entity));
    }
    Row tehran =
        table(excel, Entity.FAMILIES).stream()
            .filter(row -> row.<Long>getAs("household_size") == 5L)
            .findFirst()
            .orElseThrow();
    assertThat(tehran.<String>getAs("region")).isEqualTo("تهران");
    assertThat(tehran.<Double>getAs("monthly_income")).isEqualTo(185.5);
    // 3 Mehr 1402 is 25 September 2023
    assertThat(tehran.<java.time.LocalDate>getAs("registered_on"))
        .isEqualTo(java.time.LocalDate.of(2023, 9, 25));
  }

  private List<String> rows(Path warehouse, Entity entity) {
    return table(warehouse, entity).stream().map(Row::toString).sorted().toList();
  }

  @Test
  void aBatchSavedByPersianWindowsLoadsWithItsEncodingNamed() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = temporary.resolve("batch");
    TestBatches.writeBytes(
        batch,
        "families.csv",
        "family_id,region,registered_on\nF1,تهران,1403/1/15\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1256")));

    IngestReport report =
        ingest(warehouse, batch, DateParser.BatchCalendar.JALALI, BatchEncoding.WINDOWS_1256);

    assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
    assertThat(report.encoding()).isEqualTo("windows-1256");
    assertThat(report.toJson()).contains("\"encoding\" : \"windows-1256\"");
    Row family = table(warehouse, Entity.FAMILIES).get(0);
    assertThat(family.<String>getAs("region")).isEqualTo("تهران");
    // 15 Farvardin 1403 is 3 April 2024
    assertThat(family.<java.time.LocalDate>getAs("registered_on"))
        .isEqualTo(java.time.LocalDate.of(2024, 4, 3));
  }

  @Test
  void jalaliDatesAreConvertedToGregorian() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = temporary.resolve("batch");
    TestBatches.write(
        batch,
        "families.csv",
        "family_id,region,registered_on\nF1,R01,1403-01-01\nF2,R01,1403-12-30\n");

    IngestReport report = ingest(warehouse, batch, DateParser.BatchCalendar.JALALI);

    // Nowruz 1403 fell on 20 March 2024; 1403 is a leap year in the Solar Hijri calendar, so
    // Esfand 30 exists and is 20 March 2025.
    assertThat(file(report, "families.csv").accepted()).isEqualTo(2);
    List<LocalDate> dates = new ArrayList<>();
    table(warehouse, Entity.FAMILIES).forEach(r -> dates.add(r.getAs("registered_on")));
    assertThat(dates)
        .containsExactlyInAnyOrder(LocalDate.of(2024, 3, 20), LocalDate.of(2025, 3, 20));
  }

  @Test
  void
      aBatchIndicatorsFileExtendsTheCatalogueForTheRestOfTheBatchAndObservationsNeedAKnownSubject() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = familiesAndPeople(temporary.resolve("batch"));
    TestBatches.write(
        batch,
        "indicators.csv",
        "code,kind,value_type,label_en\ntruancy,problem,boolean,Truancy\n");
    TestBatches.write(
        batch, "cases.csv", "case_id,person_id,problem,opened_on\nC1,P1,truancy,2024-03-01\n");
    TestBatches.write(
        batch,
        "observations.csv",
        "subject_id,subject_type,indicator,observed_on,value\nF1,family,parent_unemployed,2024-01-10,true\nF404,family,parent_unemployed,2024-01-10,true\nP1,,out_of_school,2024-01-10,refused\n");

    IngestReport report = ingest(warehouse, batch);

    assertThat(file(report, "cases.csv").accepted()).isEqualTo(1);
    assertThat(file(report, "observations.csv").accepted()).isEqualTo(2);
    assertThat(file(report, "observations.csv").quarantinedByReason())
        .containsExactly(Map.entry("unknown_reference", 1L));
    assertThat(table(warehouse, Entity.INDICATORS))
        .extracting(r -> r.getString(r.fieldIndex("code")))
        .contains("truancy", "child_labour");
  }

  @Test
  void aBatchWorkbookLoadsASheetPerEntityAsCsvFilesWouldAndSkipsOtherSheets() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = temporary.resolve("batch");
    Map<String, List<List<Object>>> sheets = new java.util.LinkedHashMap<>();
    sheets.put("Notes", List.of(List.of("exported from the register on 1403/01/05")));
    sheets.put(
        "families",
        TestBatches.cells(
            "family_id,region,household_size,monthly_income,housing,registered_on",
            "F1,R01,4,120.5,rented,2024-01-10",
            "",
            "F2,R02,0,,informal,2024-02-01"));
    sheets.put(
        "people",
        TestBatches.cells(
            "person_id,family_id,full_name,birth_date,sex,relation,registered_on,consent_analytics",
            "P1,F1,زهرا احمدی,2012-05-01,female,child,2024-01-10,true",
            "P2,F9,Nobody,2013-01-01,male,child,2024-01-10,true",
            "P3,F1,Stray,2013-01-01,male,child,2024-01-10,true,stray"));
    TestBatches.writeWorkbook(batch, "batch.xlsx", sheets);

    IngestReport report = ingest(warehouse, batch);

    assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
    assertThat(file(report, "batch.xlsx#Notes").status()).isEqualTo(FileReport.SKIPPED);
    FileReport families = file(report, "batch.xlsx#families");
    assertThat(families.entity()).isEqualTo("families");
    assertThat(families.read()).isEqualTo(2);
    assertThat(families.accepted()).isEqualTo(1);
    assertThat(families.quarantinedByReason()).containsExactly(Map.entry("out_of_range", 1L));
    FileReport people = file(report, "batch.xlsx#people");
    assertThat(people.read()).isEqualTo(3);
    assertThat(people.accepted()).isEqualTo(1);
    assertThat(people.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("unknown_reference", 1L, "wrong_column_count", 1L));
    assertThat(people.droppedPersonalColumns()).containsExactly("full_name");
    Row family = table(warehouse, Entity.FAMILIES).get(0);
    assertThat(family.<Long>getAs("household_size")).isEqualTo(4L);
    assertThat(family.<Double>getAs("monthly_income")).isEqualTo(120.5);
    assertThat(family.<LocalDate>getAs("registered_on")).isEqualTo(LocalDate.of(2024, 1, 10));
    // quarantine names the sheet and the spreadsheet row: F2 is on row 4, after a blank row
    Row quarantined =
        TestTables.read(spark, new WarehouseLayout(warehouse.toString()).quarantine("families"))
            .collectAsList()
            .get(0);
    assertThat(quarantined.<String>getAs(CuratedSchemas.QUARANTINE_FILE))
        .isEqualTo("batch.xlsx#families");
    assertThat(quarantined.<Long>getAs(CuratedSchemas.QUARANTINE_LINE)).isEqualTo(4L);

    IngestReport again = ingest(warehouse, batch);

    assertThat(file(again, "batch.xlsx#families").status()).isEqualTo(FileReport.UNCHANGED);
    assertThat(file(again, "batch.xlsx#people").status()).isEqualTo(FileReport.UNCHANGED);
  }

  @Test
  void aSheetAndAFileOfOneEntityADamagedWorkbookAndAnXlsFileFailAndTheRestLoads() {
    Path warehouse = temporary.resolve("warehouse");
    Path batch = temporary.resolve("batch");
    TestBatches.write(batch, "families.csv", "family_id,region\nF1,R01\n");
    TestBatches.writeWorkbook(
        batch, "rishe.xlsx", Map.of("families", TestBatches.cells("family_id,region", "F2,R02")));
    TestBatches.writeWorkbook(
        batch,
        "programs.xlsx",
        Map.of("Sheet1", TestBatches.cells("program_id,name", "PR1,Tutoring")));
    TestBatches.write(batch, "people.xlsx", "person_id,family_id\nP1,F1\n");
    TestBatches.writeBytes(batch, "cases.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11});
    TestBatches.writeBytes(batch, "~$rishe.xlsx", new byte[] {1, 2, 3});

    IngestReport report = ingest(warehouse, batch);

    assertThat(report.status()).isEqualTo(IngestReport.PARTIAL);
    for (String name : List.of("families.csv", "rishe.xlsx#families")) {
      assertThat(file(report, name).status()).isEqualTo(FileReport.FAILED);
      assertThat(file(report, name).error())
          .startsWith("families is given twice, by families.csv and rishe.xlsx#families;");
    }
    assertThat(file(report, "people.xlsx").error())
        .isEqualTo(
            "people.xlsx: not a readable Excel workbook (not an .xlsx file, or damaged); open it"
                + " in Excel and save it as Excel Workbook (.xlsx), or as CSV UTF-8");
    assertThat(file(report, "cases.xls").error()).contains("save it as Excel Workbook (.xlsx)");
    // a workbook of one entity is read from its first sheet, whatever that sheet's name
    assertThat(file(report, "programs.xlsx").accepted()).isEqualTo(1);
    assertThat(report.files()).extracting(FileReport::file).doesNotContain("~$rishe.xlsx");
  }

  private static List<Row> sorted(List<Row> rows) {
    return rows.stream().sorted(java.util.Comparator.comparing(Row::toString)).toList();
  }
}
