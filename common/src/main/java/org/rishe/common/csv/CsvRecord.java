package org.rishe.common.csv;

import java.util.List;
import java.util.Objects;

/**
 * One record of a CSV file: its cells as read, the physical line it started on (1-based, the header
 * being line 1) and the raw text it was read from.
 */
public record CsvRecord(long line, List<String> cells, String raw) {
  public CsvRecord {
    Objects.requireNonNull(cells, "cells is null");
    Objects.requireNonNull(raw, "raw is null");
    cells = List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
  }

  public int size() {
    return cells.size();
  }
}
