package org.rishe.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one generator run wrote.
 *
 * @param rows rows per file name (header excluded, injected invalid rows included), in file order
 * @param elapsedMillis wall-clock time of the run
 */
public record BatchSummary(Map<String, Long> rows, GroundTruth truth, long elapsedMillis) {
  public BatchSummary {
    Objects.requireNonNull(truth, "truth is null");
    // A LinkedHashMap copy keeps the file order for the summary line.
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  /** One line: how many rows went to each file, and how many of them were made invalid. */
  public String describe() {
    StringBuilder line = new StringBuilder("wrote");
    rows.forEach((file, count) -> line.append(' ').append(file).append('=').append(count));
    long dirty = truth.dirtyRows().values().stream().mapToLong(Long::longValue).sum();
    line.append(" (invalid rows injected: ").append(dirty).append(") in ");
    line.append(String.format(Locale.ROOT, "%.1f s", elapsedMillis / 1000.0));
    return line.toString();
  }
}
