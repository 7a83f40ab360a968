package org.rishe.generator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;

/** A generated CSV file read back with the project's own reader, for assertions. */
record Table(List<String> header, List<List<String>> rows) {

  static Table read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(reader)) {
      List<String> header = csv.next().orElseThrow().cells();
      List<List<String>> rows = new ArrayList<>();
      Optional<CsvRecord> record;
      while ((record = csv.next()).isPresent()) {
        rows.add(record.get().cells());
      }
      return new Table(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return index;
  }

  /** The cell, or the empty string when a short row does not reach it. */
  String value(List<String> row, String name) {
    int index = column(name);
    return index < row.size() ? row.get(index) : "";
  }
}
