package org.rishe.ingest.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The ingest report's line for one batch file. For a loaded file {@code read = accepted +
 * quarantined}; a failed file has an error saying what is wrong and how to fix it, and loads
 * nothing.
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
    List<String> droppedPersonalColumns) {
  public static final String LOADED = "loaded";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";

  public FileReport {
    requireNonNull(file, "file is null");
    requireNonNull(status, "status is null");
    quarantinedByReason = Map.copyOf(quarantinedByReason);
    ignoredColumns = List.copyOf(ignoredColumns);
    droppedPersonalColumns = List.copyOf(droppedPersonalColumns);
  }

  public static FileReport failed(String file, String entity, String error) {
    return new FileReport(file, entity, FAILED, error, 0, 0, 0, 0, Map.of(), List.of(), List.of());
  }

  public static FileReport skipped(String file, String why) {
    return new FileReport(file, null, SKIPPED, why, 0, 0, 0, 0, Map.of(), List.of(), List.of());
  }
}
