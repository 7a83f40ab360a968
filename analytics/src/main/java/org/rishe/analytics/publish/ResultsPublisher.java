package org.rishe.analytics.publish;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * Writes one results run: every table as plain Parquet under {@code results/<run-id>/}, then {@code
 * run.json}, and last the atomic replacement of {@code results/LATEST}. A reader follows LATEST
 * only, so a run cut short at any moment is never seen; the next run removes its remains.
 */
public final class ResultsPublisher {
  private final WarehouseLayout layout;
  private final WarehouseFiles files;
  private final String runId;
  private final Map<String, Long> rowCounts = new LinkedHashMap<>();
  private final ResultsPublisher run;

  public ResultsPublisher(WarehouseLayout layout, WarehouseFiles files, String runId) {
    this(layout, files, runId, null);
  }

  private ResultsPublisher(
      WarehouseLayout layout, WarehouseFiles files, String runId, ResultsPublisher run) {
    this.layout = requireNonNull(layout, "layout is null");
    this.files = requireNonNull(files, "files is null");
    this.runId = requireNonNull(runId, "runId is null");
    this.run = run;
  }

  /**
   * A publisher for one step of this run: it writes into the same run, and its {@link #rowCounts}
   * hold only the tables written through it, which this publisher's hold too. Steps running at the
   * same time each write through their own, so what each wrote can be checked against what it
   * declares.
   */
  public ResultsPublisher forStep() {
    return new ResultsPublisher(layout, files, runId, this);
  }

  public String runId() {
    return runId;
  }

  /** The warehouse the run is published in. */
  public WarehouseLayout layout() {
    return layout;
  }

  /** The warehouse's files, as the run writes them. */
  public WarehouseFiles files() {
    return files;
  }

  /**
   * Writes one table of the run; a small table is written as one file. Its row count, for the
   * manifest, comes from the written files' footers rather than a second Spark job.
   */
  public void write(String table, Dataset<Row> rows) {
    String path = layout.runTable(runId, table);
    rows.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(path);
    record(table, files.parquetRows(path));
  }

  private synchronized void record(String table, long rows) {
    rowCounts.put(table, rows);
    if (run != null) {
      run.record(table, rows);
    }
  }

  /** The row count of every table written through this publisher (or a step's), by table. */
  public synchronized Map<String, Long> rowCounts() {
    return Map.copyOf(rowCounts);
  }

  /** Writes the manifest and then points LATEST at this run. */
  public void publish(RunManifest manifest) {
    files.writeAtomically(layout.runManifest(runId), manifest.toJson());
    files.writeAtomically(layout.latest(), runId + "\n");
  }

  /** The run LATEST points at, if any. */
  public static java.util.Optional<String> latest(WarehouseLayout layout, WarehouseFiles files) {
    return files.readText(layout.latest()).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** Removes run folders that never got a manifest: the remains of an interrupted analyze. */
  public static void removeIncompleteRuns(WarehouseLayout layout, WarehouseFiles files) {
    if (!files.exists(layout.results())) {
      return;
    }
    String latest = latest(layout, files).orElse("");
    for (String run : files.listDirectoryNames(layout.results())) {
      if (!run.equals(latest) && !files.exists(layout.runManifest(run))) {
        files.deleteRecursively(layout.run(run));
      }
    }
  }
}
