package org.rishe.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

class AnalyzeJobTest {
  private final SparkSession spark = TestSparkSessions.shared();

  @TempDir Path temporary;

  @Test
  void publishesTablesManifestAndLatestLastAndRemovesRemainsOfInterruptedRuns() throws Exception {
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
    Path interrupted = temporary.resolve("warehouse/results/20000101T000000Z-dead/problems");
    Files.createDirectories(interrupted);

    RunManifest manifest = new AnalyzeJob(spark, layout, m -> {}).run(AnalyzeParameters.defaults());

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
