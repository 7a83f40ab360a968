package org.rishe.ingest.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.rishe.common.warehouse.IngestFileStatus;

/**
 * The ingest report's line for one batch file. For a loaded file {@code read = accepted +
 * quarantined}; a failed file has an error saying what is wrong and how to fix it, and loads
 * nothing. The statuses are {@link IngestFileStatus}'s.
 */
public record FileReport(
    String file,
    String entity,
    String status,
    String error,
    long read,
    long accepted,
    long quarantined,
    long tombstones,
    Map<String, Long> quarantinedByReason,
    List<String> ignoredColumns,
    List<String> droppedPersonalColumns,
    String digest) {
  public static final String LOADED = IngestFileStatus.LOADED;
  public static final String FAILED = IngestFileStatus.FAILED;
  public static final String SKIPPED = IngestFileStatus.SKIPPED;
  public static final String UNCHANGED = IngestFileStatus.UNCHANGED;

  public FileReport {
    requireNonNull(file, "file is null");
    requireNonNull(status, "status is null");
    quarantinedByReason = quarantinedByReason == null ? Map.of() : Map.copyOf(quarantinedByReason);
    ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
    droppedPersonalColumns =
        droppedPersonalColumns == null ? List.of() : List.copyOf(droppedPersonalColumns);
  }

  public static FileReport failed(String file, String entity, String error) {
    return new FileReport(
        file, entity, FAILED, error, 0, 0, 0, 0, Map.of(), List.of(), List.of(), null);
  }

  public static FileReport skipped(String file, String why) {
    return new FileReport(
        file, null, SKIPPED, why, 0, 0, 0, 0, Map.of(), List.of(), List.of(), null);
  }

  /** This file's line again, as {@link #UNCHANGED}. */
  public FileReport unchanged() {
    return new FileReport(
        file,
        entity,
        UNCHANGED,
        null,
        read,
        accepted,
        quarantined,
        tombstones,
        quarantinedByReason,
        ignoredColumns,
        droppedPersonalColumns,
        digest);
  }

  /** Whether the file's rows are in the tables: loaded now or by an earlier ingest. */
  public boolean reachedTables() {
    return IngestFileStatus.reachedTables(status);
  }
}
