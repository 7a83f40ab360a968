package org.rishe.common.csv;

import java.util.List;
import java.util.Objects;

/**
 * One record of a CSV file: its cells as read and the physical line it started on (1-based, the
 * header being line 1).
 */
public record CsvRecord(long line, List<String> cells) {
  public CsvRecord {
    Objects.requireNonNull(cells, "cells is null");
  }

  public int size() {
    return cells.size();
  }
}
