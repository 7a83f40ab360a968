package org.rishe.common.batch;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.rishe.common.contract.Reason;
import org.rishe.common.contract.RowResult;
import org.rishe.common.csv.CsvFormatException;
import org.rishe.common.csv.CsvReader;
import org.rishe.common.csv.CsvRecord;

/** Reads a CSV batch file: header row required, a row with too few or too many cells rejected. */
final class CsvBatchFileReader implements BatchFileReader {
  private final String fileName;
  private final CsvReader csv;
  private final List<String> header;
  private final Set<String> dropped = new LinkedHashSet<>();
  private final boolean[] personal;

  CsvBatchFileReader(String fileName, Reader reader, Predicate<String> drops) {
    this.fileName = fileName;
    this.csv = new CsvReader(reader);
    Optional<CsvRecord> first = read();
    if (first.isEmpty()) {
      throw new BatchFileException(
          fileName + ": the file is empty; a CSV batch file needs a header row naming its columns");
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String cell : first.get().cells()) {
      String name = cell.trim();
      if (name.isEmpty()) {
        throw new BatchFileException(
            fileName + ": the header row has an empty column name; name every column");
      }
      if (!seen.add(name)) {
        throw new BatchFileException(
            fileName + ": the header names column '" + name + "' twice; keep one");
      }
      names.add(name);
    }
    this.header = List.copyOf(names);
    this.personal = new boolean[header.size()];
    for (int i = 0; i < header.size(); i++) {
      personal[i] = drops.test(header.get(i));
      if (personal[i]) {
        dropped.add(header.get(i));
      }
    }
  }

  @Override
  public List<String> columns() {
    return header;
  }

  @Override
  public Set<String> droppedPersonalColumns() {
    return Set.copyOf(dropped);
  }

  @Override
  public Optional<SourceRow> next() {
    Optional<CsvRecord> next = read();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    CsvRecord record = next.get();
    if (record.size() != header.size()) {
      // cells cannot be matched to columns, so none is kept: one of them may be personal
      String message = "row has " + record.size() + " cells but the header has " + header.size();
      return Optional.of(
          new SourceRow(
              record.line(),
              Map.of(),
              new RowResult.Rejected(Reason.WRONG_COLUMN_COUNT, null, message)));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (!personal[i]) {
        String cell = record.cells().get(i);
        values.put(header.get(i), cell.isEmpty() ? null : cell);
      }
    }
    return Optional.of(new SourceRow(record.line(), values, null));
  }

  private Optional<CsvRecord> read() {
    try {
      return csv.next();
    } catch (CsvFormatException e) {
      throw new BatchFileException(
          fileName + ": not valid CSV at " + e.getMessage() + "; check the quoting (RFC 4180)", e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new BatchFileException(
            fileName + ": the file is not UTF-8 text; save it as UTF-8 and ingest it again", e);
      }
      throw new BatchFileException(fileName + ": cannot be read: " + e.getCause().getMessage(), e);
    }
  }

  @Override
  public void close() {
    csv.close();
  }
}
