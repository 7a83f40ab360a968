package org.rishe.analytics.catalogue;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Set;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/** The analyze step that publishes the indicator catalogue the run was computed with. */
public final class CatalogueStep implements AnalysisStep {
  @Override
  public String name() {
    return "catalogue";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(Entity.INDICATORS);
  }

  @Override
  public List<String> publishes() {
    return List.of(ResultTables.INDICATORS);
  }

  /** One row per indicator, by code. */
  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    context
        .publisher()
        .write(
            ResultTables.INDICATORS,
            context
                .inputs()
                .table(Entity.INDICATORS)
                .select(
                    col("code"),
                    col("kind"),
                    col("value_type"),
                    col("domain"),
                    col("label_en"),
                    col("label_fa"),
                    col("threshold"),
                    col("direction"))
                .orderBy("code"));
  }
}
