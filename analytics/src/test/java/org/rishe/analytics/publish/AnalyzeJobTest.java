package org.rishe.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.dashboard.DashboardStep;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.impact.ProgramImpactStep;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.curated.CuratedSchemas;

class AnalyzeJobTest {
  private final SparkSession spark = TestSparkSessions.shared();

  @TempDir Path temporary;

  @Test
  void publishesTablesManifestAndLatestLastAndRemovesRemainsOfInterruptedRuns() throws Exception {
    WarehouseLayout layout = ingestedWarehouse();
    Path interrupted = temporary.resolve("warehouse/results/20000101T000000Z-dead/problems");
    Files.createDirectories(interrupted);
    List<String> progress = new CopyOnWriteArrayList<>();

    RunManifest manifest =
        new AnalyzeJob(spark, layout, progress::add).run(AnalyzeParameters.defaults());

    Path results = temporary.resolve("warehouse/results");
    assertThat(Files.readString(results.resolve("LATEST")).trim()).isEqualTo(manifest.runId());
    assertThat(results.resolve(manifest.runId()).resolve("run.json")).exists();
    assertThat(results.resolve("20000101T000000Z-dead")).doesNotExist();
    assertThat(manifest.inputs()).containsKeys("cases", "people", "families", "indicators");
    assertThat(manifest.tables()).containsEntry("problems", 8L);
    long delinquencyCases =
        spark
            .read()
            .parquet(results.resolve(manifest.runId()).resolve("problems").toString())
            .filter("code = 'delinquency'")
            .first()
            .getAs("cases");
    assertThat(delinquencyCases).isEqualTo(1L);
    // the researcher cubes: P1's one case (no sex, no birth date: unknown), P2 refused consent
    assertThat(manifest.tables())
        .containsEntry("cube_cases", 1L)
        .containsEntry("cube_people", 1L)
        .containsEntry("cube_participants", 0L);
    assertThat(
            spark
                .read()
                .parquet(results.resolve(manifest.runId()).resolve("cube_cases").toString())
                .first()
                .toString())
        .isEqualTo("[R01,delinquency,unknown,unknown,2024-02,1]");
    // no needs in the batch: an empty board, and the references' secret made in the warehouse
    assertThat(manifest.tables()).containsEntry("needs_board", 0L);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(
                    temporary.resolve("warehouse/config/private/need-ref.key"))))
        .isEqualTo("rw-------");
    // every step's tables, and its settings beside the run's own
    List<AnalysisStep> steps =
        AnalyzeJob.steps(ProgramImpactSettings.defaults(), CausalGraphSettings.defaults());
    assertThat(manifest.tables().keySet())
        .containsExactlyInAnyOrderElementsOf(
            steps.stream().flatMap(step -> step.publishes().stream()).toList());
    assertThat(manifest.parameters())
        .containsKeys("minimumAge", "maximumAge")
        .containsAllEntriesOf(ProgramImpactSettings.defaults().asMap())
        .containsAllEntriesOf(CausalGraphSettings.defaults().asMap());
    assertThat(manifest.methods())
        .containsKeys("problems", "cube_cases", "program_impact", "root_causes");
    // one line as each step starts, one with its time as it ends
    assertThat(progress)
        .contains(
            "[1/8] catalogue",
            "[2/8] problems",
            "[5/8] giving by occasion",
            "[7/8] root causes and causal graph",
            "[8/8] needs board");
    assertThat(progress.stream().filter(line -> line.matches("\\[\\d/8] .+ done in .+ s")))
        .hasSize(8)
        .anyMatch(line -> line.startsWith("[6/8] programme impact done in "));
  }

  @Test
  void aStepThatWritesOtherTablesThanItDeclaresLeavesTheRunUnpublished() throws Exception {
    WarehouseLayout layout = ingestedWarehouse();
    AnalysisStep misdeclared =
        new AnalysisStep() {
          @Override
          public String name() {
            return "misdeclared";
          }

          @Override
          public Set<Entity> reads() {
            return Set.of(Entity.INDICATORS);
          }

          @Override
          public List<String> publishes() {
            return List.of(ResultTables.PROBLEMS);
          }

          @Override
          public void run(AnalysisContext context) {
            context
                .publisher()
                .write(ResultTables.INDICATORS, context.inputs().table(Entity.INDICATORS));
          }
        };

    assertThatThrownBy(
            () ->
                new AnalyzeJob(spark, layout, line -> {})
                    .run(AnalyzeParameters.defaults(), List.of(misdeclared)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the analyze step 'misdeclared' wrote the tables [indicators] but declares [problems];"
                + " its publishes() must name exactly the tables it writes");
    assertThat(temporary.resolve("warehouse/results/LATEST")).doesNotExist();
  }

  /** A warehouse with one family of two people, one of whom refused consent, each with a case. */
  private WarehouseLayout ingestedWarehouse() throws Exception {
    Path batch = temporary.resolve("batch");
    Files.createDirectories(batch);
    Files.writeString(
        batch.resolve("families.csv"), "family_id,region,registered_on\nF1,R01,2024-01-01\n");
    Files.writeString(
        batch.resolve("people.csv"),
        "person_id,family_id,registered_on,consent_analytics\nP1,F1,2024-01-01,true\nP2,F1,2024-01-01,false\n");
    Files.writeString(
        batch.resolve("cases.csv"),
        "case_id,person_id,problem,opened_on\nC1,P1,delinquency,2024-02-01\nC2,P2,delinquency,2024-02-01\n");
    WarehouseLayout layout = new WarehouseLayout(temporary.resolve("warehouse").toString());
    new IngestJob(spark, layout, new Pseudonymizer(new byte[32]), m -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
    return layout;
  }

  @Test
  void anEmptyWarehouseIsAClearError() {
    WarehouseLayout layout = new WarehouseLayout(temporary.resolve("empty").toString());

    assertThatThrownBy(
            () -> new AnalyzeJob(spark, layout, m -> {}).run(AnalyzeParameters.defaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds no curated tables yet; run `rishe ingest --batch DIR` first");
  }

  @Test
  void aWarehouseCuratedBeforeFollowUpWindowsAnalyzesAndPublishesWhyProgrammesHaveNoEstimate()
      throws Exception {
    WarehouseLayout layout = new WarehouseLayout(temporary.resolve("warehouse").toString());
    writeProgramsWithoutFollowUpColumns(layout, "PRG01", "PRG02");
    Path batch = temporary.resolve("batch");
    Files.createDirectories(batch);
    Files.writeString(
        batch.resolve("families.csv"), "family_id,region,registered_on\nF1,R01,2024-01-01\n");
    Files.writeString(
        batch.resolve("people.csv"),
        "person_id,family_id,birth_date,registered_on\nP1,F1,2015-06-01,2024-01-01\n"
            + "P2,F1,2015-07-01,2024-01-01\n");
    Files.writeString(
        batch.resolve("enrollments.csv"),
        "enrollment_id,person_id,program_id,enrolled_on\nE1,P1,PRG01,2024-03-01\n");
    // P1 (8 at enrolment) scores 10 days after enrolment, before the window opens on day 30; P2
    // (8 too, so in scope) 131 days after the comparable index date: registration + P1's 60-day
    // delay = 2024-03-01. PRG02 has nobody enrolled.
    Files.writeString(
        batch.resolve("observations.csv"),
        "subject_id,indicator,observed_on,value\nP1,reading_score,2024-03-11,55\n"
            + "P2,reading_score,2024-07-10,61\n");
    new IngestJob(spark, layout, new Pseudonymizer(new byte[32]), m -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);

    // only the step under test: the run is published the same way whatever its steps
    RunManifest manifest =
        new AnalyzeJob(spark, layout, m -> {})
            .run(
                AnalyzeParameters.defaults(),
                List.of(new ProgramImpactStep(ProgramImpactSettings.defaults())));

    List<Row> gaps =
        spark
            .read()
            .parquet(
                temporary
                    .resolve("warehouse/results")
                    .resolve(manifest.runId())
                    .resolve("program_impact_gaps")
                    .toString())
            .orderBy("program_id")
            .collectAsList();
    assertThat(gaps).hasSize(2);
    Row prg01 = gaps.get(0);
    assertThat(prg01.<String>getAs("outcome")).isEqualTo("reading_score");
    assertThat(prg01.<String>getAs("reason")).isEqualTo("no_outcome_in_window");
    assertThat(prg01.<Long>getAs("treated_outside_window")).isEqualTo(1L);
    assertThat(prg01.<Double>getAs("median_days_outside_window")).isEqualTo(10.0);
    assertThat(prg01.<Long>getAs("comparison_with_outcome")).isEqualTo(1L);
    assertThat(prg01.<Integer>getAs("follow_up_start_days")).isEqualTo(30);
    assertThat(prg01.<Integer>getAs("follow_up_end_days")).isNull();
    assertThat(prg01.<String>getAs("reason_text"))
        .isEqualTo(
            "1 enrolled, 0 outcomes in the follow-up window of 30 days or more; 1 observed"
                + " outside it, at a median 10 days after enrolment");
    assertThat(gaps.get(1).<String>getAs("reason")).isEqualTo("nobody_enrolled");
    assertThat(gaps.get(1).<String>getAs("outcome")).isNull();
    assertThat(manifest.tables()).containsEntry("program_impact_gaps", 2L);
    assertThat(manifest.methods()).containsKey("program_impact_gaps");
    assertThat(manifest.parameters()).containsEntry("impactFollowUpDays", "30-");
    assertThat(manifest.programImpactGaps())
        .containsExactly(
            Map.of(
                "programId",
                "PRG01",
                "outcome",
                "reading_score",
                "reason",
                "no_outcome_in_window",
                "text",
                prg01.<String>getAs("reason_text")),
            Map.of("programId", "PRG02", "reason", "nobody_enrolled", "text", "nobody enrolled"));
    assertThat(manifest.toJson()).contains("\"programImpactGaps\"");
  }

  @Test
  void theNextIngestAddsTheFollowUpColumnsToAProgrammesTableCuratedWithoutThem() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(temporary.resolve("warehouse").toString());
    writeProgramsWithoutFollowUpColumns(layout, "PRG01");
    Path batch = temporary.resolve("batch");
    Files.createDirectories(batch);
    Files.writeString(
        batch.resolve("programs.csv"),
        "program_id,name,follow_up_start_days,follow_up_end_days\nPRG02,Reading club,60,\n"
            + "PRG03,Counselling,30,1100\n");

    new IngestJob(spark, layout, new Pseudonymizer(new byte[32]), m -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);

    List<String> programs =
        new CuratedInputs(spark, layout)
                .table(Entity.PROGRAMS)
                .orderBy("program_id")
                .select("program_id", "follow_up_start_days", "follow_up_end_days")
                .collectAsList()
                .stream()
                .map(Row::toString)
                .toList();
    assertThat(programs).containsExactly("[PRG01,null,null]", "[PRG02,60,null]", "[PRG03,30,1100]");
  }

  @Test
  void aWarehouseWhoseAidEventsStillHoldTheNoteAnalyzesWithoutReadingIt() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(temporary.resolve("warehouse").toString());
    // aid_events as ingest curated it before the note was dropped at ingest
    StructType withNote =
        CuratedSchemas.curated(Entity.AID_EVENTS).add("note", DataTypes.StringType, true);
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "D1",
                    "delivered",
                    java.sql.Timestamp.from(java.time.Instant.parse("2024-02-10T10:00:00Z")),
                    null,
                    null,
                    "left with Maryam Hosseini")),
            withNote)
        .write()
        .format("delta")
        .save(layout.curated(Entity.AID_EVENTS.fileName()));
    ingestedWarehouse();
    Files.writeString(
        temporary.resolve("batch/donations.csv"),
        "donation_id,donor_id,received_on,amount,currency\nD1,DONOR1,2024-02-01,100,USD\n");
    new IngestJob(spark, layout, new Pseudonymizer(new byte[32]), m -> {})
        .run(temporary.resolve("batch").toString(), DateParser.BatchCalendar.GREGORIAN);

    try (CuratedInputs inputs = new CuratedInputs(spark, layout)) {
      assertThat(inputs.table(Entity.AID_EVENTS).columns())
          .containsExactly(CuratedSchemas.curated(Entity.AID_EVENTS).fieldNames());
    }
    // the step that reads aid events
    RunManifest manifest =
        new AnalyzeJob(spark, layout, m -> {})
            .run(AnalyzeParameters.defaults(), List.of(new DashboardStep()));

    assertThat(manifest.tables()).containsEntry(ResultTables.DONATION_JOURNEYS, 1L);
  }

  /** A programmes table as ingest wrote it before the contract had follow-up windows. */
  private void writeProgramsWithoutFollowUpColumns(WarehouseLayout layout, String... ids) {
    StructType current = CuratedSchemas.curated(Entity.PROGRAMS);
    StructType before =
        DataTypes.createStructType(
            java.util.Arrays.stream(current.fields())
                .filter(field -> !field.name().startsWith("follow_up_"))
                .toList());
    List<Row> rows =
        java.util.Arrays.stream(ids)
            .map(id -> RowFactory.create(id, "Programme " + id, null, null, null, null))
            .toList();
    spark
        .createDataFrame(rows, before)
        .write()
        .format("delta")
        .save(layout.curated(Entity.PROGRAMS.fileName()));
  }
}
