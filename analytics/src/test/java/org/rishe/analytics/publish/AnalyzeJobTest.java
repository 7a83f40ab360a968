package org.rishe.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

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
        .contains("[1/6] catalogue", "[2/6] problems", "[6/6] root causes and causal graph");
    assertThat(progress.stream().filter(line -> line.matches("\\[\\d/6] .+ done in .+ s")))
        .hasSize(6)
        .anyMatch(line -> line.startsWith("[5/6] programme impact done in "));
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
}
