package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.impact.benchmark.BenchmarkSamples;
import org.rishe.analytics.impact.benchmark.RossiBatchWriter;
import org.rishe.analytics.publish.RunManifest;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.TestSparkSessions;

/**
 * Rossi's randomised trial through the data contract, ingest and {@code rishe analyze}: re-arrest
 * 48/216 with aid against 66/216 without, a risk difference of -8.3 points, which every published
 * method's interval must cover.
 */
class RossiEndToEndTest {
  private static final double TRIAL_EFFECT = 48.0 / 216 - 66.0 / 216;

  @TempDir Path batch;
  @TempDir Path warehouse;

  @Test
  void publishedImpactCoversTheRandomisedDifference() {
    RossiBatchWriter.write(BenchmarkSamples.directory(), batch);
    WarehouseLayout layout = ImpactWarehouse.ingest(batch, warehouse);
    SparkSession spark = TestSparkSessions.shared();

    RunManifest manifest =
        new AnalyzeJob(spark, layout, message -> {})
            .run(AnalyzeParameters.defaults(), ProgramImpactSettings.defaults());

    List<Row> impact =
        spark
            .read()
            .parquet(layout.runTable(manifest.runId(), ResultTables.PROGRAM_IMPACT))
            .collectAsList();
    assertThat(impact).hasSize(ProgramImpactJob.METHODS.size());
    for (Row row : impact) {
      String method = row.getAs(ResultTables.METHOD);
      assertThat(row.<String>getAs(ResultTables.OUTCOME)).isEqualTo("rearrested");
      assertThat(row.<String>getAs(ResultTables.OUTCOME_TYPE))
          .isEqualTo(ResultTables.OUTCOME_RISK_DIFFERENCE);
      assertThat(row.<Long>getAs(ResultTables.TREATED)).isEqualTo(216);
      assertThat(row.<Long>getAs(ResultTables.CONTROLS)).isEqualTo(216);
      // closed-form intervals by default: nothing is resampled
      assertThat(row.<Long>getAs(ResultTables.RESAMPLES)).isZero();
      assertThat(row.<Long>getAs(ResultTables.RESAMPLE_UNITS)).isZero();
      assertThat(row.<Double>getAs(ResultTables.NAIVE_DIFFERENCE))
          .isCloseTo(TRIAL_EFFECT, within(1e-12));
      assertThat(row.<Double>getAs(ResultTables.LOW)).as(method).isLessThanOrEqualTo(TRIAL_EFFECT);
      assertThat(row.<Double>getAs(ResultTables.HIGH))
          .as(method)
          .isGreaterThanOrEqualTo(TRIAL_EFFECT);
      assertThat(row.<Boolean>getAs(ResultTables.PRIMARY))
          .isEqualTo(method.equals(ResultTables.METHOD_DOUBLY_ROBUST));
      // The file has no programme cost, so there is no cost per outcome.
      assertThat(row.isNullAt(row.fieldIndex(ResultTables.COST_PER_OUTCOME))).isTrue();
    }
    Row program =
        spark.read().parquet(layout.runTable(manifest.runId(), ResultTables.PROGRAMS)).first();
    assertThat(program.<Long>getAs(ResultTables.PARTICIPANTS)).isEqualTo(216);
    // Randomisation balanced the covariates before any adjustment.
    List<Row> balance =
        spark
            .read()
            .parquet(layout.runTable(manifest.runId(), ResultTables.PROGRAM_BALANCE))
            .collectAsList();
    assertThat(balance).isNotEmpty();
    for (Row row : balance) {
      assertThat(Math.abs(row.<Double>getAs(ResultTables.SMD_BEFORE))).isLessThan(0.25);
    }
    // Dehejia & Wahba's check: one estimate, so one number of strata on every row (3 on this
    // trial), each covariate unbalanced in some of them at most, and after randomisation few
    // (stratum, covariate) cells flagged: about one in twenty by chance (none on this trial), so
    // fewer than one in ten
    int strata = balance.get(0).<Integer>getAs(ResultTables.STRATA);
    assertThat(strata).isPositive();
    int unbalanced = 0;
    for (Row row : balance) {
      assertThat(row.<Integer>getAs(ResultTables.STRATA)).isEqualTo(strata);
      assertThat(row.<Integer>getAs(ResultTables.UNBALANCED_STRATA)).isBetween(0, strata);
      unbalanced += row.<Integer>getAs(ResultTables.UNBALANCED_STRATA);
    }
    assertThat(unbalanced).isLessThanOrEqualTo(strata * balance.size() / 10);
    assertThat(manifest.methods()).containsKey(ResultTables.PROGRAM_IMPACT);
    assertThat(manifest.methods().get(ResultTables.PROGRAM_BALANCE))
        .contains("strata", "unbalanced_strata", "Welch t-test, 5%");
    // re-arrest is observed 364 days after release, in the default window from day 30 on: the one
    // outcome observed is estimated, and nothing is left to explain
    assertThat(manifest.parameters())
        .containsEntry("impactFollowUpDays", "30-")
        .doesNotContainKey("impactFollowUpEndDays")
        .containsEntry("impactResampleUnits", ImpactOptions.DEFAULT_MAX_RESAMPLE_UNITS)
        .containsEntry("impactVariance", "closed-form");
    assertThat(manifest.tables()).containsEntry(ResultTables.PROGRAM_IMPACT_GAPS, 0L);
    assertThat(manifest.programImpactGaps()).isEmpty();
  }
}
