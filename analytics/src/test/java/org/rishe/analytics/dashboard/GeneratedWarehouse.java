package org.rishe.analytics.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.generator.GeneratorConfig;
import org.rishe.generator.Outbreak;
import org.rishe.generator.SyntheticBatchGenerator;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

/**
 * One generated batch (6,000 families, seed 3, child labour in R01 multiplied by 4 in June 2024),
 * ingested once per test JVM and shared by the tests that need realistic volumes, because an ingest
 * is the slowest thing these tests do on a shared two-core machine. Observations, programmes,
 * enrolments and volunteers are left out: nothing here reads them.
 */
public final class GeneratedWarehouse {
  public static final String OUTBREAK = "R01:child_labour:2024-06:4";
  private static CuratedInputs inputs;

  private GeneratedWarehouse() {}

  public static synchronized CuratedInputs inputs() {
    if (inputs == null) {
      inputs = generateAndIngest();
    }
    return inputs;
  }

  private static CuratedInputs generateAndIngest() {
    try {
      Path temporary = Files.createTempDirectory("rishe-generated-");
      temporary.toFile().deleteOnExit();
      Path batch = temporary.resolve("batch");
      SyntheticBatchGenerator.generate(
          GeneratorConfig.defaults(batch)
              .withFamilies(6000)
              .withSeed(3)
              .withOutbreaks(List.of(Outbreak.parse(OUTBREAK))));
      for (String unused : List.of("observations", "programs", "enrollments", "volunteers")) {
        Files.deleteIfExists(batch.resolve(unused + ".csv"));
      }
      SparkSession spark = TestSparkSessions.shared();
      WarehouseLayout layout = new WarehouseLayout(temporary.resolve("warehouse").toString());
      new IngestJob(spark, layout, new Pseudonymizer(new byte[32]), line -> {})
          .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
      return new CuratedInputs(spark, layout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
