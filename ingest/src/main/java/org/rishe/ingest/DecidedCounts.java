package org.rishe.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.rishe.common.contract.Reason;
import org.rishe.spark.curated.CuratedSchemas;

/**
 * The decided rows' counts by file and reason (the rows of {@link IngestTransforms#counts}), taken
 * while they are written, as the write job's observed metrics, instead of by a Spark job of their
 * own. Every count is named in advance: for each file, its kept rows, their tombstones, and its
 * rows of each {@link Reason}. A row of any other file or reason is counted nowhere, so its file's
 * rows no longer add up to the rows read and the ingest stops as for any such bug.
 */
final class DecidedCounts {
  /** How long to wait for the metrics after the write has returned; they normally are there. */
  private static final long WAIT_SECONDS = 60;

  private final List<String> files;
  private final Observation observation;

  DecidedCounts(List<String> files, String name) {
    this.files = List.copyOf(files);
    this.observation = new Observation(name);
  }

  /** The decided rows, counted when an action runs on the returned dataset. */
  Dataset<Row> observing(Dataset<Row> decided) {
    Column file = coalesce(col(CuratedSchemas.FILE), col(CuratedSchemas.QUARANTINE_FILE));
    Column reason = col(CuratedSchemas.QUARANTINE_REASON);
    List<Column> metrics = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Column ofFile = file.equalTo(files.get(i));
      Column kept = ofFile.and(reason.isNull());
      metrics.add(counted(kept).as(name(i, "kept")));
      metrics.add(
          counted(kept.and(col(CuratedSchemas.DELETED_AT).isNotNull())).as(name(i, "tombstones")));
      for (Reason each : Reason.values()) {
        metrics.add(counted(ofFile.and(reason.equalTo(each.code()))).as(name(i, each.code())));
      }
    }
    return decided.observe(
        observation, metrics.get(0), metrics.subList(1, metrics.size()).toArray(Column[]::new));
  }

  /**
   * The counts, once the action has run: rows of file, reason (null for kept rows), rows and
   * tombstones, one for each file and reason with rows; empty when the metrics did not come.
   */
  java.util.Optional<List<Row>> rows() {
    Row metrics;
    try {
      metrics =
          scala.concurrent.Await.result(
              observation.future(),
              scala.concurrent.duration.Duration.create(WAIT_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting the decided rows", e);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      long kept = metrics.getAs(name(i, "kept"));
      long tombstones = metrics.getAs(name(i, "tombstones"));
      if (kept > 0) {
        rows.add(RowFactory.create(files.get(i), null, kept, tombstones));
      }
      for (Reason each : Reason.values()) {
        long quarantined = metrics.getAs(name(i, each.code()));
        if (quarantined > 0) {
          rows.add(RowFactory.create(files.get(i), each.code(), quarantined, 0L));
        }
      }
    }
    return java.util.Optional.of(rows);
  }

  private static Column counted(Column condition) {
    return count(when(condition, lit(1)));
  }

  private static String name(int file, String count) {
    return "f" + file + "_" + count;
  }
}
