package org.rishe.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.warehouse.WarehouseFiles;

/** The manifest's row counts are read from the written files' footers, not counted again. */
class ResultsPublisherTest {
  @TempDir Path temporary;

  @Test
  void rowCountsComeFromTheFootersOfEveryDataFileAndSkipSparksMarkers() throws Exception {
    SparkSession spark = TestSparkSessions.shared();
    WarehouseFiles files = new WarehouseFiles(spark.sparkContext().hadoopConfiguration());
    ResultsPublisher publisher =
        new ResultsPublisher(new WarehouseLayout(temporary.toString()), files, "run-1");

    publisher.write("three", spark.createDataset(List.of(1L, 2L, 3L), Encoders.LONG()).toDF());
    publisher.write("none", spark.createDataset(List.<Long>of(), Encoders.LONG()).toDF());
    // two data files (one per partition) beside Spark's _SUCCESS marker and .crc checksums
    String split = temporary.resolve("split").toString();
    spark
        .createDataset(List.of(1L, 2L, 3L, 4L, 5L), Encoders.LONG())
        .repartition(2)
        .write()
        .parquet(split);

    assertThat(publisher.rowCounts()).containsEntry("three", 3L).containsEntry("none", 0L);
    assertThat(Files.exists(Path.of(split, "_SUCCESS"))).isTrue();
    assertThat(files.parquetRows(split)).isEqualTo(5);
  }
}
