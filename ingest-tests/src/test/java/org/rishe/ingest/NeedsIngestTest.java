package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.generator.GeneratorConfig;
import org.rishe.generator.SyntheticBatchGenerator;
import org.rishe.ingest.report.FileReport;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.curated.TestTables;

/**
 * Needs (issue 19): a hand-written batch with good rows and one row per quarantine reason a need
 * can meet, its subject stored as the pseudonym the families and people tables use, a donation
 * given for a need, and a later batch whose newer versions replace stored needs, whose older ones
 * do not, and whose tombstone removes one.
 */
class NeedsIngestTest {
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);
  private static final String HEADER =
      "need_id,subject,kind,amount,currency,region,program_id,opened_on,status,updated_at\n";
  private static SparkSession spark;

  @TempDir Path temporary;

  @BeforeAll
  static void startSpark() {
    spark = TestSparkSessions.shared();
  }

  private IngestReport ingest(Path warehouse, Path batch) {
    return new IngestJob(spark, new WarehouseLayout(warehouse.toString()), PSEUDONYMS, line -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
  }

  private static List<Row> rows(Path warehouse, String table) {
    return TestTables.read(spark, new WarehouseLayout(warehouse.toString()).root() + "/" + table)
        .collectAsList();
  }

  private static FileReport file(IngestReport report, String name) {
    return report.files().stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
  }

  private static Row need(List<Row> needs, String id) {
    return needs.stream()
        .filter(r -> r.getString(r.fieldIndex("need_id")).equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** Two families, a person in each, one programme; needs, and donations given for some. */
  private static Path firstBatch(Path batch) {
    TestBatches.write(
        batch,
        "families.csv",
        "family_id,region,registered_on\nF1,R01,2024-01-10\nF2,R02,2024-02-01\n");
    TestBatches.write(
        batch,
        "people.csv",
        "person_id,family_id,registered_on\nP1,F1,2024-01-10\nP2,F2,2024-02-01\n");
    TestBatches.write(batch, "programs.csv", "program_id,name\nPRG01,Back to School\n");
    TestBatches.write(
        batch,
        "needs.csv",
        HEADER
            // line 2-4: good
            + "N1,family:F1,school_fees,4000000,IRR,R01,PRG01,2024-09-01,open,2024-09-01T09:00:00+03:30\n"
            + "N2,person:P2,Medical,,,,,2024-10-01,pledged,2024-10-02\n"
            + "N3,family:F2,food,150,USD,R02,,2024/10/05,open,2024-10-05T08:00:00Z\n"
            // line 5-13: one per reason
            + "N4,household:F1,food,,,,,2024-10-01,open,2024-10-01\n"
            + "N5,family:F1,tuition,,,,,2024-10-01,open,2024-10-01\n"
            + "N6,family:F1,rent,0,IRR,,,2024-10-01,open,2024-10-01\n"
            + "N7,family:F1,rent,5000000,,,,2024-10-01,open,2024-10-01\n"
            + "N8,family:F1,rent,,,,,2024-10-01,,2024-10-01\n"
            + "N9,family:F1,rent,,,,,2024-10-01,open,2024-10-01T09:00:00\n"
            + "N10,family:F9,clothing,,,,,2024-10-01,open,2024-10-01\n"
            + "N11,person:P1,clothing,,,,PRG99,2024-10-01,open,2024-10-01\n"
            + "N1,family:F2,food,,,,,2024-10-01,open,2024-10-01\n");
    TestBatches.write(
        batch,
        "needs.jsonl",
        "{\"need_id\":\"N12\",\"subject\":\"person:P1\",\"kind\":\"clothing\",\"opened_on\":\"2024-11-01\",\"status\":\"met\",\"updated_at\":\"2024-11-20\"}\n"
            + "{\"need_id\":\"N13\",\"subject\":\"person:P1\",\"kind\":\"clothing\",\"opened_on\":\"2024-11-01\",\"status\":\"open\"}\n");
    TestBatches.write(
        batch,
        "donations.csv",
        "donation_id,donor_id,received_on,amount,currency,designation\n"
            + "D1,DN1,2024-09-10,4000000,IRR,need:N1\n"
            + "D2,DN2,2024-10-03,150,USD,need: N3\n"
            + "D3,DN2,2024-10-03,150,USD,need:N404\n");
    return batch;
  }

  @Test
  void needsLoadWithTheFamilysPseudonymAndEachBadRowIsQuarantinedWithItsReason() {
    Path warehouse = temporary.resolve("warehouse");

    IngestReport report = ingest(warehouse, firstBatch(temporary.resolve("batch")));

    assertThat(report.status()).isEqualTo(IngestReport.COMPLETE);
    FileReport csv = file(report, "needs.csv");
    assertThat(csv.read()).isEqualTo(12);
    assertThat(csv.accepted()).isEqualTo(3);
    assertThat(csv.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "value_not_allowed", 2L,
                "out_of_range", 1L,
                "missing_required", 2L,
                "invalid_timestamp", 1L,
                "unknown_reference", 2L,
                "duplicate_key", 1L));
    FileReport jsonl = file(report, "needs.jsonl");
    assertThat(jsonl.read()).isEqualTo(2);
    assertThat(jsonl.accepted()).isEqualTo(1);
    assertThat(jsonl.quarantinedByReason()).containsExactly(Map.entry("missing_required", 1L));
    FileReport donations = file(report, "donations.csv");
    assertThat(donations.accepted()).isEqualTo(2);
    assertThat(donations.quarantinedByReason()).containsExactly(Map.entry("unknown_reference", 1L));
    for (FileReport file : report.files()) {
      assertThat(file.accepted() + file.quarantined()).as(file.file()).isEqualTo(file.read());
    }

    List<Row> needs = rows(warehouse, "curated/needs");
    assertThat(needs)
        .extracting(r -> r.getString(r.fieldIndex("need_id")))
        .containsExactlyInAnyOrder("N1", "N2", "N3", "N12");
    Row families =
        rows(warehouse, "curated/families").stream()
            .filter(r -> r.getString(r.fieldIndex("region")).equals("R01"))
            .findFirst()
            .orElseThrow();
    String f1 = families.getString(families.fieldIndex("family_id"));
    assertThat(f1).isEqualTo(PSEUDONYMS.pseudonym("F1"));
    Row n1 = need(needs, "N1");
    assertThat(n1.getString(n1.fieldIndex("subject"))).isEqualTo("family:" + f1);
    assertThat(n1.getString(n1.fieldIndex("kind"))).isEqualTo("school_fees");
    assertThat(n1.getDouble(n1.fieldIndex("amount"))).isEqualTo(4_000_000.0);
    assertThat(n1.getString(n1.fieldIndex("currency"))).isEqualTo("IRR");
    assertThat(n1.getString(n1.fieldIndex("region"))).isEqualTo("R01");
    assertThat(n1.getString(n1.fieldIndex("program_id"))).isEqualTo("PRG01");
    assertThat(n1.getLocalDate(n1.fieldIndex("opened_on"))).isEqualTo(LocalDate.of(2024, 9, 1));
    assertThat(n1.getInstant(n1.fieldIndex("updated_at")))
        .isEqualTo(Instant.parse("2024-09-01T05:30:00Z"));
    Row n2 = need(needs, "N2");
    assertThat(n2.getString(n2.fieldIndex("subject")))
        .isEqualTo("person:" + PSEUDONYMS.pseudonym("P2"));
    assertThat(rows(warehouse, "curated/people"))
        .extracting(r -> r.getString(r.fieldIndex("person_id")))
        .contains(PSEUDONYMS.pseudonym("P2"));
    assertThat(n2.getString(n2.fieldIndex("kind"))).isEqualTo("medical");
    assertThat(n2.isNullAt(n2.fieldIndex("amount"))).isTrue();
    assertThat(n2.getString(n2.fieldIndex("status"))).isEqualTo("pledged");

    assertThat(rows(warehouse, "curated/donations"))
        .extracting(r -> r.getString(r.fieldIndex("designation")))
        .containsExactlyInAnyOrder("need:N1", "need:N3");

    List<Row> quarantine = rows(warehouse, "quarantine/needs");
    assertThat(quarantine)
        .filteredOn(r -> r.getString(r.fieldIndex("source_file")).equals("needs.csv"))
        .extracting(
            r ->
                r.getLong(r.fieldIndex("line"))
                    + " "
                    + r.getString(r.fieldIndex("reason"))
                    + " "
                    + r.getString(r.fieldIndex("field")))
        .containsExactlyInAnyOrder(
            "5 value_not_allowed subject",
            "6 value_not_allowed kind",
            "7 out_of_range amount",
            "8 missing_required currency",
            "9 missing_required status",
            "10 invalid_timestamp updated_at",
            "11 unknown_reference subject",
            "12 unknown_reference program_id",
            "13 duplicate_key need_id");
    Row unknownFamily =
        quarantine.stream().filter(r -> r.getLong(r.fieldIndex("line")) == 11).findFirst().get();
    assertThat(unknownFamily.getString(unknownFamily.fieldIndex("raw_row")))
        .contains("family:" + PSEUDONYMS.pseudonym("F9"))
        .doesNotContain("F9\"");
  }

  @Test
  void aNewerVersionReplacesAStoredNeedAnOlderOneDoesNotAndATombstoneRemovesIt() {
    Path warehouse = temporary.resolve("warehouse");
    ingest(warehouse, firstBatch(temporary.resolve("first")));

    Path second = temporary.resolve("second");
    TestBatches.write(
        second,
        "needs.csv",
        HEADER
            + "N1,family:F1,school_fees,4000000,IRR,R01,PRG01,2024-09-01,pledged,2024-09-15T09:00:00+03:30\n"
            + "N2,person:P2,medical,,,,,2024-10-01,withdrawn,2024-10-01\n");
    TestBatches.write(
        second, "needs.jsonl", "{\"need_id\":\"N3\",\"deleted_at\":\"2024-12-01\"}\n");
    IngestReport report = ingest(warehouse, second);

    assertThat(file(report, "needs.csv").accepted()).isEqualTo(2);
    assertThat(file(report, "needs.jsonl").tombstones()).isEqualTo(1);
    assertThat(rows(warehouse, "curated/needs"))
        .extracting(
            r -> r.getString(r.fieldIndex("need_id")) + "=" + r.getString(r.fieldIndex("status")))
        .containsExactlyInAnyOrder("N1=pledged", "N2=pledged", "N12=met");
  }

  @Test
  void aGeneratedBatchLoadsEveryNeedAndEveryDonationGivenForOne() throws IOException {
    Path batch = temporary.resolve("generated");
    SyntheticBatchGenerator.generate(GeneratorConfig.defaults(batch).withFamilies(300));
    List<String> needLines = Files.readAllLines(batch.resolve("needs.csv"));
    long givenForNeeds =
        Files.readAllLines(batch.resolve("donations.csv")).stream()
            .filter(line -> line.contains(",need:"))
            .count();
    Path warehouse = temporary.resolve("warehouse");

    IngestReport report = ingest(warehouse, batch);

    FileReport needs = file(report, "needs.csv");
    assertThat(needs.read()).isEqualTo(needLines.size() - 1L).isPositive();
    assertThat(needs.quarantined()).isZero();
    assertThat(file(report, "donations.csv").quarantined()).isZero();
    assertThat(givenForNeeds).isPositive();
    assertThat(rows(warehouse, "curated/donations"))
        .filteredOn(r -> r.getString(r.fieldIndex("designation")).startsWith("need:"))
        .hasSize((int) givenForNeeds);
    Set<String> families =
        new HashSet<>(
            rows(warehouse, "curated/families").stream()
                .map(r -> "family:" + r.getString(r.fieldIndex("family_id")))
                .toList());
    Set<String> people =
        new HashSet<>(
            rows(warehouse, "curated/people").stream()
                .map(r -> "person:" + r.getString(r.fieldIndex("person_id")))
                .toList());
    assertThat(rows(warehouse, "curated/needs"))
        .hasSize(needLines.size() - 1)
        .allSatisfy(
            r ->
                assertThat(r.getString(r.fieldIndex("subject")))
                    .satisfiesAnyOf(
                        subject -> assertThat(families).contains(subject),
                        subject -> assertThat(people).contains(subject)));
  }
}
