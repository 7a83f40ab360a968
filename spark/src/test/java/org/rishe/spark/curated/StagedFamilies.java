package org.rishe.spark.curated;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rishe.common.contract.Entity;

/** Staged families rows, as an ingest hands them to {@link CuratedTables#mergeEntity}. */
final class StagedFamilies {
  private StagedFamilies() {}

  /** A family of three in rented housing; a tombstone when {@code deletedAt} is set. */
  static Row family(String id, String region, Timestamp deletedAt) {
    return RowFactory.create(id, region, 3L, null, "rented", Date.valueOf("2024-01-01"), deletedAt);
  }

  static Dataset<Row> staged(SparkSession spark, List<Row> rows) {
    StructType schema =
        CuratedSchemas.curated(Entity.FAMILIES)
            .add(CuratedSchemas.DELETED_AT, DataTypes.TimestampType, true);
    return spark.createDataFrame(rows, schema);
  }
}
