package org.rishe.analytics.impact;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.DateParser;
import org.rishe.common.contract.Entity;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

/** Test helper: ingests a batch folder into a fresh warehouse and evaluates its programmes. */
final class ImpactWarehouse {
  static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);

  private ImpactWarehouse() {}

  static List<ProgramImpactJob.Evaluation> ingestAndEvaluate(
      Path batch, Path warehouse, ProgramImpactSettings settings) {
    return evaluate(ingest(batch, warehouse), settings).evaluations();
  }

  /** Evaluates the programmes of an ingested warehouse, saying why each outcome left has none. */
  static ProgramImpactJob.Results evaluate(WarehouseLayout layout, ProgramImpactSettings settings) {
    SparkSession spark = TestSparkSessions.shared();
    CuratedInputs inputs = new CuratedInputs(spark, layout);
    return new ProgramImpactJob(spark, settings)
        .evaluateAndExplain(
            inputs.people(),
            inputs.table(Entity.FAMILIES),
            inputs.enrollments(),
            inputs.observations(),
            inputs.table(Entity.INDICATORS),
            inputs.table(Entity.PROGRAMS));
  }

  /** Ingests the batch into a new warehouse at {@code warehouse}. */
  static WarehouseLayout ingest(Path batch, Path warehouse) {
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    new IngestJob(TestSparkSessions.shared(), layout, PSEUDONYMS, message -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
    return layout;
  }
}
