package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.rishe.analytics.scope.AnalyticScope;
import org.rishe.common.contract.Entity;
import org.rishe.generator.GeneratorConfig;
import org.rishe.generator.SyntheticBatchGenerator;
import org.rishe.spark.curated.CuratedSchemas;

/**
 * Reads a generated batch file as if it were the curated table: the curated columns, cast to their
 * curated types. Only for valid generated batches (no dirt), where ingest would accept every row.
 */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /** The root-cause inputs of a generated batch, children aged 0-17 at registration. */
  static RootCauseInputs rootCauseInputs(SparkSession spark, Path batch) {
    Dataset<Row> people = read(spark, batch, Entity.PEOPLE);
    Dataset<Row> cases = read(spark, batch, Entity.CASES);
    return RootCauseInputs.of(
        AnalyticScope.consentingPeople(people),
        read(spark, batch, Entity.FAMILIES),
        AnalyticScope.ofConsentingPeople(cases, people, "person_id"),
        read(spark, batch, Entity.OBSERVATIONS),
        read(spark, batch, Entity.INDICATORS),
        0,
        17);
  }

  /**
   * A generated batch's root-cause inputs with what every model needs beside them: the codes, the
   * regions, the 2×2 counts, the codes counted (sorted) and the causal order with the catalogue's
   * ranks. Close it to release the inputs.
   */
  record Counted(
      RootCauseInputs inputs,
      PersonTimeline.Codes dictionary,
      List<String> regions,
      List<RootCauseStatistics.Counts> counts,
      List<String> codes,
      CausalOrder order)
      implements AutoCloseable {
    /** Generates {@code families} families with {@code seed} into {@code batch} and counts them. */
    static Counted generate(SparkSession spark, Path batch, int families, long seed) {
      SyntheticBatchGenerator.generate(
          GeneratorConfig.defaults(batch).withFamilies(families).withSeed(seed));
      RootCauseInputs inputs = rootCauseInputs(spark, batch);
      PersonTimeline.Codes dictionary = inputs.codes();
      List<String> regions = inputs.regions();
      List<RootCauseStatistics.Counts> counts =
          RootCauseTransforms.twoByTwoCounts(inputs.timelines, dictionary, regions);
      List<String> codes =
          counts.stream().map(RootCauseStatistics.Counts::factor).distinct().sorted().toList();
      CausalOrder order =
          RootCauseAnalysis.causalOrder(
              inputs.factorObservations, inputs.indicators, dictionary.lags(), codes);
      return new Counted(inputs, dictionary, regions, counts, codes, order);
    }

    @Override
    public void close() {
      inputs.close();
    }
  }

  static Dataset<Row> read(SparkSession spark, Path batch, Entity entity) {
    Dataset<Row> raw =
        spark
            .read()
            .option("header", "true")
            .csv(batch.resolve(entity.fileName() + ".csv").toString());
    Set<String> present = Set.of(raw.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField field : CuratedSchemas.curated(entity).fields()) {
      Column source = present.contains(field.name()) ? col(field.name()) : lit(null);
      columns.add(source.cast(field.dataType()).as(field.name()));
    }
    return raw.select(columns.toArray(new Column[0]));
  }
}
