package org.rishe.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.contract.Entity;
import org.rishe.spark.curated.CuratedSchemas;

/**
 * The default catalogue as the rows an indicators table is seeded with: its curated columns and a
 * null {@link CuratedSchemas#DELETED_AT}, the shape {@link
 * org.rishe.spark.curated.CuratedTables#mergeEntity} takes.
 */
final class CatalogueSeed {
  private CatalogueSeed() {}

  /** The default catalogue's rows. */
  static Dataset<Row> rows(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (var indicator : Catalogue.defaultCatalogue().indicators()) {
      rows.add(
          RowFactory.create(
              indicator.code(),
              indicator.kind().code(),
              indicator.valueType().code(),
              indicator.domain(),
              indicator.labelEn(),
              indicator.labelFa(),
              indicator.threshold(),
              indicator.direction().code(),
              indicator.causalRank() == null ? null : indicator.causalRank().longValue(),
              null));
    }
    return spark.createDataFrame(
        rows,
        CuratedSchemas.curated(Entity.INDICATORS)
            .add(CuratedSchemas.DELETED_AT, DataTypes.TimestampType, true));
  }

  /**
   * The rows a new indicators table is created with when the batch that creates it has an
   * indicators file: the default catalogue's rows, each replaced or deleted (a tombstone) by the
   * batch's row of the same code, and the batch's other rows; what seeding the table and then
   * merging the batch into it would leave, in one commit instead of two.
   */
  static Dataset<Row> under(Dataset<Row> seed, Dataset<Row> batch) {
    String code = Entity.INDICATORS.key().get(0);
    Column[] columns = Arrays.stream(seed.columns()).map(name -> col(name)).toArray(Column[]::new);
    Dataset<Row> rows = batch.select(columns);
    Dataset<Row> replaced = rows.select(col(code).as("_replaced"));
    return seed.join(replaced, seed.col(code).equalTo(replaced.col("_replaced")), "left_anti")
        .unionByName(rows);
  }
}
