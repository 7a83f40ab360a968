package org.rishe.ingest.batch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What reading one batch file found, before the set-based checks: rows read, rows rejected while
 * reading (by reason), ignored and dropped columns, and the SHA-256 of its bytes.
 */
public record FileStats(
    String file,
    int order,
    long read,
    Map<String, Long> rejectedByReason,
    List<String> ignoredColumns,
    List<String> droppedPersonalColumns,
    String digest) {
  public FileStats {
    requireNonNull(file, "file is null");
    rejectedByReason = Map.copyOf(rejectedByReason);
    ignoredColumns = List.copyOf(ignoredColumns);
    droppedPersonalColumns = List.copyOf(droppedPersonalColumns);
    requireNonNull(digest, "digest is null");
  }
}
