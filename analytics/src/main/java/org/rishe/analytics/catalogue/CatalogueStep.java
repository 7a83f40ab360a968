package org.rishe.analytics.catalogue;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Set;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * The analyze step that publishes the catalogues the run was computed with: the indicators, and the
 * regions with their names and outlines, so the API can name and draw the regions of the run's
 * figures without reading the warehouse.
 */
public final class CatalogueStep implements AnalysisStep {
  @Override
  public String name() {
    return "catalogue";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(Entity.INDICATORS, Entity.REGIONS);
  }

  @Override
  public List<String> publishes() {
    return List.of(ResultTables.INDICATORS, ResultTables.REGIONS);
  }

  /** One row per indicator, by code; one per region, by code. */
  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    context
        .publisher()
        .write(
            ResultTables.INDICATORS,
            ResultOrder.sorted(
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
                        col("direction")),
                "code"));
    context
        .publisher()
        .write(
            ResultTables.REGIONS,
            ResultOrder.sorted(
                context
                    .inputs()
                    .table(Entity.REGIONS)
                    .select(
                        col(ResultTables.REGION),
                        col(ResultTables.LABEL_EN),
                        col(ResultTables.LABEL_FA),
                        col(ResultTables.PARENT),
                        col(ResultTables.GEOMETRY)),
                ResultTables.REGION));
  }
}
